import { dialog } from 'electron';
import { getMainWindow } from './window.ts';

/** A yes/no question the user answers in a native dialog. */
export interface Question {
  readonly message: string;
  readonly detail: string;
  /** The label of the button that goes ahead, naming the action ("Remove", not "OK"). */
  readonly confirm: string;
  readonly cancel: string;
}

/** Asks yes or no. */
export type Confirm = (question: Question) => Promise<boolean>;

/**
 * Asks in a native dialog, modal to the app window. Main asks this way for what a page must never decide
 * alone (removing a key, storing one with weak protection): a compromised page can call the bridge, but
 * it cannot draw or press a native dialog. Escape, closing the dialog and Enter all mean "cancel".
 */
export const confirmNatively: Confirm = async (question) => {
  const options = {
    type: 'warning' as const,
    message: question.message,
    detail: question.detail,
    buttons: [question.cancel, question.confirm],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const window = getMainWindow();
  const { response } = window === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(window, options);
  return response === 1;
};
