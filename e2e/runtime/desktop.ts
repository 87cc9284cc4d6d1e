import { EventEmitter } from 'node:events';
import { assertAppReady } from './readiness.ts';
import type { AddRepresentationOptions, MenuItemConstructorOptions, Notification, NotificationConstructorOptions, Tray } from 'electron';

/**
 * Tray, Menu, nativeImage, Notification, nativeTheme, powerMonitor, shell, dialog: nothing is drawn or
 * opened; everything is recorded so specs can read it back through app.evaluate. Each class keeps the
 * list of its live instances for that purpose (Electron itself has no such list).
 */

export class RuntimeNativeImage {
  readonly source: string;
  private template = false;

  constructor(source: string) {
    this.source = source;
  }

  static createFromPath(filePath: string): RuntimeNativeImage {
    return new RuntimeNativeImage(filePath);
  }

  static createFromDataURL(url: string): RuntimeNativeImage {
    return new RuntimeNativeImage(url);
  }

  static createEmpty(): RuntimeNativeImage {
    return new RuntimeNativeImage('');
  }

  isEmpty(): boolean {
    return this.source === '';
  }

  resize(): RuntimeNativeImage {
    return this;
  }

  /** Records the extra scale factors (e.g. the tray's @2x image) an app attaches. */
  readonly representations: number[] = [];

  addRepresentation(options: AddRepresentationOptions): void {
    this.representations.push(options.scaleFactor ?? 1);
  }

  setTemplateImage(option: boolean): void {
    this.template = option;
  }

  isTemplateImage(): boolean {
    return this.template;
  }
}

export class RuntimeMenu {
  readonly items: MenuItemConstructorOptions[];
  private static applicationMenu: RuntimeMenu | null = null;
  private static applicationMenuWasSet = false;

  constructor(items: MenuItemConstructorOptions[] = []) {
    this.items = items;
  }

  static buildFromTemplate(template: MenuItemConstructorOptions[]): RuntimeMenu {
    return new RuntimeMenu(template);
  }

  static setApplicationMenu(menu: RuntimeMenu | null): void {
    RuntimeMenu.applicationMenu = menu;
    RuntimeMenu.applicationMenuWasSet = true;
  }

  static getApplicationMenu(): RuntimeMenu | null {
    return RuntimeMenu.applicationMenu;
  }

  /**
   * Electron 45 (lib/browser/default-menu.ts) at 'will-finish-launching': an app that set no menu gets the
   * default one, whose View menu has Reload and Toggle Developer Tools.
   */
  static installDefaultApplicationMenu(platform: NodeJS.Platform = process.platform): void {
    if (RuntimeMenu.applicationMenuWasSet) return;
    const roles: MenuItemConstructorOptions['role'][] = [...(platform === 'darwin' ? ['appMenu' as const] : []), 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu'];
    RuntimeMenu.setApplicationMenu(new RuntimeMenu(roles.map((role) => ({ role }))));
  }

  /** Test helper: click the item with this label, as a user would from the tray. */
  click(label: string): void {
    const item = this.items.find((candidate) => candidate.label === label);
    if (!item) throw new Error(`menu has no item '${label}'`);
    item.click?.(item as never, undefined, {} as never);
  }
}

type TrayApi = Pick<Tray, 'setToolTip' | 'setTitle' | 'getTitle' | 'destroy' | 'isDestroyed'>;

/**
 * A tray icon. Without a tray host (ELECTRON_RUNTIME_TRAY=none, stock GNOME without the AppIndicator
 * extension) Electron builds it without an error and nothing appears: `displayed` is false, and nobody can
 * click it or its menu. Electron has no API that tells the app.
 */
export class RuntimeTray extends EventEmitter implements TrayApi {
  static readonly instances: RuntimeTray[] = [];
  /** Whether the desktop shows tray icons at all (set by the runtime from its desktop modes). */
  static hostPresent = true;
  readonly displayed = RuntimeTray.hostPresent;
  image: RuntimeNativeImage | string;
  tooltip = '';
  title = '';
  contextMenu: RuntimeMenu | null = null;
  private destroyed = false;

