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

interface MessageBox {
  message: string;
  detail: string;
  buttons: string[];
}

/**
 * Answers every native message box main shows from now on by pressing the button labelled `answer`, as the
 * user would, and records what each said; returns a reader. A real dialog waits for a person, so specs that
 * make main show one must answer it this way (on real Electron too).
 */
export async function answerMessageBoxes(app: AppHandle, answer: string): Promise<() => Promise<MessageBox[]>> {
  await app.evaluate(({ dialog }, label) => {
    const state = globalThis as unknown as { __e2eMessageBoxes?: MessageBox[] };
    const shown: MessageBox[] = (state.__e2eMessageBoxes ??= []);
    dialog.showMessageBox = ((...args: unknown[]) => {
      const options = args.at(-1) as Electron.MessageBoxOptions;
      shown.push({ message: options.message, detail: options.detail ?? '', buttons: options.buttons ?? [] });
      const response = (options.buttons ?? []).indexOf(label);
      if (response < 0) throw new Error(`the message box has no button "${label}"`);
      return Promise.resolve({ response, checkboxChecked: false });
    }) as typeof dialog.showMessageBox;
  }, answer);
  return () => app.evaluate(() => (globalThis as unknown as { __e2eMessageBoxes: MessageBox[] }).__e2eMessageBoxes);
}

/** On Linux the first hide to the tray asks (main/startup/tray-hiding.ts): answered as a user who sees the tray. */
export const keepInTrayWhenAsked = (app: AppHandle): Promise<() => Promise<MessageBox[]>> => answerMessageBoxes(app, 'Keep running in the tray');

interface OpenAnswer {
  url: string;
  action: string;
}

/**
 * Records each answer the app's window-open handler gives for the first window's page from now on; returns
 * a reader. Electron has no getter for that handler, so the app's guard is asked to install it again (its
 * 'web-contents-created' listener, emitted once more for the same contents) into a wrapper that records and
 * returns the app's own answer. The recorded answer is the proof that an attempt was handled: specs wait on it
 * instead of waiting a fixed time for a window that should not appear.
 */
export async function recordWindowOpenAnswers(app: AppHandle): Promise<() => Promise<OpenAnswer[]>> {
  await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    if (!contents) throw new Error('no window to record window.open answers of');
    const answers: OpenAnswer[] = [];
    (globalThis as unknown as { __e2eOpenAnswers: OpenAnswer[] }).__e2eOpenAnswers = answers;
    const install = contents.setWindowOpenHandler.bind(contents);
    contents.setWindowOpenHandler = (handler) => {
      install((details) => {
        const answer = handler(details);
        answers.push({ url: details.url, action: answer.action });
        return answer;
      });
    };
    electronApp.emit('web-contents-created', { preventDefault() {} }, contents);
    contents.setWindowOpenHandler = install;
  });
  return () => app.evaluate(() => (globalThis as unknown as { __e2eOpenAnswers: OpenAnswer[] }).__e2eOpenAnswers);
}
