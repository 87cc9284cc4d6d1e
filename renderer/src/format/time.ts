// Building an Intl formatter costs far more than using one, and the clock formats every second: one
// formatter per locale and style, made on first use.
function perLocale<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let formatter = made.get(locale);
    if (formatter === undefined) {
      formatter = make(locale);
      made.set(locale, formatter);
    }
    return formatter;
  };
}

const clockFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' }));
const shortDateTimeFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }));
const relativeFormat = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

/** "14:03:12" or "2:03:12 PM", the locale's clock. */
export function clockTime(iso: string, locale: string): string {
  return clockFormat(locale).format(new Date(iso));
}

/** "Jan 5, 14:03": for chart labels spanning days. */
export function shortDateTime(iso: string, locale: string): string {
  return shortDateTimeFormat(locale).format(new Date(iso));
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
  const format = relativeFormat(locale);
  if (seconds < 60) return format.format(-seconds, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86400) return format.format(-Math.floor(seconds / 3600), 'hour');
  return format.format(-Math.floor(seconds / 86400), 'day');
}
