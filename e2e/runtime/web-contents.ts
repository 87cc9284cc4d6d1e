import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, HandlerDetails, IpcMainInvokeEvent, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import type { CDPSession, Page } from 'playwright-core';
import { preventableEvent } from './events.ts';
import type { RuntimeIpcMain } from './ipc-main.ts';
import { isolatedWorldScript, mainWorldScript, PAGE_WORLD_NAMES, PRELOAD_WORLD } from './page-scripts.ts';
import { fromChromiumUrl, STAND_IN_SUFFIX, toChromiumUrl, type RuntimeProtocol } from './protocol.ts';
import { decodeClone, encodeClone, type Encoded } from './structured-clone.ts';

let nextId = 1;

/** What a web contents needs from the runtime around it. */
export interface WebContentsHost {
  readonly ipcMain: RuntimeIpcMain;
  readonly headed: boolean;
  /** A new page of the shared profile, and closing one (see tabs.ts: a headed run keeps its last tab). */
  openPage(): Promise<Page>;
  closePage(page: Page): Promise<void>;
  /** The default session's answer to a permission the page requested (session.ts). */
  requestPermission(contents: RuntimeWebContents, permission: string, details: Record<string, unknown>): Promise<boolean>;
  /** Custom schemes (protocol.ts): their stand-in URLs are served by the app's handlers. */
  readonly protocol: RuntimeProtocol;
}

/** A message from the isolated world through the CDP binding (page-isolated-world.ts). */
interface FromPage {
  kind: 'invoke' | 'send' | 'permission';
  id: number;
  channel: string;
  args: Encoded;
  permission: string;
  details: Record<string, unknown>;
  frame: { url: string; top: boolean; name: string };
}

type WebContentsApi = Pick<
  WebContents,
  'id' | 'send' | 'getURL' | 'isDestroyed' | 'setWindowOpenHandler' | 'getTitle' | 'isLoading' | 'setWebRTCIPHandlingPolicy' | 'getWebRTCIPHandlingPolicy'
>;

const WEBRTC_POLICIES: readonly string[] = ['default', 'default_public_interface_only', 'default_public_and_private_interfaces', 'disable_non_proxied_udp'];

/**
 * One Chromium page standing in for a BrowserWindow's webContents. The preload runs in an isolated world of
 * the page (CDP), and IPC goes through a binding that exists in that world only, so nothing the page's own
 * scripts can reach can send IPC or fake a message from main.
 */
export class RuntimeWebContents extends EventEmitter implements WebContentsApi {
  private static readonly byPage = new WeakMap<Page, RuntimeWebContents>();
  private static readonly live = new Set<RuntimeWebContents>();

  /** The window's contents for a page, or null for a page the runtime did not open (a popup). */
  static fromPage(page: Page): RuntimeWebContents | null {
    return RuntimeWebContents.byPage.get(page) ?? null;
  }

  /** The handler's verdict on a window some page of ours is opening at this URL, if one is pending. */
  static pendingOpenDecision(url: string): boolean | undefined {
    for (const contents of RuntimeWebContents.live) {
      const decision = contents.openDecisions.find((candidate) => candidate.url === url);
      if (decision) return decision.allowed;
    }
    return undefined;
  }

  readonly id = nextId++;
  readonly ready: Promise<Page>;
  private page: Page | null = null;
  private cdp: CDPSession | null = null;
  /** The preload world of the current document's top frame: where main's messages are delivered. */
  private preloadContext: number | null = null;
  private destroyed = false;
  private openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  private webRtcPolicy = 'default';
  /** Verdicts on windows this page asked for, oldest first, until each window appears (popups.ts). */
  private readonly openDecisions: { url: string; allowed: boolean }[] = [];
  /** Kept for the preload path only; Electron has no public getter for a window's web preferences. */
  private readonly preferences: WebPreferences;
  private readonly host: WebContentsHost;
  private contentSize = { width: 800, height: 600 };
  /** Chromium URLs loadURL is loading: main asked for them, so they skip 'will-navigate'. */
  private readonly loading = new Set<string>();

