// Building an Intl formatter costs far more than using one, and the clock formats every second: one
// formatter per key, made on first use.
function remembered<T>(make: (locale: string) => T): (locale: string, key: string) => T {
  const made = new Map<string, T>();
  return (locale, key) => {
    let formatter = made.get(key);
    if (formatter === undefined) {
      formatter = make(locale);
      made.set(key, formatter);
    }
    return formatter;
  };
}

const clockFormat = remembered((locale) => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' }));
const shortDateTimeFormat = remembered((locale) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }));
const shortDateFormat = remembered((locale) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }));
const relativeFormat = remembered((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

/**
 * A date formatter keeps the time zone the system had when it was made; keyed by the date's current UTC
 * offset too, a time zone change while the app runs gets a new one, as a fresh formatter per call did.
 */
function dateText(format: typeof clockFormat, iso: string, locale: string): string {
  const date = new Date(iso);
  return format(locale, `${locale} ${date.getTimezoneOffset()}`).format(date);
}

/** "14:03:12" or "2:03:12 PM", the locale's clock. */
export function clockTime(iso: string, locale: string): string {
  return dateText(clockFormat, iso, locale);
}

/** "Jan 5": a day, for what ends or pays out days away. */
export function shortDate(iso: string, locale: string): string {
  return dateText(shortDateFormat, iso, locale);
}

/** "Jan 5, 14:03": for chart labels spanning days. */
export function shortDateTime(iso: string, locale: string): string {
  return dateText(shortDateTimeFormat, iso, locale);
}

/**
 * A countdown as m:ss (or h:mm:ss), never negative: "0:42", "4:05", "1:00:00". Whole seconds are rounded
 * down, so a clock read up to a second early never shows more than the refresh interval.
 */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** "just now", "2 minutes ago", "3 hours ago". */
export function ageText(ms: number, locale: string): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 10) return 'just now';
  const format = relativeFormat(locale, locale);
  if (seconds < 60) return format.format(-seconds, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86400) return format.format(-Math.floor(seconds / 3600), 'hour');
  return format.format(-Math.floor(seconds / 86400), 'day');
}
