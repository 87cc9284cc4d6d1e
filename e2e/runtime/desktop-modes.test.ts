import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppMetrics } from './app-metrics.ts';
import { RuntimeApp } from './app.ts';
import { createControls } from './controls.ts';
import { desktopModes, switchValue } from './desktop-modes.ts';
import { RuntimeNotification, RuntimeTray } from './desktop.ts';
import { createNet } from './net.ts';
import { RuntimeProtocol } from './protocol.ts';
import { setAppReady } from './readiness.ts';

afterEach(() => {
  setAppReady(false);
  RuntimeTray.hostPresent = true;
  RuntimeNotification.failAll = false;
  RuntimeTray.instances.splice(0);
});

describe('desktop modes from the environment', () => {
  it('defaults to a keyring-less desktop with a tray host, working notifications, online', () => {
    expect(desktopModes({})).toMatchObject({ keyring: 'absent', noEncryption: false, trayHost: true, notificationsFail: false, online: true });
    expect(desktopModes({ ELECTRON_RUNTIME_TRAY: 'none', ELECTRON_RUNTIME_NOTIFICATIONS: 'failed', ELECTRON_RUNTIME_ONLINE: '0', ELECTRON_RUNTIME_KEYRING: 'locked' }))
      .toMatchObject({ keyring: 'locked', trayHost: false, notificationsFail: true, online: false });
    expect(() => desktopModes({ ELECTRON_RUNTIME_SAFE_STORAGE: 'gnome_libsecret' })).toThrow(/--password-store/);
    expect(switchValue(['--x', '--password-store=basic', '--password-store=kwallet6'], 'password-store')).toBe('kwallet6');
  });
});

describe('no tray host', () => {
  it('builds the tray without an error, never displays it, and nobody can click it', () => {
    setAppReady(true);
    RuntimeTray.hostPresent = false;
    const tray = new RuntimeTray('icon.png');
    tray.setToolTip('still accepted');
    expect([tray.displayed, tray.tooltip, tray.isDestroyed()]).toEqual([false, 'still accepted', false]);
    expect(() => tray.clickMenuItem('Show window')).toThrow('no tray host');
    expect(() => tray.clickIcon()).toThrow('no tray host');
  });
});

describe('notifications', () => {
  it('emit show after show() returns, or failed (unsigned macOS build) and are then not shown', async () => {
    setAppReady(true);
    const events: string[] = [];
    const shown = new RuntimeNotification({ title: 'ok' });
    shown.on('show', () => events.push('show'));
    shown.show();
    expect(events).toEqual([]);
    RuntimeNotification.failAll = true;
    const failing = new RuntimeNotification({ title: 'nope' });
    failing.on('failed', (_event, error: string) => events.push(`failed: ${error}`));
    failing.on('show', () => events.push('show (wrong)'));
    failing.show();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['show', 'failed: Notifications are not allowed for this application']);
    expect(RuntimeNotification.failed.at(-1)).toEqual({ title: 'nope' });
  });
});

describe('net', () => {
  let server: http.Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('isOnline is switchable; offline, fetch fails as Chromium does; failures carry net:: errors', async () => {
    server = http.createServer((_request, response) => response.end('pong'));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    let ready = false;
    const net = createNet(true, () => ready, () => false, new RuntimeProtocol(() => ready));
    await expect(net.fetch(url)).rejects.toThrow('Session can only be received when app is ready');
    ready = true;
    expect(await (await net.fetch(url)).text()).toBe('pong');
    net.setOnline(false);
    expect([net.isOnline(), net.online]).toEqual([false, false]);
    await expect(net.fetch(url)).rejects.toThrow('net::ERR_INTERNET_DISCONNECTED');
    net.setOnline(true);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(net.fetch(`http://127.0.0.1:${closedPort}/`)).rejects.toThrow('net::ERR_CONNECTION_REFUSED');
    await expect(net.fetch('http://127.0.0.1:9/')).rejects.toThrow('net::ERR_UNSAFE_PORT');
    const abort = new AbortController();
    abort.abort(new Error('stopped by the app'));
    await expect(net.fetch(url, { signal: abort.signal })).rejects.toThrow('stopped by the app');
  });
});

describe('session end and system shutdown', () => {
  const parts = () => {
    const app = new RuntimeApp({ name: 'x', version: '1', dir: '/app' }, () => Promise.resolve());
    const events: string[] = [];
    for (const name of ['before-quit', 'will-quit', 'quit']) app.on(name, () => events.push(name));
    const powerMonitor = new EventEmitter();
    powerMonitor.on('shutdown', () => events.push('shutdown'));
    const windows = [new EventEmitter(), new EventEmitter()];
    windows.forEach((window, i) => window.on('session-end', () => events.push(`session-end on window ${i}`)));
    const controls = createControls({ app, powerMonitor, windows: () => windows, net: { setOnline: () => undefined }, endProcess: () => events.push('process ended') });
    return { controls, events };
  };

  it('a Windows session end emits session-end on every window and ends the process without before-quit', () => {
    const { controls, events } = parts();
    controls.endSession();
    expect(events).toEqual(['session-end on window 0', 'session-end on window 1', 'process ended']);
  });

  it('a Linux/macOS shutdown emits powerMonitor shutdown, then quits as asked', () => {
    const { controls, events } = parts();
    controls.systemShutdown();
    expect(events).toEqual(['shutdown', 'before-quit', 'will-quit', 'quit']);
  });
});

describe('app.getAppMetrics', () => {
  it('reports the runtime\'s own processes, labelled as runtime figures, memory in kilobytes', () => {
    const metrics = createAppMetrics()();
    const main = metrics.find((metric) => metric.pid === process.pid);
    expect(main).toMatchObject({ type: 'Browser', name: 'test runtime: Node (main process)' });
    expect(main?.memory.workingSetSize).toBeGreaterThan(10_000);
    expect(main?.memory.workingSetSize).toBeLessThan(10_000_000);
  });
});

describe('the application menu', () => {
  it('is Electron\'s default (with the View menu\'s reload and developer tools) when the app sets none', async () => {
    const { RuntimeMenu } = await import('./desktop.ts');
    RuntimeMenu.installDefaultApplicationMenu('linux');
    expect(RuntimeMenu.getApplicationMenu()?.items).toEqual([{ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]);
    const own = RuntimeMenu.buildFromTemplate([{ label: 'File' }]);
    RuntimeMenu.setApplicationMenu(own);
    RuntimeMenu.installDefaultApplicationMenu('linux');
    expect(RuntimeMenu.getApplicationMenu()).toBe(own);
  });
});
