/**
 * Calendar dates (`YYYY-MM-DD`, as tasks and milestones carry them) through `Intl`. A due date is
 * a day, not an instant: it is read and shown in UTC so that no time zone moves it to the day
 * before.
 */

const DAY = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The viewer's calendar day at `now` (their time zone), as `YYYY-MM-DD`. */
export function localDay(now: number): string {
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Milliseconds of a `YYYY-MM-DD` at 00:00 UTC; NaN when it is not a real date. */
export function dayValue(day: string): number {
  const match = DATE_ONLY.exec(day);
  if (!match) return Number.NaN;
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  const value = Date.UTC(year, month - 1, date);
  // 2027-02-30 rolls over to March: not a real date.
  const check = new Date(value);
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === date ? value : Number.NaN;
}

export function isDay(day: string): boolean {
  return !Number.isNaN(dayValue(day));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayValue(to) - dayValue(from)) / DAY);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let found = formats.get(id);
  if (!found) formats.set(id, (found = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return found;
}

/** "12 Mar" this year, "12 Mar 2028" otherwise. */
export function formatDay(day: string, today: string, locale: string): string {
  const value = dayValue(day);
  if (Number.isNaN(value)) return day;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return sameYear
    ? format(locale, 'short', { day: 'numeric', month: 'short' }).format(value)
    : format(locale, 'medium', { day: 'numeric', month: 'short', year: 'numeric' }).format(value);
}

/** "Friday 12 March 2027", for titles and screen readers. */
export function formatLongDay(day: string, locale: string): string {
  const value = dayValue(day);
  return Number.isNaN(value) ? day : format(locale, 'long', { dateStyle: 'full' }).format(value);
}
