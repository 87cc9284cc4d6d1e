import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { integrityProblem, openAsar } from './asar.mts';

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}
const BLOCK = 4;

/** Writes an asar the way @electron/asar lays it out (pickled JSON header, then the file bytes). */
function writeAsar(file: string, contents: Record<string, string>, extra: Record<string, unknown> = {}): string {
  const root: { files: Record<string, unknown> } = { files: {} };
  const bodies: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(contents)) {
    const body = Buffer.from(text);
    const blocks = [];
    for (let i = 0; i < Math.max(1, Math.ceil(body.length / BLOCK)); i++) blocks.push(sha256(body.subarray(i * BLOCK, (i + 1) * BLOCK)));
    let dir = root;
    const parts = name.split('/');
    for (const part of parts.slice(0, -1)) {
      dir.files[part] ??= { files: {} };
      dir = dir.files[part] as typeof root;
    }
    dir.files[parts.at(-1) ?? ''] = { size: body.length, offset: String(offset), integrity: { algorithm: 'SHA256', hash: sha256(body), blockSize: BLOCK, blocks } };
    bodies.push(body);
    offset += body.length;
  }
  Object.assign(root.files, extra);
  const json = Buffer.from(JSON.stringify(root));
  const padded = Math.ceil(json.length / 4) * 4;
  const header = Buffer.alloc(16 + padded);
  header.writeUInt32LE(4, 0);
  header.writeUInt32LE(8 + padded, 4);
  header.writeUInt32LE(4 + padded, 8);
  header.writeUInt32LE(json.length, 12);
  json.copy(header, 16);
  writeFileSync(file, Buffer.concat([header, ...bodies]));
  return json.toString();
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openAsar', () => {
  it('lists files with their paths and reads their bytes', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'asar-test-'));
    const file = path.join(dir, 'app.asar');
    const header = writeAsar(file, { 'package.json': '{"main":"out/main/index.js"}', 'out/main/index.js': 'console.log(1)' }, {
      native: { files: { 'addon.node': { size: 3, unpacked: true } } },
      'link.js': { link: 'out/main/index.js' },
    });
    const asar = openAsar(file);
    try {
      expect(asar.files.map((f) => [f.path, f.size, f.unpacked])).toEqual([
        ['package.json', 28, false],
        ['out/main/index.js', 14, false],
        ['native/addon.node', 3, true],
      ]);
      expect(asar.read(nth(asar.files, 1)).toString()).toBe('console.log(1)');
      expect(asar.header).toBe(header);
      expect(asar.headerSha256).toBe(sha256(header));
      expect(() => asar.read(nth(asar.files, 2))).toThrow('stored outside the archive');
    } finally {
      asar.close();
    }
  });

  it('refuses a file that is not an asar', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'asar-test-'));
    writeFileSync(path.join(dir, 'x.asar'), 'definitely not an archive');
    expect(() => openAsar(path.join(dir, 'x.asar'))).toThrow('is not an asar archive');
  });
});

describe('integrityProblem', () => {
  it('accepts matching bytes and pinpoints a changed block', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'asar-test-'));
    const file = path.join(dir, 'app.asar');
    writeAsar(file, { 'a.js': 'abcdefghij' });
    const asar = openAsar(file);
    try {
      const entry = nth(asar.files, 0);
      const record = entry.integrity;
      if (!record) throw new Error('the test archive has integrity records');
      expect(integrityProblem(entry, asar.read(entry))).toBeNull();
      expect(integrityProblem(entry, Buffer.from('abcdefghiX'))).toBe('content does not match its integrity hash');
      const forged = { ...entry, integrity: { ...record, hash: sha256('abcdeXghij') } };
      expect(integrityProblem(forged, Buffer.from('abcdeXghij'))).toBe('block 1 does not match its integrity hash');
      expect(integrityProblem({ ...entry, integrity: null }, Buffer.from('abcdefghij'))).toBe('has no integrity record');
    } finally {
      asar.close();
    }
  });
});
