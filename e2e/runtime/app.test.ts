import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuntimeApp } from './app.ts';
import { resolveAppPath } from './app-path.ts';
import { RuntimeBrowserWindow } from './browser-window.ts';
import { dialog, RuntimeNotification, RuntimeTray } from './desktop.ts';
import { setAppReady } from './readiness.ts';

const noShutdown = () => Promise.resolve();
const pkg = { name: 'Runtime Test', version: '1.2.3', dir: '/opt/runtime-test' };
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runtime-app-test-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  setAppReady(false);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('before ready, the APIs Electron refuses are refused', () => {
  it('BrowserWindow, Tray, Notification and dialog throw Electron\'s messages', () => {
    expect(() => new RuntimeBrowserWindow()).toThrow('Cannot create BrowserWindow before app is ready');
    expect(() => new RuntimeTray('icon.png')).toThrow('Cannot create Tray before app is ready');
    expect(() => new RuntimeNotification({ title: 'x' })).toThrow('Cannot create Notification before app is ready');
    expect(() => dialog.showMessageBox({ message: 'x' })).toThrow('dialog module can only be used after app is ready');
  });
});

describe('dialog.showMessageBox', () => {
  it('waits for a person like a real message box: recorded, and never answered by itself', async () => {
    setAppReady(true);
    let answered = false;
    void dialog.showMessageBox({ message: 'Keep it?', buttons: ['Keep', 'Cancel'] }).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    expect(dialog.shown.at(-1)).toEqual({ message: 'Keep it?', buttons: ['Keep', 'Cancel'] });
  });
});

describe('app.setPath', () => {
  it('throws on a relative path or an unknown name, and creates no folder', () => {
    const app = new RuntimeApp(pkg, noShutdown);
    expect(() => app.setPath('userData', 'relative/data')).toThrow('Path must be absolute');
    expect(() => app.setPath('nonsense' as never, tempDir())).toThrow('Failed to set path');
    const target = path.join(tempDir(), 'not-yet');
    app.setPath('userData', target);
    expect(app.getPath('userData')).toBe(target);
    expect(() => rmSync(target)).toThrow(/ENOENT/);
  });
});

describe('second-instance', () => {
  it('is delivered only after ready, even when the second launch comes first', async () => {
    const userData = tempDir();
    const first = new RuntimeApp(pkg, noShutdown);
    first.setPath('userData', userData);
    const order: string[] = [];
    first.on('ready', () => order.push('ready'));
    first.on('second-instance', (_event, argv: string[]) => order.push(`second-instance ${argv.length > 0}`));
    expect(first.requestSingleInstanceLock()).toBe(true);

    const second = new RuntimeApp(pkg, noShutdown);
    second.setPath('userData', userData);
    expect(second.requestSingleInstanceLock()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(order).toEqual([]);

    first.markReady();
    await expect.poll(() => order).toEqual(['ready', 'second-instance true']);
    first.releaseSingleInstanceLock();
  });
});

describe('the app path', () => {
  it('reads a folder through its package.json, and gives a bare script Electron\'s own name', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', productName: 'X App', version: '4.5.6', main: 'main.js' }));
    writeFileSync(path.join(dir, 'main.js'), '');
    expect(resolveAppPath(dir)).toEqual({ entry: path.join(dir, 'main.js'), dir, name: 'X App', version: '4.5.6' });
    expect(resolveAppPath(path.join(dir, 'main.js'))).toMatchObject({ entry: path.join(dir, 'main.js'), dir, name: 'Electron' });
    expect(new RuntimeApp(resolveAppPath(dir), noShutdown).getAppPath()).toBe(dir);
  });
});
