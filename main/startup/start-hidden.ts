import { HIDDEN_ARG } from './login-item.ts';

export interface StartHiddenInput {
  readonly argv: readonly string[];
  readonly startMinimized: boolean;
  /** macOS reports a login launch itself (login items cannot pass arguments there). */
  readonly openedAtLogin: boolean;
  readonly hasTray: boolean;
}

/** Start in the tray without showing the window, but only when there is a tray to come back from. */
export function shouldStartHidden(input: StartHiddenInput): boolean {
  if (!input.hasTray) return false;
  return input.startMinimized || input.openedAtLogin || input.argv.includes(HIDDEN_ARG);
}
