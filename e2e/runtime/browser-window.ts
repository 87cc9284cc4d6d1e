import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { preventableEvent } from './events.ts';
import { assertAppReady } from './readiness.ts';
import { RuntimeWebContents, type WebContentsHost } from './web-contents.ts';

export interface WindowHost extends WebContentsHost {
  windowOpened(window: RuntimeBrowserWindow): void;
  windowClosed(window: RuntimeBrowserWindow): void;
}

type WindowApi = Pick<
  BrowserWindow,
  | 'show' | 'hide' | 'focus' | 'isVisible' | 'isFocused' | 'isMinimized' | 'minimize' | 'restore'
  | 'close' | 'destroy' | 'isDestroyed' | 'setTitle' | 'getTitle' | 'getContentSize'
>;

/** A BrowserWindow is a page of the shared Chromium profile; visibility is tracked, not drawn. */
export class RuntimeBrowserWindow extends EventEmitter implements WindowApi {
  private static host: WindowHost | null = null;
  private static readonly windows: RuntimeBrowserWindow[] = [];

  static attach(host: WindowHost): void {
    RuntimeBrowserWindow.host = host;
  }

  static getAllWindows(): RuntimeBrowserWindow[] {
    return [...RuntimeBrowserWindow.windows];
  }

  static fromWebContents(contents: RuntimeWebContents): RuntimeBrowserWindow | null {
    return RuntimeBrowserWindow.windows.find((window) => window.webContents === contents) ?? null;
  }

  static getFocusedWindow(): RuntimeBrowserWindow | null {
    return RuntimeBrowserWindow.windows.find((window) => window.focused) ?? null;
  }

  readonly id: number;
  readonly webContents: RuntimeWebContents;
  private visible: boolean;
  private focused = false;
  private minimized = false;
  private title: string;
  private readonly minimum: { width: number; height: number };

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    assertAppReady('Cannot create BrowserWindow before app is ready');
    const host = RuntimeBrowserWindow.host;
    if (!host) throw new Error('the test runtime has no window host');
    this.webContents = new RuntimeWebContents(host, options);
    this.id = this.webContents.id;
    this.visible = options.show ?? true;
    this.title = options.title ?? '';
    this.minimum = { width: options.minWidth ?? 0, height: options.minHeight ?? 0 };
    RuntimeBrowserWindow.windows.push(this);
    host.windowOpened(this);
    // Electron's 'ready-to-show' comes after the first paint of the loaded page.
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show'));
    this.webContents.once('destroyed', () => this.closed(host));
  }

  loadFile(filePath: string): Promise<void> {
    return this.webContents.loadFile(filePath);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
    this.minimized = false;
    this.focused = true;
    this.emit('show');
  }

  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }

  focus(): void {
    this.focused = true;
    this.emit('focus');
  }

  isVisible(): boolean {
    return this.visible;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  minimize(): void {
    this.minimized = true;
    this.emit('minimize');
  }

  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }

  /**
   * Like Electron, never below the window's minimum size (here the content is the whole window: no frame).
   * Resolves once the page has its new size; Electron's own setContentSize returns at once, so specs that
   * run on both wait for the page's size instead.
   */
  setContentSize(width: number, height: number): Promise<void> {
    return this.webContents.setContentSize(Math.max(width, this.minimum.width), Math.max(height, this.minimum.height));
  }

  getContentSize(): number[] {
    return this.webContents.getContentSize();
  }

  setTitle(title: string): void {
    this.title = title;
  }

  getTitle(): string {
    return this.title;
  }

  /** Like the user clicking the close button: 'close' may be prevented (e.g. hide to tray). */
  close(): void {
    const event = preventableEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) void this.webContents.close();
  }

  destroy(): void {
    void this.webContents.close();
  }

  isDestroyed(): boolean {
    return this.webContents.isDestroyed();
  }

  private closed(host: WindowHost): void {
    const index = RuntimeBrowserWindow.windows.indexOf(this);
    if (index >= 0) RuntimeBrowserWindow.windows.splice(index, 1);
    this.emit('closed');
    host.windowClosed(this);
  }
}
