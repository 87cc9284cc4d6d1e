import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { IpcError, IpcResult } from '../../../ipc/contract.ts';

const UNREACHABLE: IpcError = { code: 'bridge-unreachable', message: 'The app could not reach its main process.', hint: 'Try again; restart the app if it keeps happening.' };

export interface KeyForm<Field extends string> {
  readonly formRef: RefObject<HTMLFormElement | null>;
  /** Prefix of the form's element ids. */
  readonly id: string;
  /** A call to main is under way: the submit button says so and is disabled. */
  readonly busy: boolean;
  /** The last refusal, of a field or of the whole form. */
  readonly error: IpcError | null;
  /** The error that belongs to no field, shown above the fields. */
  readonly generalError: IpcError | null;
  /** What a field says under it: "required" after a submit that left it empty, else the error about it. */
  readonly problem: (field: Field) => IpcError | null;
  /**
   * The form's submit handler. It reads the entries from the form (the secret is never kept in React state);
   * if a required one is empty, each empty one says so and the first has focus. Else it sends what `request`
   * builds from them, with the form busy meanwhile, then clears the form and hands main's answer to `onDone`,
   * or shows the refusal with focus on the field it is about. A main process that does not answer is a refusal.
   */
  readonly submitWith: <T>(request: (text: (field: Field) => string) => Promise<IpcResult<T>>, onDone: (value: T) => void) => (event: FormEvent) => void;
}

/**
 * The form of "Add account" and "Update key": uncontrolled inputs read once at submit, the required ones
 * all reported at once, main's refusal put under its field.
 */
export function useKeyForm<Field extends string>(fields: readonly Field[], required: Readonly<Partial<Record<Field, string>>>): KeyForm<Field> {
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const [error, setError] = useState<IpcError | null>(null);
  const [missing, setMissing] = useState<readonly Field[]>([]);
  const [busy, setBusy] = useState(false);
  const isField = (name: string | undefined): name is Field => (fields as readonly (string | undefined)[]).includes(name);
  const focusField = (field: string) => {
    const input = formRef.current?.elements.namedItem(field);
    if (input instanceof HTMLElement) input.focus();
  };

  const read = () => {
    const form = formRef.current;
    if (form === null) return null;
    const data = new FormData(form);
    const text = (field: Field) => {
      const value = data.get(field);
      return typeof value === 'string' ? value : '';
    };
    const empty = fields.filter((field) => required[field] !== undefined && text(field).trim() === '');
    setMissing(empty);
    setError(null);
    if (empty[0] === undefined) return text;
    focusField(empty[0]);
    return null;
  };

  const call = async <T>(request: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> => {
    setBusy(true);
    const result = await request().catch((): IpcResult<T> => ({ ok: false, error: UNREACHABLE }));
    setBusy(false);
    return result;
  };

  const fail = (refusal: IpcError) => {
    setError(refusal);
    if (isField(refusal.field)) focusField(refusal.field);
  };

  const problem = (field: Field): IpcError | null => {
    const requiredText = required[field];
    if (requiredText !== undefined && missing.includes(field)) return { code: 'required', message: requiredText, field };
    return error?.field === field ? error : null;
  };
  const generalError = error !== null && !isField(error.field) ? error : null;
  const submitWith =
    <T>(request: (text: (field: Field) => string) => Promise<IpcResult<T>>, onDone: (value: T) => void) =>
    (event: FormEvent): void => {
      event.preventDefault();
      const text = read();
      if (text === null) return;
      void call(() => request(text)).then((result) => {
        if (!result.ok) return fail(result.error);
        formRef.current?.reset();
        onDone(result.value);
      });
    };
  return { formRef, id, busy, error, generalError, problem, submitWith };
}
