// How the user's locale writes numbers, read once from Intl. Intl only ever formats fixed sample numbers
// here; real amounts are exact decimal strings laid out by shared/decimal-text.ts with these symbols.
// Main reads the locale from the OS (Electron's app.getSystemLocale()) and hands its reading to the
// window in AppInfo, so tray, notifications and window write every number alike, and the window does not
// pay for Intl's one-time set-up before its first render.

import type { NumberLocale } from '../ipc/contract.ts';

export type { NumberLocale };

function partValue(parts: Intl.NumberFormatPart[], type: Intl.NumberFormatPart['type'], fallback: string): string {
  return parts.find((part) => part.type === type)?.value ?? fallback;
}

/** Splits a formatted sample around its digits: what comes before and after the number. */
export function affixes(parts: Intl.NumberFormatPart[]): { prefix: string; suffix: string } {
  const numeric = new Set(['integer', 'group', 'decimal', 'fraction', 'minusSign', 'plusSign']);
  const first = parts.findIndex((part) => numeric.has(part.type));
  let last = -1;
  parts.forEach((part, index) => {
    if (numeric.has(part.type)) last = index;
  });
  if (first === -1) return { prefix: '', suffix: '' };
  return {
    prefix: parts.slice(0, first).map((part) => part.value).join(''),
    suffix: parts.slice(last + 1).map((part) => part.value).join(''),
  };
}

const FALLBACK_LOCALE = 'en-US';

/**
 * A BCP 47 tag Intl accepts, from what an OS reports: 'de_DE' → 'de-DE'; POSIX codesets and ICU
 * keywords dropped ('en-US@posix', the "C" locale as Chromium reports it on Linux, → 'en-US'); anything
 * unreadable → 'en-US'.
 */
export function formatLocaleTag(reported: string): string {
  const tag = reported.replace(/[.@].*$/, '').replaceAll('_', '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

export function readNumberLocale(reported: string): NumberLocale {
  const requested = formatLocaleTag(reported);
  const format = new Intl.NumberFormat(requested, { maximumFractionDigits: 1 });
  const locale = format.resolvedOptions().locale;
  const big = format.formatToParts(1234567890.5);
  const integers = big.filter((part) => part.type === 'integer').map((part) => part.value.length);
  const primaryGroup = integers.length > 1 ? (integers[integers.length - 1] ?? 3) : 3;
  const secondaryGroup = integers.length > 2 ? (integers[integers.length - 2] ?? primaryGroup) : primaryGroup;
  const small = format.formatToParts(Number(`1${'0'.repeat(primaryGroup)}`));
  const minGroupingDigits = small.some((part) => part.type === 'group') ? 1 : 2;
  const signs = new Intl.NumberFormat(requested, { signDisplay: 'always' });
  const percent = affixes(new Intl.NumberFormat(requested, { style: 'percent' }).formatToParts(0.5));
  return {
    locale,
    group: partValue(big, 'group', ','),
    decimal: partValue(big, 'decimal', '.'),
    minus: partValue(signs.formatToParts(-1), 'minusSign', '-'),
    plus: partValue(signs.formatToParts(1), 'plusSign', '+'),
    primaryGroup,
    secondaryGroup,
    minGroupingDigits,
    percentPrefix: percent.prefix,
    percentSuffix: percent.suffix,
  };
}
