import { app, dialog, type BrowserWindow } from 'electron';
import { log } from '../log.ts';
import { setCloseHandler } from '../window.ts';
import { closeAction, CONFIRM_BUTTONS, confirmationText, mayHideWithoutAsking, type TrayConsent } from './tray-hiding.ts';

export interface CloseToTrayDeps {
  readonly hasTray: boolean;
  /** settings.closeToTray now. */
  closeToTray(): boolean;
  /** The user chose "Quit when closed" in the confirmation: settings.closeToTray becomes false. */
  turnOffCloseToTray(): void;
  readonly consent: TrayConsent;
}

/**
 * The window's close button: hides the window to the tray when the user wants that (settings.closeToTray)
 * and can get it back; on Linux the first time asks (tray-hiding.ts says why). A real quit always closes.
 */
export function installCloseToTray(deps: CloseToTrayDeps): void {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  let asking = false;
  setCloseHandler((window) => {
    const action = closeAction({
      quitting,
      hasTray: deps.hasTray,
      closeToTray: deps.closeToTray(),
      mayHideWithoutAsking: mayHideWithoutAsking(process.platform, deps.consent),
    });
    if (action === 'close') return false;
    if (action === 'hide') window.hide();
    else if (!asking) {
      // The close is held (the window stays) until the user answers; a second click meanwhile changes nothing.
      asking = true;
      void confirmHiding(window, deps)
        .catch((error: unknown) => log.warn('close to tray: the confirmation dialog failed', error))
        .finally(() => (asking = false));
    }
    return true;
  });
}

async function confirmHiding(window: BrowserWindow, deps: CloseToTrayDeps): Promise<void> {
  const text = confirmationText(app.getName());
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    title: app.getName(),
    ...text,
    defaultId: CONFIRM_BUTTONS.indexOf('keep'),
    cancelId: CONFIRM_BUTTONS.indexOf('cancel'),
    noLink: true,
  });
  const answer = CONFIRM_BUTTONS[response] ?? 'cancel';
  if (window.isDestroyed() || answer === 'cancel') return;
  if (answer === 'keep') {
    deps.consent.confirm();
    window.hide();
  } else {
    deps.turnOffCloseToTray();
    window.close();
  }
}
