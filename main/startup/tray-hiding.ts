import type { KeyValueStore } from '../persistence/key-value-store.ts';

// Hiding the window to the tray, decided without Electron (close-to-tray.ts and start-hidden.ts apply it).
//
// Why Linux asks first: Electron builds a Tray without an error on a desktop that shows no tray icons at
// all (stock GNOME without the AppIndicator extension, which is Ubuntu's default only because Ubuntu ships
// that extension), and no Electron API reports whether the icon is visible. Hidden there, the app would run
// on with no window and no icon: no way back and no way to quit. So on Linux the first close asks, in a
// native dialog that says where the app goes and how to get it back or quit, and "start minimised" and a
// login launch open the window until the user has confirmed. Windows (notification area, with its overflow)
// and macOS (menu bar) always show Electron's tray icon, so they hide as before.

export interface TrayConsent {
  /** The user confirmed, in the dialog, that hiding to the tray is what they want (so they can see it). */
  confirmed(): boolean;
  confirm(): void;
}

const CONSENT_KEY = 'trayHidingConfirmed';

/** Kept in settings.json beside the settings, but not one of them: only the native dialog sets it. */
export function storedTrayConsent(store: KeyValueStore): TrayConsent {
  return {
    confirmed: () => store.get(CONSENT_KEY) === true,
    confirm: () => store.set(CONSENT_KEY, true),
  };
}

/** Whether this desktop may hide the window to the tray without asking (see above). */
export function mayHideWithoutAsking(platform: NodeJS.Platform, consent: Pick<TrayConsent, 'confirmed'>): boolean {
  return platform !== 'linux' || consent.confirmed();
}

export interface CloseState {
  /** A real quit is under way (tray or app menu, OS logout): the window must close. */
  readonly quitting: boolean;
  readonly hasTray: boolean;
  /** settings.closeToTray */
  readonly closeToTray: boolean;
  readonly mayHideWithoutAsking: boolean;
}

/** What the window's close button does: close it (the app quits with its last window), hide it, or ask first. */
export function closeAction(state: CloseState): 'close' | 'hide' | 'ask' {
  if (state.quitting || !state.hasTray || !state.closeToTray) return 'close';
  return state.mayHideWithoutAsking ? 'hide' : 'ask';
}

/** The buttons of the confirmation, in order; Escape is 'cancel' (the window stays). */
export const CONFIRM_BUTTONS = ['keep', 'quit-on-close', 'cancel'] as const;
export type ConfirmAnswer = (typeof CONFIRM_BUTTONS)[number];

/** The confirmation's words: where the app goes, how to get it back, how to quit, and what to do if no icon shows. */
export function confirmationText(appName: string): { message: string; detail: string; buttons: string[] } {
  return {
    message: `Keep ${appName} running in the tray?`,
    detail: [
      `Closing the window leaves ${appName} running in the background, refreshing your balances. Its icon is in the`,
      `system tray (the top bar or the panel): click it to open the window, or choose "Quit ${appName}" in its menu to stop it.`,
      `Starting ${appName} again from your applications menu also brings the window back.`,
      '',
      'If you cannot see its icon in the tray now, your desktop does not show tray icons (GNOME shows them only with',
      `the AppIndicator extension). Choose "Quit when closed": ${appName} then quits whenever you close its window.`,
      'You can change this later in Settings.',
    ].join('\n'),
    buttons: ['Keep running in the tray', 'Quit when closed', 'Cancel'],
  };
}
