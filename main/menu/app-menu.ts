import { app, clipboard, dialog, Menu, shell } from 'electron';
import { log } from '../log.ts';
import type { UpdateService } from '../update/update-service.ts';
import { appMenuTemplate, KRAKEN_STATUS_PAGE } from './app-menu-template.ts';

export interface AppMenuDeps {
  readonly dataDir: string;
  readonly logsDir: string;
  readonly updates: UpdateService;
  /** The diagnostics text (main/diagnostics/), built when the user asks for it. */
  diagnostics(): Promise<string>;
}

/** Opens a folder in the OS file manager; openPath answers with an error text instead of throwing. */
async function openFolder(folder: string): Promise<void> {
  const problem = await shell.openPath(folder);
  if (problem !== '') log.warn(`menu: could not open a folder: ${problem}`);
}

/**
 * Help → Check for Updates: the user asked, so unlike the quiet automatic checks the answer is shown. A
 * found version downloads and is offered in the window and the tray like any other.
 */
async function checkForUpdates(updates: UpdateService): Promise<void> {
  const outcome = await updates.checkNow();
  if (outcome.kind === 'ready') return;
  const failed = outcome.kind === 'failed';
  await dialog.showMessageBox({
    type: failed ? 'warning' : 'info',
    title: 'Check for Updates',
    message: failed ? 'Could not check for updates' : outcome.kind === 'up-to-date' ? `${app.getName()} ${app.getVersion()} is the latest version.` : 'This build does not update itself.',
    ...(failed ? { detail: `${outcome.message[0]?.toUpperCase() ?? ''}${outcome.message.slice(1)}. The app will try again later.` } : {}),
    buttons: ['OK'],
  });
}

/** Sets the app's own application menu (app-menu-template.ts) in place of Electron's default one. */
export function installAppMenu(deps: AppMenuDeps): void {
  const name = app.getName();
  const template = appMenuTemplate(process.platform, name, {
    openStatusPage: () => void shell.openExternal(KRAKEN_STATUS_PAGE),
    openDataFolder: () => void openFolder(deps.dataDir),
    openLogsFolder: () => void openFolder(deps.logsDir),
    copyDiagnostics: () =>
      void deps
        .diagnostics()
        .then((text) => clipboard.writeText(text))
        .catch((error: unknown) => log.error('menu: diagnostics failed', error)),
    ...(deps.updates.state().status === 'unavailable' ? {} : { checkForUpdates: () => void checkForUpdates(deps.updates) }),
    showAbout: () =>
      void dialog.showMessageBox({
        type: 'info',
        title: `About ${name}`,
        message: `${name} ${app.getVersion()}`,
        detail: `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
        buttons: ['OK'],
      }),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
