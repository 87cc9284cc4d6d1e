import { useState } from 'react';
import { decimalText } from '../../../shared/decimal-text.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { parseUserDecimal } from '../model/parse-input.ts';

export interface DecimalDraft {
  /** What the field shows: the user's typing, or the saved value in the locale's symbols. */
  readonly text: string;
  readonly setText: (text: string) => void;
  /** The last commit was not a number (the field says so). */
  readonly invalid: boolean;
  /** Reads the typing in the locale's symbols and hands a changed value on; call on blur (and Enter). */
  readonly commit: () => void;
  /** Typed and not committed yet. */
  readonly pending: boolean;
}

/**
 * A decimal setting being typed ("Hide balances under", "Notify when … moves by"): '0' shows as empty,
 * and a change saved elsewhere (the toolbar, the settings dialog, main) replaces the draft, unless it is
 * what the draft already says (a save while typing "1." must not take the dot away). `onType` hears
 * every keystroke's value (null while it is not a number).
 */
export function useDecimalDraft(value: string, locale: NumberLocale, onCommit: (value: string) => void, onType?: (value: string | null) => void): DecimalDraft {
  const shown = value === '0' ? '' : decimalText(value, locale);
  const [text, setDraft] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const [pending, setPending] = useState(false);
  const [followed, setFollowed] = useState(shown);
  if (followed !== shown) {
    setFollowed(shown);
    if (parseUserDecimal(text, locale) !== value) setDraft(shown);
    setInvalid(false);
  }
  const setText = (next: string): void => {
    setDraft(next);
    setPending(true);
    onType?.(parseUserDecimal(next, locale));
  };
  const commit = (): void => {
    const parsed = parseUserDecimal(text, locale);
    setPending(false);
    setInvalid(parsed === null);
    if (parsed !== null && parsed !== value) onCommit(parsed);
  };
  return { text, setText, invalid, commit, pending };
}
