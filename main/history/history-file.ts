import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export type HistoryRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly json: unknown }
  /** The file was not JSON; it has been renamed to `setAsideAs` (a file name in the same folder). */
  | { readonly kind: 'unreadable'; readonly setAsideAs: string };

/**
 * History on disk: a compacted base file, rewritten whole and atomically now and then, and a journal
 * that each refresh appends one line to. Appending ~60 bytes per refresh instead of rewriting the whole
 * history every minute keeps disk writes small.
 */
export interface HistoryFile {
  read(): HistoryRead;
  /** Journal lines written since the base was last rewritten (a torn last line is the caller's to skip). */
  readJournal(): string[];
  append(line: string): void;
  /** Replaces the base and empties the journal. */
  writeBase(text: string): void;
  /** Renames the base (and its journal) aside; returns the new base file name. */
  setAside(): string;
}

export function historyFileAt(dir: string, now: () => number = Date.now, name = 'history'): HistoryFile {
  const base = path.join(dir, `${name}.json`);
  const journal = path.join(dir, `${name}.journal`);
  const setAside = (): string => {
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const aside = `${name}.corrupt-${stamp}`;
    if (existsSync(base)) renameSync(base, path.join(dir, `${aside}.json`));
    if (existsSync(journal)) renameSync(journal, path.join(dir, `${aside}.journal`));
    return `${aside}.json`;
  };
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(base, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
        throw error;
      }
      try {
        return { kind: 'ok', json: JSON.parse(text) as unknown };
      } catch {
        return { kind: 'unreadable', setAsideAs: setAside() };
      }
    },
    readJournal() {
      try {
        return readFileSync(journal, 'utf8').split('\n').filter((line) => line.trim() !== '');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
    append(line) {
      appendFileSync(journal, `${line}\n`, { mode: 0o600 });
    },
    // Temporary file, flushed to disk, renamed over the old one: a crash or power cut leaves either the
    // old history or the new one, never half of one. The journal goes only once the new base is in place.
    writeBase(text) {
      const temporary = `${base}.tmp`;
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, base);
      rmSync(journal, { force: true });
    },
    setAside,
  };
}
