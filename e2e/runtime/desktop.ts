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

  constructor(items: MenuItemConstructorOptions[] = []) {
    this.items = items;
  }

  static buildFromTemplate(template: MenuItemConstructorOptions[]): RuntimeMenu {
    return new RuntimeMenu(template);
  }

  static setApplicationMenu(_menu: RuntimeMenu | null): void {}

  /** Test helper: click the item with this label, as a user would from the tray. */
  click(label: string): void {
    const item = this.items.find((candidate) => candidate.label === label);
    if (!item) throw new Error(`menu has no item '${label}'`);
    item.click?.(item as never, undefined, {} as never);
  }
}

type TrayApi = Pick<Tray, 'setToolTip' | 'setTitle' | 'getTitle' | 'destroy' | 'isDestroyed'>;

export class RuntimeTray extends EventEmitter implements TrayApi {
  static readonly instances: RuntimeTray[] = [];
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

  destroy(): void {
    this.destroyed = true;
    RuntimeTray.instances.splice(RuntimeTray.instances.indexOf(this), 1);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class RuntimeNotification extends EventEmitter implements Pick<Notification, 'show' | 'close'> {
  static readonly shown: NotificationConstructorOptions[] = [];
  private readonly options: NotificationConstructorOptions;

  constructor(options: NotificationConstructorOptions = {}) {
    super();
    assertAppReady('Cannot create Notification before app is ready');
    this.options = options;
  }

  static isSupported(): boolean {
    return true;
  }

  show(): void {
    RuntimeNotification.shown.push(this.options);
    this.emit('show');
  }

  close(): void {
    this.emit('close');
  }
}

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  themeSource: 'system' as 'system' | 'light' | 'dark',
});

/** Specs emit 'suspend', 'resume', 'lock-screen' … on it to simulate the machine sleeping. */
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
  /** Specs set the index of the button the "user" will press; every dialog shown is recorded. */
  nextResponse: 0,
  shown: [] as unknown[],
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    assertAppReady('dialog module can only be used after app is ready');
    dialog.shown.push(args.at(-1));
    return Promise.resolve({ response: dialog.nextResponse, checkboxChecked: false });
  },
  showErrorBox(title: string, content: string): void {
    dialog.shown.push({ title, content });
  },
};
