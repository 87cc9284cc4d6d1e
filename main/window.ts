import { app, BrowserWindow } from 'electron';
import { APP_INDEX_URL } from './app-scheme.ts';
import { preloadPath } from './paths.ts';

let mainWindow: BrowserWindow | null = null;
// Takes over the close button when it returns true (hide to the tray, or ask first): main/startup/close-to-tray.ts.
let closeHandler: (window: BrowserWindow) => boolean = () => false;

export function setCloseHandler(handler: (window: BrowserWindow) => boolean): void {
  closeHandler = handler;
}

export function getMainWindow(): BrowserWindow | null {
  return mainWindow;
}

/** `show: false` creates the window hidden (start minimised to the tray); it appears with showMainWindow(). */
export function createMainWindow(options: { show?: boolean } = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1120,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: app.getName(),
    backgroundColor: '#101418',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click opens windows without going through window.open's handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  mainWindow = window;
  if (options.show !== false) window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (closeHandler(window)) event.preventDefault();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // The app scheme (main/app-protocol.ts), never file://: the page's origin is the app's alone.
  void window.loadURL(APP_INDEX_URL);
  return window;
}

/** Brings the window back (second launch, tray click), creating it if it was closed. */
export function showMainWindow(): BrowserWindow {
  const window = mainWindow ?? createMainWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return window;
}
