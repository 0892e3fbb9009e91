/**
 * Numbers, calendar days and plurals for the cockpit, through `Intl` in the widget's locale.
 * (Instants — "2 days ago" — go through `src/format/time.ts`.)
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A count as the locale writes it: `1,234` in English, `1 234` in French. */
export function formatCount(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })));
  return format.format(value);
}

/** The plural category of a count: French says "0 tâche", English "0 tasks". */
export function pluralOf(value: number, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(value);
}

export type DayStyle = 'short' | 'long';

/**
 * A calendar day (`YYYY-MM-DD`) as the locale writes it. The day is the same everywhere, so it is
 * formatted in UTC: a viewer west of Greenwich must not see the day before. `short` leaves out the
 * year when it is `currentYear`.
 */
export function formatDay(day: string, locale: string, style: DayStyle = 'short', currentYear?: number): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) return day;
  const withYear = style === 'long' || new Date(time).getUTCFullYear() !== currentYear;
  const key = `${locale}|${style}|${withYear}`;
  let format = dayFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'long'
        ? { dateStyle: 'long', timeZone: 'UTC' }
        : { day: 'numeric', month: 'short', ...(withYear && { year: 'numeric' }), timeZone: 'UTC' };
    dayFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  }
  return format.format(time);
}

/** The organisation domain of a person id (`bob@seller.example` → `seller.example`). */
export function organisationOf(personId: string): string {
  return personId.slice(personId.indexOf('@') + 1);
}
