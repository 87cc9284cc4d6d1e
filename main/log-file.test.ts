import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingLogFile } from './log-file.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'log-file-'));
  dirs.push(dir);
  return path.join(dir, 'logs');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('RotatingLogFile', () => {
  it('appends lines to main.log in a folder it creates', () => {
    const file = new RotatingLogFile({ dir: tempDir() });
    file.write('one');
    file.write('two');
    expect(readFileSync(file.path, 'utf8')).toBe('one\ntwo\n');
  });

  it('rotates before the bound is passed and keeps only the newest rotated files', () => {
    const dir = tempDir();
    const file = new RotatingLogFile({ dir, maxBytes: 100, keepRotated: 2 });
    for (let line = 0; line < 60; line++) file.write(`line ${String(line).padStart(3, '0')} ${'x'.repeat(20)}`);
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const name of readdirSync(dir)) expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(100);
    // The newest line is in main.log, the lines just before it in main.log.1: nothing recent is lost.
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('line 059');
    expect(readFileSync(path.join(dir, 'main.log.1'), 'utf8')).toContain(`line 05${String(9 - 3)}`);
  });

  it('continues a file left by the previous run and counts its size', () => {
    const dir = tempDir();
    new RotatingLogFile({ dir, maxBytes: 50 }).write('a'.repeat(40));
    const next = new RotatingLogFile({ dir, maxBytes: 50 });
    next.write('b'.repeat(20));
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toBe(`${'b'.repeat(20)}\n`);
    expect(readFileSync(path.join(dir, 'main.log.1'), 'utf8')).toBe(`${'a'.repeat(40)}\n`);
  });

  it('cuts a single line longer than the bound', () => {
    const file = new RotatingLogFile({ dir: tempDir(), maxBytes: 80 });
    file.write('z'.repeat(500));
    expect(statSync(file.path).size).toBeLessThanOrEqual(80);
  });

  it('turns itself off instead of throwing when the disk refuses', () => {
    const dir = tempDir();
    const file = new RotatingLogFile({ dir });
    rmSync(dir, { recursive: true });
    // The folder is gone: appending fails.
    expect(() => file.write('lost')).not.toThrow();
    expect(() => file.write('lost too')).not.toThrow();
  });
});
