import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, HandlerDetails, IpcMainInvokeEvent, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import type { Frame, Page } from 'playwright-core';
import { preventableEvent } from './events.ts';
import type { RuntimeIpcMain } from './ipc-main.ts';
import { DISPATCH_GLOBAL, INVOKE_BINDING, OPEN_BINDING, preloadInitScript, SEND_BINDING } from './preload-shim.ts';

let nextId = 1;

/** What a web contents needs from the runtime around it. */
export interface WebContentsHost {
  readonly ipcMain: RuntimeIpcMain;
  readonly headed: boolean;
  /** A new page of the shared profile, and closing one (see tabs.ts: a headed run keeps its last tab). */
  openPage(): Promise<Page>;
  closePage(page: Page): Promise<void>;
}

type WebContentsApi = Pick<WebContents, 'id' | 'send' | 'getURL' | 'isDestroyed' | 'setWindowOpenHandler' | 'getTitle' | 'isLoading'>;

/** One Chromium page standing in for a BrowserWindow's webContents. */
export class RuntimeWebContents extends EventEmitter implements WebContentsApi {
  readonly id = nextId++;
  readonly ready: Promise<Page>;
  private page: Page | null = null;
  private destroyed = false;
  private openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  /** Kept for the preload path only; Electron has no public getter for a window's web preferences. */
  private readonly preferences: WebPreferences;
  private readonly host: WebContentsHost;

  constructor(host: WebContentsHost, options: BrowserWindowConstructorOptions) {
    super();
    this.host = host;
    this.preferences = { ...options.webPreferences };
    this.ready = this.createPage(options);
  }

  private async createPage(options: BrowserWindowConstructorOptions): Promise<Page> {
    const page = await this.host.openPage();
    this.page = page;
    if (!this.host.headed) await page.setViewportSize({ width: options.width ?? 800, height: options.height ?? 600 });
    await page.exposeBinding(INVOKE_BINDING, ({ frame }, channel: string, args: unknown[]) =>
      this.host.ipcMain.invoke(this.ipcEvent(frame), channel, args),
    );
    await page.exposeBinding(SEND_BINDING, ({ frame }, channel: string, args: unknown[]) => {
      this.host.ipcMain.emit(channel, this.ipcEvent(frame), ...args);
    });
    await page.exposeBinding(OPEN_BINDING, (_source, url: string) => this.windowOpenRequested(url));
    if (this.preferences.preload) {
      await page.addInitScript({ content: preloadInitScript(readFileSync(this.preferences.preload, 'utf8')) });
    }
    // Renderer-initiated navigations ask 'will-navigate' first, as in Electron (loadURL does not).
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() && request.url() !== page.url()) {
        const event = preventableEvent({ url: request.url() });
        this.emit('will-navigate', event, request.url());
        if (event.defaultPrevented) return route.abort('aborted');
      }
      return route.continue();
    });
    // Links with target=_blank bypass window.open: close the popup unless the handler allows it.
    page.on('popup', (popup) => {
      if (this.windowOpenRequested(popup.url()) === 'deny') void popup.close();
    });
    page.on('domcontentloaded', () => this.emit('dom-ready'));
    page.on('load', () => this.emit('did-finish-load'));
    page.on('close', () => this.destroy());
    return page;
  }

  private ipcEvent(frame: Frame): IpcMainInvokeEvent {
    const parent = frame.parentFrame();
    return {
      sender: this,
      senderFrame: { url: frame.url(), parent: parent ? { url: parent.url() } : null, name: frame.name() },
      processId: 1,
      frameId: 1,
    } as unknown as IpcMainInvokeEvent;
  }

  private windowOpenRequested(url: string): 'allow' | 'deny' {
    const decision = this.openHandler?.({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' }, postBody: undefined } as unknown as HandlerDetails);
    return decision?.action ?? 'allow';
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.ready;
    await page.goto(url);
  }

  loadFile(filePath: string): Promise<void> {
    return this.loadURL(pathToFileURL(filePath).href);
  }

  send(channel: string, ...args: unknown[]): void {
    if (!this.page || this.destroyed) return;
    this.page
      .evaluate(([name, c, a]) => (globalThis as unknown as Record<string, (c: string, a: unknown[]) => void>)[name]?.(c, a), [DISPATCH_GLOBAL, channel, args] as const)
      .catch(() => undefined); // the page may be navigating or closing; Electron drops such messages too
  }

  getURL(): string {
    return this.page?.url() ?? '';
  }

  getTitle(): string {
    return '';
  }

  isLoading(): boolean {
    return false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  async close(): Promise<void> {
    if (this.page) await this.host.closePage(this.page);
    this.destroy();
  }

  private destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
}
