import { HIDDEN_ARG } from './login-item.ts';

export interface StartHiddenInput {
  readonly argv: readonly string[];
  readonly startMinimized: boolean;
  /** macOS reports a login launch itself (login items cannot pass arguments there). */
  readonly openedAtLogin: boolean;
  readonly hasTray: boolean;
  /** Hiding is known to leave the user a way back (tray-hiding.ts: on Linux, only once the user confirmed it). */
  readonly mayHideWithoutAsking: boolean;
}

/** Start in the tray without showing the window, but only when there is a tray the user is known to see. */
export function shouldStartHidden(input: StartHiddenInput): boolean {
  if (!input.hasTray || !input.mayHideWithoutAsking) return false;
  return input.startMinimized || input.openedAtLogin || input.argv.includes(HIDDEN_ARG);
}
