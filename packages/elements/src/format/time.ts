/** Dates and times as people read them, through `Intl` (no date library in the bundle). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

function dateFormat(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let format = dateFormats.get(id);
  if (!format) dateFormats.set(id, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/**
 * "now", "5 minutes ago", "yesterday" within a week; a date after that. `now` is passed in so
 * that a whole render uses one instant and tests can fix it.
 */
export function formatRelative(instant: string, now: number, locale: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return '';
  // A server clock a little ahead of ours must not say "in 1 minute".
  const elapsed = Math.max(0, now - time);
  const relative = relativeFormat(locale);
  if (elapsed < MINUTE) return relative.format(0, 'second');
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), 'day');
  const sameYear = new Date(time).getFullYear() === new Date(now).getFullYear();
  return sameYear
    ? dateFormat(locale, 'day-month', { day: 'numeric', month: 'short' }).format(time)
    : dateFormat(locale, 'date', { dateStyle: 'medium' }).format(time);
}

/** The full date and time, for a tooltip. */
export function formatFull(instant: string, locale: string): string {
  const time = Date.parse(instant);
  return Number.isNaN(time) ? '' : dateFormat(locale, 'full', { dateStyle: 'full', timeStyle: 'short' }).format(time);
}
