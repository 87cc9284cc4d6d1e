import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App, LoginItemSettings, Settings } from 'electron';
import { preventableEvent } from './events.ts';
import { SingleInstanceLock } from './single-instance.ts';

type PathName = Parameters<App['getPath']>[0];

type AppApi = Pick<
  App,
  | 'whenReady' | 'isReady' | 'getPath' | 'setPath' | 'getName' | 'setName' | 'getVersion' | 'quit' | 'exit'
  | 'requestSingleInstanceLock' | 'releaseSingleInstanceLock' | 'setLoginItemSettings' | 'getLoginItemSettings'
  | 'getLocale' | 'getSystemLocale' | 'focus' | 'isPackaged' | 'setAppUserModelId'
>;

/** The app object: lifecycle, paths, name/version from the app's package.json, login items recorded. */
export class RuntimeApp extends EventEmitter implements AppApi {
  readonly isPackaged = false;
  private ready = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;
  private name: string;
  private readonly version: string;
  private readonly paths = new Map<string, string>();
  private lock: SingleInstanceLock | null = null;
  private loginItem: LoginItemSettings = { openAtLogin: false, wasOpenedAtLogin: false, status: 'not-registered', executableWillLaunchAtLogin: false, launchItems: [] };
  private quitting = false;
  private readonly shutdown: (code: number) => Promise<void>;

  constructor(mainEntry: string, shutdown: (code: number) => Promise<void>) {
    super();
    this.shutdown = shutdown;
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
    const pkg = readNearestPackageJson(path.dirname(mainEntry));
    this.name = pkg.productName ?? pkg.name ?? 'Electron';
    this.version = pkg.version ?? '0.0.0';
    const appData = path.join(os.tmpdir(), 'electron-runtime-appdata');
    this.paths.set('appData', appData);
    this.paths.set('temp', os.tmpdir());
    this.paths.set('home', os.homedir());
  }

  /** Called by the host once Chromium is up: Electron's 'ready'. */
  markReady(): void {
    this.ready = true;
    this.emit('will-finish-launching');
    this.resolveReady();
    this.emit('ready', preventableEvent(), {});
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  getPath(name: PathName): string {
    const explicit = this.paths.get(name);
    if (explicit) return explicit;
    const derived = name === 'userData' || name === 'sessionData' ? path.join(this.getPath('appData'), this.name)
      : name === 'logs' ? path.join(this.getPath('userData'), 'logs')
      : path.join(this.getPath('appData'), name);
    mkdirSync(derived, { recursive: true });
    return derived;
  }

  setPath(name: PathName, value: string): void {
    mkdirSync(value, { recursive: true });
    this.paths.set(name, value);
  }

  getName(): string {
    return this.name;
  }

  setName(name: string): void {
    this.name = name;
  }

  getVersion(): string {
    return this.version;
  }

  getLocale(): string {
    return 'en-US';
  }

  /**
   * As Electron on Linux: Chromium's base::i18n::GetConfiguredLocale(), ICU's default locale, which ICU
   * reads from LC_ALL, then LC_MESSAGES, then LANG. The POSIX "C" locale reads as ICU's en_US_POSIX, which
   * Chromium writes 'en-US@posix' (not a tag Intl accepts). Throws before 'ready', as Electron does.
   */
  getSystemLocale(): string {
    if (!this.ready) throw new Error('app.getSystemLocale() can only be called after app is ready');
    return systemLocaleFromEnv(process.env);
  }

  focus(): void {}

  setAppUserModelId(_id: string): void {}

  requestSingleInstanceLock(): boolean {
    this.lock ??= new SingleInstanceLock(this.getPath('userData'));
    return this.lock.acquire((argv, cwd) => this.emit('second-instance', preventableEvent(), argv, cwd, {}));
  }

  releaseSingleInstanceLock(): void {
    this.lock?.release();
  }

  setLoginItemSettings(settings: Settings): void {
    this.loginItem = { ...this.loginItem, openAtLogin: settings.openAtLogin ?? false, status: settings.openAtLogin ? 'enabled' : 'not-registered' };
  }

  getLoginItemSettings(): LoginItemSettings {
    return { ...this.loginItem };
  }

  quit(): void {
    if (this.quitting) return;
    const beforeQuit = preventableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    const willQuit = preventableEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.exit(0);
  }

  exit(code = 0): void {
    this.quitting = true;
    this.emit('quit', preventableEvent(), code);
    this.lock?.release();
    void this.shutdown(code);
  }
}

export function systemLocaleFromEnv(env: NodeJS.ProcessEnv): string {
  const posix = (env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || 'C').replace(/[.@].*$/, '');
  if (posix === 'C' || posix === 'POSIX' || posix === '') return 'en-US@posix';
  const [language = 'und', country] = posix.split('_');
  return country === undefined ? language : `${language}-${country}`;
}

function readNearestPackageJson(start: string): { name?: string; productName?: string; version?: string } {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    try {
      return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
    } catch {
      if (dir === path.dirname(dir)) return {};
    }
  }
}
