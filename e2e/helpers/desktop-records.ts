// What the app asked the desktop to do, read the same way on both runtimes: main's own Electron objects are
// wrapped from the spec (app.evaluate), so nothing needs the test runtime's recordings.
import type { AppHandle } from '../runtime/launch.ts';

interface Shown {
  title: string;
  body: string;
}

/** Records each notification main shows from now on; returns a reader. */
export async function recordNotifications(app: AppHandle): Promise<() => Promise<Shown[]>> {
  await app.evaluate(({ Notification }) => {
    const state = globalThis as unknown as { __e2eNotifications?: Shown[] };
    if (state.__e2eNotifications) return;
    const notes: Shown[] = (state.__e2eNotifications = []);
    const show = Notification.prototype.show;
    Notification.prototype.show = function recordThenShow(this: Electron.Notification): void {
      notes.push({ title: this.title, body: this.body });
      show.call(this);
    };
  });
  return () => app.evaluate(() => (globalThis as unknown as { __e2eNotifications: Shown[] }).__e2eNotifications);
}

/** Records each URL main hands to shell.openExternal from now on, without opening it; returns a reader. */
export async function recordOpenedUrls(app: AppHandle): Promise<() => Promise<string[]>> {
  await app.evaluate(({ shell }) => {
    const state = globalThis as unknown as { __e2eOpened?: string[] };
    if (state.__e2eOpened) return;
    const opened: string[] = (state.__e2eOpened = []);
    shell.openExternal = (url: string) => {
      opened.push(url);
      return Promise.resolve();
    };
  });
  return () => app.evaluate(() => (globalThis as unknown as { __e2eOpened: string[] }).__e2eOpened);
}

interface Dialog {
  title?: string;
  message: string;
  detail?: string;
}

/** Records each message box main shows from now on and answers it with its first button; returns a reader. */
export async function recordDialogs(app: AppHandle): Promise<() => Promise<Dialog[]>> {
  await app.evaluate(({ dialog }) => {
    const state = globalThis as unknown as { __e2eDialogs?: Dialog[] };
    if (state.__e2eDialogs) return;
    const shown: Dialog[] = (state.__e2eDialogs = []);
    dialog.showMessageBox = ((...args: unknown[]) => {
      const options = args.at(-1) as Dialog;
      shown.push({ title: options.title, message: options.message, detail: options.detail });
      return Promise.resolve({ response: 0, checkboxChecked: false });
    }) as typeof dialog.showMessageBox;
  });
  return () => app.evaluate(() => (globalThis as unknown as { __e2eDialogs: Dialog[] }).__e2eDialogs);
}

/** Records each folder main opens with shell.openPath, without opening it; returns a reader. */
export async function recordOpenedPaths(app: AppHandle): Promise<() => Promise<string[]>> {
  await app.evaluate(({ shell }) => {
    const state = globalThis as unknown as { __e2eOpenedPaths?: string[] };
    if (state.__e2eOpenedPaths) return;
    const opened: string[] = (state.__e2eOpenedPaths = []);
    shell.openPath = (folder: string) => {
      opened.push(folder);
      return Promise.resolve('');
    };
  });
  return () => app.evaluate(() => (globalThis as unknown as { __e2eOpenedPaths: string[] }).__e2eOpenedPaths);
}
