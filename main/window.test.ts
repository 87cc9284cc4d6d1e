import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Electron.BrowserWindowConstructorOptions; loaded: string[] }[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { id: 1 };
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      created.push({ options, loaded: [] });
    }
    once(): void {}
    on(): void {}
    loadFile(file: string): Promise<void> {
      created.at(-1)?.loaded.push(`loadFile:${file}`);
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      created.at(-1)?.loaded.push(url);
      return Promise.resolve();
    }
  }
  return { app: { getName: () => 'Kraken Balances', isPackaged: true }, BrowserWindow };
});

describe('createMainWindow', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('locks the renderer down as the Electron security checklist asks', async () => {
    const { createMainWindow } = await import('./window.ts');
    createMainWindow();
    const preferences = created[0]?.options.webPreferences;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences?.preload).toMatch(/preload[\\/]index\.js$/);
  });

  it('loads only the app page from the app scheme, never a file:// page', async () => {
    const { createMainWindow } = await import('./window.ts');
    createMainWindow();
    expect(created[0]?.loaded).toEqual(['app://kraken-balances/index.html']);
  });
});
