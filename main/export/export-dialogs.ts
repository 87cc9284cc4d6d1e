import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type MessageBoxOptions, type SaveDialogOptions } from 'electron';
import { getMainWindow } from '../window.ts';

// The Electron edge of an export: the privacy question and the save dialog, both modal to the app window.

const PRIVACY_QUESTION: MessageBoxOptions = {
  type: 'question',
  buttons: ['Export', 'Cancel'],
  defaultId: 1,
  cancelId: 1,
  title: 'Export with privacy mode on?',
  message: 'Export your balances while privacy mode is on?',
  detail: 'Amounts are hidden on screen, but the file will hold every amount and value in plain text for anyone who can open it.',
};

/** Linux's file chooser returns the name as typed; a file without an extension would not open as CSV. */
export function withCsvExtension(filePath: string): string {
  return path.extname(filePath) === '' ? `${filePath}.csv` : filePath;
}

export async function chooseCsvPath(request: { suggestedName: string; askFirst: boolean }): Promise<string | null> {
  const window = getMainWindow();
  if (request.askFirst) {
    const { response } = await (window ? dialog.showMessageBox(window, PRIVACY_QUESTION) : dialog.showMessageBox(PRIVACY_QUESTION));
    if (response !== 0) return null;
  }
  const options: SaveDialogOptions = {
    title: 'Export to CSV',
    buttonLabel: 'Export',
    defaultPath: path.join(app.getPath('documents'), request.suggestedName),
    filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
  return result.canceled || result.filePath === '' ? null : withCsvExtension(result.filePath);
}

/** The user picked the file, so it is theirs: written whole, readable by them only (it holds amounts). */
export function writeCsvFile(filePath: string, contents: string): Promise<void> {
  return writeFile(filePath, contents, { encoding: 'utf8', mode: 0o600 });
}
