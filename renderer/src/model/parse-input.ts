import type { NumberLocale } from '../../../shared/number-locale.ts';

const THRESHOLD = /^\d{1,15}(\.\d{1,18})?$/;

/**
 * Reads a non-negative decimal typed by the user, in their locale's symbols ("1,234.5" or "1.234,5"),
 * as a plain decimal string; null when it is not one. Empty means zero.
 */
export function parseUserDecimal(text: string, locale: NumberLocale): string | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return '0';
  const withoutGroups = locale.group.trim() === '' ? compact : compact.split(locale.group).join('');
  const plain = locale.decimal === '.' ? withoutGroups : withoutGroups.replace(locale.decimal, '.');
  return THRESHOLD.test(plain) ? plain : null;
}