  constructor(image: RuntimeNativeImage | string) {
    super();
    assertAppReady('Cannot create Tray before app is ready');
    this.image = image;
    RuntimeTray.instances.push(this);
  }

  setImage(image: RuntimeNativeImage | string): void {
    this.image = image;
  }

  setToolTip(toolTip: string): void {
    this.tooltip = toolTip;
  }

  setTitle(title: string): void {
    this.title = title;
  }

  getTitle(): string {
    return this.title;
  }

  setContextMenu(menu: RuntimeMenu | null): void {
    this.contextMenu = menu;
  }

  /** Test helper: the user clicks this menu item, which needs the tray to be on screen. */
  clickMenuItem(label: string): void {
    if (!this.displayed) throw new Error('no tray host: nobody can see or click this tray');
    if (!this.contextMenu) throw new Error('the tray has no menu');
    this.contextMenu.click(label);
  }

  /** Test helper: the user clicks the icon itself. */
  clickIcon(): void {
    if (!this.displayed) throw new Error('no tray host: nobody can see or click this tray');
    this.emit('click', { preventDefault() {} }, { x: 0, y: 0, width: 22, height: 22 }, { x: 11, y: 11 });
  }

  destroy(): void {
    this.destroyed = true;
    RuntimeTray.instances.splice(RuntimeTray.instances.indexOf(this), 1);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/**
 * Notifications are recorded, not drawn. ELECTRON_RUNTIME_NOTIFICATIONS=failed makes every one emit 'failed'
 * instead of 'show', as an unsigned macOS build does (UNUserNotificationCenter refuses it). Events come after
 * show() returns, as from the OS.
 */
export class RuntimeNotification extends EventEmitter implements Pick<Notification, 'show' | 'close' | 'title' | 'body'> {
  static readonly shown: NotificationConstructorOptions[] = [];
  static readonly failed: NotificationConstructorOptions[] = [];
  /** Set by the runtime from its desktop modes. */
  static failAll = false;
  title: string;
  body: string;
  private readonly options: NotificationConstructorOptions;

  constructor(options: NotificationConstructorOptions = {}) {
    super();
    assertAppReady('Cannot create Notification before app is ready');
    this.options = options;
    this.title = options.title ?? '';
    this.body = options.body ?? '';
  }

  static isSupported(): boolean {
    return true;
  }

  show(): void {
    if (RuntimeNotification.failAll) {
      RuntimeNotification.failed.push(this.options);
      setImmediate(() => this.emit('failed', { preventDefault() {} }, 'Notifications are not allowed for this application'));
      return;
    }
    RuntimeNotification.shown.push(this.options);
    setImmediate(() => this.emit('show', { preventDefault() {} }));
  }

  close(): void {
    this.emit('close');
  }
}

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  themeSource: 'system' as 'system' | 'light' | 'dark',
});

/**
 * Specs emit 'suspend', 'resume', 'lock-screen' … on it to simulate the machine sleeping; 'shutdown' comes
 * through the runtime's controls (electron.ts), followed by the quit the OS then asks for.
 */
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState: (): 'active' => 'active',
  isOnBatteryPower: (): boolean => false,
});

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  /** Every dialog shown, recorded. */
  shown: [] as unknown[],
  /**
   * Like a real message box, it waits for a person: the promise never settles here. A spec that makes main
   * show one answers it by replacing dialog.showMessageBox from the spec (e2e/helpers/desktop-records.ts),
   * the same way on real Electron.
   */
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    assertAppReady('dialog module can only be used after app is ready');
    dialog.shown.push(args.at(-1));
    return new Promise(() => undefined);
  },
  showErrorBox(title: string, content: string): void {
    dialog.shown.push({ title, content });
  },
};
