import { useMemo } from 'react';
import { readNumberLocale, type NumberLocale } from '../../../shared/number-locale.ts';

/**
 * How the window writes numbers: main's reading of the OS locale, from AppInfo, which the tray and the
 * notifications write with too. Taking it rather than reading Intl here keeps the window's first render
 * clear of Intl's one-time set-up (see intl-warmup.ts). Only when main's info could not be read does the
 * window read Chromium's locale itself; before main's first answer nothing on screen is a number (null).
 * The same object while the reading is the same, so the table's cached lines survive main sending its
 * info again (it does after every account change).
 */
export function useNumberLocale(reading: NumberLocale | null, answered: boolean): NumberLocale | null {
  const key = reading !== null ? JSON.stringify(reading) : answered ? navigator.language : null;
  // Keyed by the reading's content, not by the object's identity, which changes with every answer.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => reading ?? (key === null ? null : readNumberLocale(key)), [key]);
}
