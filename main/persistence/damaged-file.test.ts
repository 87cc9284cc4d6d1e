import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repairJsonFile } from './damaged-file.ts';
import { parseJsonPrefix } from './json-salvage.ts';

const at = () => new Date('2025-03-04T05:06:07.089Z');
const salvagePrefix = (text: string) => (parseJsonPrefix(text) ?? {}) as Record<string, unknown>;

describe('repairJsonFile', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'repair-test-'));
    file = path.join(dir, 'settings.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves a missing file and a healthy file alone', () => {
    expect(repairJsonFile(file, salvagePrefix, at)).toBeNull();
    writeFileSync(file, '{"settings": {"theme": "dark"}}');
    expect(repairJsonFile(file, salvagePrefix, at)).toBeNull();
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps the damaged file byte for byte and rewrites the store with what was recovered', () => {
    const damaged = '{"settings": {"theme": "dark", "privacyMode": tr';
    writeFileSync(file, damaged);
    const report = repairJsonFile(file, salvagePrefix, at);
    expect(report?.backupPath).toBe(path.join(dir, 'settings.damaged-2025-03-04T05-06-07Z.json'));
    expect(readFileSync(report?.backupPath ?? '', 'utf8')).toBe(damaged);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ settings: { theme: 'dark' } });
    expect(report?.recovered).toEqual({ settings: { theme: 'dark' } });
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('treats an empty file and a JSON value that is not an object as damaged', () => {
    for (const content of ['', '[1, 2]', '"text"', 'null']) {
      writeFileSync(file, content);
      expect(repairJsonFile(file, salvagePrefix, at)).not.toBeNull();
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
    }
  });

  it('never overwrites an earlier backup, and starts empty when salvage itself fails', () => {
    writeFileSync(file, 'first damage');
    const first = repairJsonFile(file, salvagePrefix, at);
    writeFileSync(file, 'second damage');
    const second = repairJsonFile(file, () => {
      throw new Error('salvage bug');
    }, at);
    expect(second?.backupPath).not.toBe(first?.backupPath);
    expect(readFileSync(first?.backupPath ?? '', 'utf8')).toBe('first damage');
    expect(readFileSync(second?.backupPath ?? '', 'utf8')).toBe('second damage');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
  });
});
