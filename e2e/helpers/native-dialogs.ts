// The user's answers to main's native dialogs, and what main asked, read the same way on both runtimes.
// On the test runtime its dialog model (e2e/runtime/dialog.ts, which checks options as Electron does)
// answers; on real Electron the dialog functions are replaced from the spec, since no one is there to click.
import type { AppHandle } from '../runtime/launch.ts';
import type { ShownDialog } from '../runtime/dialog.ts';

export interface DialogAnswers {
  /** The path picked in the next save dialog; null (the default) presses Cancel. */
  savePath?: string | null;
  /** The button pressed in message boxes (index). */
  messageBoxResponse?: number;
}

interface RuntimeDialog {
  nextSavePath: string | null;
  shown: ShownDialog[];
}

/** Sets the answers for the dialogs main shows from now on; returns a reader of the dialogs shown. */
export async function answerNativeDialogs(app: AppHandle, answers: DialogAnswers): Promise<() => Promise<ShownDialog[]>> {
  const arg = { savePath: answers.savePath ?? null, response: answers.messageBoxResponse ?? 0 };
  if (app.runtime === 'test-runtime') {
    // The runtime's save dialog takes its answer; its message box waits for a person like a real one, so it
    // is answered here the way it is on real Electron, recorded beside the save dialogs.
    await app.evaluate(({ dialog }, a) => {
      const model = dialog as unknown as RuntimeDialog;
      model.nextSavePath = a.savePath;
      dialog.showMessageBox = ((first: unknown, second?: unknown) => {
        const options = second ?? first;
        model.shown.push({ kind: 'message-box', window: second === undefined ? null : (first as { id: number }).id, options });
        return Promise.resolve({ response: a.response, checkboxChecked: false });
      }) as typeof dialog.showMessageBox;
    }, arg);
    return () => app.evaluate(({ dialog }) => (dialog as unknown as RuntimeDialog).shown);
  }
  await app.evaluate(({ dialog, BaseWindow }, a) => {
    const state = globalThis as unknown as { __e2eDialogs?: ShownDialog[] };
    const shown: ShownDialog[] = (state.__e2eDialogs ??= []);
    const split = (first: unknown, second: unknown) =>
      first instanceof BaseWindow ? { window: first.id, options: second } : { window: null, options: first };
    dialog.showSaveDialog = ((first: unknown, second?: unknown) => {
      shown.push({ kind: 'save', ...split(first, second) });
      return Promise.resolve(a.savePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: a.savePath });
    }) as typeof dialog.showSaveDialog;
    dialog.showMessageBox = ((first: unknown, second?: unknown) => {
      shown.push({ kind: 'message-box', ...split(first, second) });
      return Promise.resolve({ response: a.response, checkboxChecked: false });
    }) as typeof dialog.showMessageBox;
  }, arg);
  return () => app.evaluate(() => (globalThis as unknown as { __e2eDialogs: ShownDialog[] }).__e2eDialogs);
}
