import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MessageBoxOptions, MessageBoxReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { RuntimeBrowserWindow } from './browser-window.ts';
import { assertAppReady } from './readiness.ts';

/**
 * Electron's dialog module (lib/browser/api/dialog.ts), with the user's answers set by specs: nothing is
 * drawn. It refuses what Electron refuses: any use before 'ready', and options of the wrong type (the same
 * TypeErrors); a first argument that is not a window is taken as the options, as Electron does. Every
 * dialog shown is recorded with the window it was modal to, so specs can check what the user was asked.
 */
export interface ShownDialog {
  readonly kind: 'message-box' | 'save' | 'error-box';
  /** Id of the window the dialog was modal to; null for a free-standing dialog. */
  readonly window: number | null;
  readonly options: unknown;
}

function windowAndOptions<T>(windowOrOptions: unknown, maybeOptions: T | undefined): { window: RuntimeBrowserWindow | null; options: T | undefined } {
  if (windowOrOptions instanceof RuntimeBrowserWindow) return { window: windowOrOptions, options: maybeOptions };
  return { window: null, options: (windowOrOptions ?? undefined) as T | undefined };
}

function requireStrings(checks: readonly [unknown, string][]): void {
  for (const [value, message] of checks) if (typeof value !== 'string') throw new TypeError(message);
}

const MESSAGE_BOX_TYPES = ['none', 'info', 'warning', 'error', 'question'];

function checkMessageBox(options: MessageBoxOptions): void {
  const { buttons = [], checkboxLabel = '', checkboxChecked, detail = '', noLink = false, message = '', title = '', type = 'none' } = options;
  if (!MESSAGE_BOX_TYPES.includes(type)) throw new TypeError('Invalid message box type');
  if (!Array.isArray(buttons)) throw new TypeError('Buttons must be an array');
  requireStrings([[title, 'Title must be a string']]);
  if (typeof noLink !== 'boolean') throw new TypeError('noLink must be a boolean');
  requireStrings([[message, 'Message must be a string'], [detail, 'Detail must be a string'], [checkboxLabel, 'checkboxLabel must be a string']]);
  if (checkboxChecked === true && !checkboxLabel) throw new Error('checkboxChecked requires that checkboxLabel also be passed');
}

function checkSaveDialog(options: SaveDialogOptions): void {
  const { buttonLabel = '', defaultPath = '', title = '', message = '', nameFieldLabel = '' } = options;
  requireStrings([
    [title, 'Title must be a string'],
    [buttonLabel, 'Button label must be a string'],
    [defaultPath, 'Default path must be a string'],
    [message, 'Message must be a string'],
    [nameFieldLabel, 'Name field label must be a string'],
  ]);
}

export const dialog = {
  /**
   * What the "user" picks in the next save dialog: a path (used once), or null for Cancel. Like Linux's GTK
   * chooser, the path comes back exactly as typed: no extension is added from the filters.
   */
  nextSavePath: null as string | null,
  shown: [] as ShownDialog[],
  /**
   * Like a real message box, it waits for a person: recorded, and the promise never settles here. A spec that
   * makes main show one answers it by replacing dialog.showMessageBox from the spec (e2e/helpers/), the same
   * way on real Electron.
   */
  showMessageBox(windowOrOptions: RuntimeBrowserWindow | MessageBoxOptions, maybeOptions?: MessageBoxOptions): Promise<MessageBoxReturnValue> {
    assertAppReady('dialog module can only be used after app is ready');
    const { window, options = { type: 'none', message: '' } } = windowAndOptions(windowOrOptions, maybeOptions);
    checkMessageBox(options);
    dialog.shown.push({ kind: 'message-box', window: window?.id ?? null, options });
    return new Promise(() => undefined);
  },
  showSaveDialog(windowOrOptions: RuntimeBrowserWindow | SaveDialogOptions, maybeOptions?: SaveDialogOptions): Promise<SaveDialogReturnValue> {
    assertAppReady('dialog module can only be used after app is ready');
    const { window, options = { title: 'Save' } } = windowAndOptions(windowOrOptions, maybeOptions);
    checkSaveDialog(options);
    dialog.shown.push({ kind: 'save', window: window?.id ?? null, options });
    const picked = dialog.nextSavePath;
    dialog.nextSavePath = null;
    // A real chooser only ever returns a file in a folder that exists; an answer no user could give is the spec's mistake.
    if (picked !== null && !existsSync(path.dirname(picked))) throw new Error(`test runtime: no save dialog can pick ${picked}: its folder does not exist`);
    return Promise.resolve(picked === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: picked });
  },
  showErrorBox(title: string, content: string): void {
    dialog.shown.push({ kind: 'error-box', window: null, options: { title, content } });
  },
};
