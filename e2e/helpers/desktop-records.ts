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

/** Records each argument main hands to shell[method] from now on, without acting on it; returns a reader. */
async function recordShell(app: AppHandle, method: 'openExternal' | 'openPath'): Promise<() => Promise<string[]>> {
  await app.evaluate(({ shell }, name) => {
    const state = globalThis as unknown as { __e2eShell?: Record<string, string[]> };
    const recorded = (state.__e2eShell ??= {});
    if (recorded[name]) return;
    const calls: string[] = (recorded[name] = []);
    // As Electron answers: openExternal with nothing, openPath with '' (no error).
    (shell as unknown as Record<string, (target: string) => Promise<unknown>>)[name] = (target) => {
      calls.push(target);
      return Promise.resolve(name === 'openPath' ? '' : undefined);
    };
  }, method);
  return () => app.evaluate((_electron, name) => (globalThis as unknown as { __e2eShell: Record<string, string[]> }).__e2eShell[name] ?? [], method);
}

/** Records each URL main hands to shell.openExternal from now on, without opening it; returns a reader. */
export const recordOpenedUrls = (app: AppHandle): Promise<() => Promise<string[]>> => recordShell(app, 'openExternal');

/** Records each folder main opens with shell.openPath, without opening it; returns a reader. */
export const recordOpenedPaths = (app: AppHandle): Promise<() => Promise<string[]>> => recordShell(app, 'openPath');

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
