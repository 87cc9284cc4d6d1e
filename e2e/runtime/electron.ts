import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { RuntimeApp } from './app.ts';
import type { AppPackage } from './app-path.ts';
import { RuntimeBrowserWindow, type WindowHost } from './browser-window.ts';
import { dialog, nativeTheme, powerMonitor, RuntimeMenu, RuntimeNativeImage, RuntimeNotification, RuntimeTray, shell } from './desktop.ts';
import { RuntimeIpcMain } from './ipc-main.ts';
import { routePopups } from './popups.ts';
import { RuntimeSafeStorage, type RuntimeBackend } from './safe-storage.ts';
import { RuntimeSession } from './session.ts';
import { RuntimeTabs } from './tabs.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Flags this machine needs (no sandbox as root, no GPU, no calls home); file access lets the renderer's
// ES modules load from file:// as Electron's loadFile allows.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--allow-file-access-from-files',
];

export interface RuntimeOptions {
  app: AppPackage;
  headed: boolean;
  safeStorageBackend: RuntimeBackend;
  keyringDir: string;
}

/**
 * Builds the object `require('electron')` returns in the main process, and drives its Chromium.
 *
 * NOT emulated (so never mistake this for Electron):
 * - Isolated worlds: the preload runs in the page's main world, and contextBridge freezes the API object in
 *   place instead of cloning it across worlds. Playwright bindings are briefly visible on window.
 * - The sandboxed preload's module set: only 'electron' can be required (Electron also allows a few
 *   Node built-ins such as 'events' and 'timers').
 * - IPC serialisation is Playwright's, not the structured clone algorithm.
 * - Window chrome, bounds, focus and visibility are state only; nothing is drawn per window (all windows
 *   are pages of one Chromium profile). Tray, Menu, Notification, dialog and shell draw or open nothing.
 *   Headed, a blank tab stands in while the app has no window (tabs.ts), and closing a window from
 *   Chromium's own title bar closes its page without a 'close' event.
 * - Locales are Linux's: app.getSystemLocale() reads LC_ALL / LC_MESSAGES / LANG as Chromium's ICU does
 *   (never Windows' regional format or macOS's region), and app.getLocale() is always 'en-US'.
 * - safeStorage imitates Linux backends only; protocol, webRequest, autoUpdater, crashReporter, fuses,
 *   asar and the packaged-app paths are absent. Only the APIs the app uses exist; add them as it grows.
 */
export function createElectronRuntime(options: RuntimeOptions) {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'electron-runtime-profile-'));
  let resolveContext!: (context: BrowserContext) => void;
  const contextReady = new Promise<BrowserContext>((resolve) => (resolveContext = resolve));
  let resolveTabs!: (tabs: RuntimeTabs) => void;
  const tabsReady = new Promise<RuntimeTabs>((resolve) => (resolveTabs = resolve));
  let context: BrowserContext | null = null;

  const shutdown = async (code: number): Promise<void> => {
    await context?.close().catch(() => undefined);
    rmSync(profileDir, { recursive: true, force: true });
    process.exit(code);
  };

  const app = new RuntimeApp(options.app, shutdown);
  const ipcMain = new RuntimeIpcMain();
  const safeStorage = new RuntimeSafeStorage(options.safeStorageBackend, options.keyringDir);
  const defaultSession = new RuntimeSession(() => contextReady);

  const host: WindowHost = {
    ipcMain,
    headed: options.headed,
    context: () => contextReady,
    requestPermission: (contents, permission, details) => defaultSession.requestPermission(contents, permission, details),
    windowOpened: (window) => app.emit('browser-window-created', {}, window),
    windowClosed: () => {
      if (RuntimeBrowserWindow.getAllWindows().length > 0) return;
      // Electron quits by itself when the last window closes, unless the app listens for this event.
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    },
  };
  RuntimeBrowserWindow.attach(host);
  app.on('browser-window-created', (_event, window: RuntimeBrowserWindow) => app.emit('web-contents-created', {}, window.webContents));

  const electron = {
    app,
    BrowserWindow: RuntimeBrowserWindow,
    ipcMain,
    safeStorage,
    session: {
      get defaultSession(): RuntimeSession {
        if (!app.isReady()) throw new TypeError('Session can only be received when app is ready');
        return defaultSession;
      },
    },
    Tray: RuntimeTray,
    Menu: RuntimeMenu,
    nativeImage: RuntimeNativeImage,
    Notification: RuntimeNotification,
    nativeTheme,
    powerMonitor,
    shell,
    dialog,
    net: { isOnline: (): boolean => true },
  };

  /** Electron's 'ready': Chromium is up. Returns the DevTools endpoint specs connect to. */
  async function boot(): Promise<string> {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: !options.headed,
      viewport: options.headed ? null : { width: 1120, height: 760 },
      args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'],
    });
    context.on('close', () => void shutdown(0));
    for (const page of context.pages()) await page.close(); // the profile's initial blank tab is no window
    await routePopups(context);
    resolveContext(context);
    safeStorage.markReady();
    app.markReady();
    const [port] = readFileSync(path.join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
    return `http://127.0.0.1:${port}`;
  }

  return { electron, boot, shutdown };
}

export type RuntimeElectron = ReturnType<typeof createElectronRuntime>['electron'];
