import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isPlainObject } from './json-salvage.ts';

/** Recovers what it can from the text of a damaged store file; may return an empty object. */
export type Salvage = (damagedText: string) => Record<string, unknown>;

export interface RepairReport {
  /** The damaged file, kept byte for byte next to the original. */
  backupPath: string;
  /** What the store file now holds. */
  recovered: Record<string, unknown>;
  /** The damaged text, for callers that count what was lost. */
  damagedText: string;
}

/**
 * Makes sure a JSON store file can be opened. A file that is missing or holds a JSON object is left
 * alone (null). Anything else (cut off, garbled, empty, not an object) is copied aside as
 * `<name>.damaged-<time>.json`, and the file is rewritten with what `salvage` recovered from it, so the
 * app starts, nothing readable is dropped, and the original stays for the user or for support.
 */
export function repairJsonFile(filePath: string, salvage: Salvage, now: () => Date = () => new Date()): RepairReport | null {
  let damagedText: string;
  try {
    damagedText = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (isPlainObject(parseOrUndefined(damagedText))) return null;

  const backupPath = freeBackupPath(filePath, now());
  copyFileSync(filePath, backupPath);
  let recovered: Record<string, unknown> = {};
  try {
    const salvaged: unknown = salvage(damagedText);
    if (isPlainObject(salvaged)) recovered = salvaged;
  } catch {
    // A bug in a salvage routine must not stop the app from starting: start empty, the copy is kept.
  }
  // Written beside the file and renamed over it, so a crash now cannot leave a half-written store.
  const temporary = `${filePath}.repair-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(recovered, null, '\t'), { mode: 0o600 });
  renameSync(temporary, filePath);
  return { backupPath, recovered, damagedText };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function freeBackupPath(filePath: string, at: Date): string {
  const { dir, name } = path.parse(filePath);
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  for (let n = 1; ; n += 1) {
    const candidate = path.join(dir, `${name}.damaged-${stamp}${n === 1 ? '' : `-${n}`}.json`);
    if (!existsSync(candidate)) return candidate;
  }
}