  constructor(host: WebContentsHost, options: BrowserWindowConstructorOptions) {
    super();
    this.host = host;
    RuntimeWebContents.live.add(this);
    this.preferences = { ...options.webPreferences };
    this.ready = this.createPage(options);
  }

  private async createPage(options: BrowserWindowConstructorOptions): Promise<Page> {
    const page = await this.host.openPage();
    this.page = page;
    RuntimeWebContents.byPage.set(page, this);
    this.contentSize = { width: options.width ?? 800, height: options.height ?? 600 };
    await this.applyContentSize(page);
    await this.attachWorlds(page);
    // Renderer-initiated navigations ask 'will-navigate' first, as in Electron (loadURL does not). A custom
    // scheme's stand-in URL is answered by its handler (protocol.ts), never by a network.
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() && request.url() !== page.url() && !this.loading.has(request.url())) {
        const url = fromChromiumUrl(request.url());
        const event = preventableEvent({ url });
        this.emit('will-navigate', event, url);
        if (event.defaultPrevented) return route.abort('aborted');
      }
      if (new URL(request.url()).hostname.endsWith(STAND_IN_SUFFIX)) return this.host.protocol.serve(route);
      return route.fallback();
    });
    page.on('domcontentloaded', () => this.emit('dom-ready'));
    page.on('load', () => this.emit('did-finish-load'));
    page.on('close', () => this.destroy());
    return page;
  }

  /** The page's size as the window's content size: emulated headless; headed, the OS window around it. */
  private async applyContentSize(page: Page): Promise<void> {
    const { width, height } = this.contentSize;
    if (!this.host.headed) {
      await page.setViewportSize({ width, height });
      return;
    }
    // A headed tab sits under Chromium's own tab strip and address bar: grow the OS window by their size.
    const devtools = await page.context().newCDPSession(page);
    try {
      const { windowId } = await devtools.send('Browser.getWindowForTarget');
      await devtools.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
      const chrome = await page.evaluate(() => ({ x: window.outerWidth - window.innerWidth, y: window.outerHeight - window.innerHeight }));
      await devtools.send('Browser.setWindowBounds', { windowId, bounds: { width: width + chrome.x, height: height + chrome.y } });
    } finally {
      await devtools.detach();
    }
  }

  /** BrowserWindow.setContentSize: the page gets exactly this size. */
  async setContentSize(width: number, height: number): Promise<void> {
    this.contentSize = { width, height };
    await this.applyContentSize(await this.ready);
  }

  getContentSize(): [number, number] {
    return [this.contentSize.width, this.contentSize.height];
  }

  /** The preload world and the page's main-world stub, both before any page script; IPC over a binding. */
  private async attachWorlds(page: Page): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    this.cdp = cdp;
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const topFrame = frameTree.frame.id;
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const frameId = (context.auxData as { frameId?: string } | undefined)?.frameId;
      if (context.name === PRELOAD_WORLD && frameId === topFrame) this.preloadContext = context.id;
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
      if (executionContextId === this.preloadContext) this.preloadContext = null;
    });
    cdp.on('Runtime.executionContextsCleared', () => (this.preloadContext = null));
    // Chromium reports each window the page opens (window.open, target=_blank, forms) before it exists.
    cdp.on('Page.windowOpen', ({ url, windowName, windowFeatures }) => {
      this.openDecisions.push({ url, allowed: this.windowOpenRequested(url, windowName, windowFeatures.join(',')) === 'allow' });
    });
    cdp.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
      if (name === PAGE_WORLD_NAMES.binding) void this.fromPage(JSON.parse(payload) as FromPage, executionContextId);
    });
    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: PAGE_WORLD_NAMES.binding, executionContextName: PRELOAD_WORLD });
    const preload = this.preferences.preload ? readFileSync(this.preferences.preload, 'utf8') : null;
    // Registration order is run order: the main world listens before the preload world shakes hands.
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: mainWorldScript() });
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: isolatedWorldScript(preload), worldName: PRELOAD_WORLD });
  }

  private async fromPage(message: FromPage, contextId: number): Promise<void> {
    const event = this.ipcEvent(message.frame);
    if (message.kind === 'send') {
      const args = decodeClone(message.args) as unknown[];
      this.emit('ipc-message', event, message.channel, ...args);
      this.host.ipcMain.emit(message.channel, event, ...args);
    } else if (message.kind === 'invoke') {
      const reply = await this.host.ipcMain.invoke(event, message.channel, decodeClone(message.args) as unknown[]);
      await this.deliver(contextId, { kind: 'reply', id: message.id, ...reply });
    } else {
      const granted = await this.host.requestPermission(this, message.permission, message.details);
      await this.deliver(contextId, { kind: 'permission', id: message.id, granted });
    }
  }

  private ipcEvent(frame: FromPage['frame']): IpcMainInvokeEvent {
    return {
      type: 'frame',
      sender: this,
      senderFrame: { url: fromChromiumUrl(frame.url), parent: frame.top ? null : { url: '' }, name: frame.name },
      processId: 1,
      frameId: 1,
    } as unknown as IpcMainInvokeEvent;
  }

  /** Into the preload world; a document that is gone drops it, as Electron drops messages to a closed frame. */
  private async deliver(contextId: number, delivery: Record<string, unknown>): Promise<void> {
    await this.cdp
      ?.send('Runtime.callFunctionOn', {
        functionDeclaration: `function (text) { globalThis[${JSON.stringify(PAGE_WORLD_NAMES.deliver)}](text); }`,
        executionContextId: contextId,
        arguments: [{ value: JSON.stringify(delivery) }],
      })
      .catch(() => undefined);
  }

  /** The app's window-open handler on a window this page is opening; with none, Electron opens it. */
  private windowOpenRequested(url: string, frameName: string, features: string): 'allow' | 'deny' {
    const details = { url: fromChromiumUrl(url), frameName, features, disposition: 'new-window', referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' }, postBody: undefined };
    return this.openHandler?.(details as unknown as HandlerDetails).action ?? 'allow';
  }

  /** The verdict for the next window this page opened, once that window appears (popups.ts). */
  takeOpenDecision(url: string): boolean {
    const decision = this.openDecisions.shift();
    return decision ? decision.allowed : this.windowOpenRequested(url, '', '') === 'allow';
  }

  /**
   * Recorded, not applied: Electron sets the policy per web contents, while this runtime's Chromium takes it
   * per profile at launch (listed in electron.ts). Values as Electron's WebRTCIPHandlingPolicy accepts them.
   */
  setWebRTCIPHandlingPolicy(policy: string): void {
    if (!WEBRTC_POLICIES.includes(policy)) throw new TypeError(`Invalid WebRTC IP handling policy: ${policy}`);
    this.webRtcPolicy = policy;
  }

  getWebRTCIPHandlingPolicy(): string {
    return this.webRtcPolicy;
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.ready;
    const target = new URL(toChromiumUrl(url, this.host.protocol.standardSchemes)).href;
    this.loading.add(target);
    try {
      await page.goto(target);
    } finally {
      this.loading.delete(target);
    }
  }

  loadFile(filePath: string): Promise<void> {
    return this.loadURL(pathToFileURL(filePath).href);
  }

  /** Like Electron's: structured clone of the arguments; what cannot be cloned is logged and not sent. */
  send(channel: string, ...args: unknown[]): void {
    if (typeof channel !== 'string') throw new TypeError('Missing required channel argument');
    let encoded: Encoded;
    try {
      encoded = encodeClone(args);
    } catch {
      console.error('Error sending from webFrameMain: ', new Error('Failed to serialize arguments'));
      return;
    }
    if (this.destroyed || this.preloadContext === null) return; // no document to receive it, as in Electron
    void this.deliver(this.preloadContext, { kind: 'message', channel, args: encoded });
  }

  getURL(): string {
    return fromChromiumUrl(this.page?.url() ?? '');
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
    RuntimeWebContents.live.delete(this);
    this.emit('destroyed');
  }
}
