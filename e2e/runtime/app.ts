import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App, LoginItemSettings, ProcessMetric, Settings } from 'electron';
import { createAppMetrics } from './app-metrics.ts';
import type { AppPackage } from './app-path.ts';
import { preventableEvent } from './events.ts';
import { setAppReady } from './readiness.ts';
import { SingleInstanceLock } from './single-instance.ts';

type PathName = Parameters<App['getPath']>[0];

/** The names Electron's getPath/setPath know; any other makes setPath throw "Failed to set path". */
const PATH_NAMES: readonly PathName[] = [
  'home', 'appData', 'assets', 'userData', 'sessionData', 'temp', 'exe', 'module', 'desktop', 'documents',
  'downloads', 'music', 'pictures', 'videos', 'recent', 'logs', 'crashDumps',
];

type AppApi = Pick<
  App,
  | 'whenReady' | 'isReady' | 'getPath' | 'setPath' | 'getAppPath' | 'getName' | 'setName' | 'getVersion' | 'quit' | 'exit'
  | 'requestSingleInstanceLock' | 'releaseSingleInstanceLock' | 'setLoginItemSettings' | 'getLoginItemSettings'
  | 'getLocale' | 'getSystemLocale' | 'focus' | 'isPackaged' | 'setAppUserModelId' | 'getAppMetrics'
>;

/** The app object: lifecycle, paths, name/version from the app's package.json, login items recorded. */
export class RuntimeApp extends EventEmitter implements AppApi {
  readonly isPackaged = false;
  private ready = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;
  private name: string;
  private readonly version: string;
  private readonly appPath: string;
  private readonly paths = new Map<string, string>();
  private lock: SingleInstanceLock | null = null;
  private loginItem: LoginItemSettings = { openAtLogin: false, wasOpenedAtLogin: false, status: 'not-registered', executableWillLaunchAtLogin: false, launchItems: [] };
  private quitting = false;
  private readonly shutdown: (code: number) => Promise<void>;
  private readonly metrics = createAppMetrics();

  constructor(pkg: Pick<AppPackage, 'name' | 'version' | 'dir'>, shutdown: (code: number) => Promise<void>) {
    super();
    this.shutdown = shutdown;
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
    this.name = pkg.name;
    this.version = pkg.version;
    this.appPath = pkg.dir;
    const appData = path.join(os.tmpdir(), 'electron-runtime-appdata');
    this.paths.set('appData', appData);
    this.paths.set('temp', os.tmpdir());
    this.paths.set('home', os.homedir());
  }

  /** Called by the host once Chromium is up: Electron's 'ready'. */
  markReady(): void {
    this.ready = true;
    setAppReady(true);
    // Chromium creates its profile folder (userData) at start-up.
    mkdirSync(this.getPath('userData'), { recursive: true });
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

  /** Like Electron, reading a path creates no folder (Chromium makes userData itself at 'ready'). */
  getPath(name: PathName): string {
    const explicit = this.paths.get(name);
    if (explicit) return explicit;
    if (name === 'userData' || name === 'sessionData') return path.join(this.getPath('appData'), this.name);
    if (name === 'logs') return path.join(this.getPath('userData'), 'logs');
    // The running executable; for the runtime that is Node (Electron: its binary, or the packaged app's).
    if (name === 'exe' || name === 'module') return process.execPath;
    return path.join(this.getPath('appData'), name);
  }

  /** The folder the app was started from (`electron <folder>`), as Electron's default app sets it. */
  getAppPath(): string {
    return this.appPath;
  }

  /** Like Electron: an absolute path of a known name, and the folder is not created. */
  setPath(name: PathName, value: string): void {
    if (!path.isAbsolute(value)) throw new Error('Path must be absolute');
    if (!PATH_NAMES.includes(name)) throw new Error('Failed to set path');
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

  /** The test runtime's processes (Node main + Chromium), labelled as runtime figures: see app-metrics.ts. */
  getAppMetrics(): ProcessMetric[] {
    return this.metrics();
  }

  setAppUserModelId(_id: string): void {}

  requestSingleInstanceLock(): boolean {
    const userData = this.getPath('userData');
    mkdirSync(userData, { recursive: true }); // Electron creates it here ("may not have been created yet")
    this.lock ??= new SingleInstanceLock(userData);
    // Electron posts a notice that arrives before 'ready' until after it (NotificationCallbackWrapper).
    return this.lock.acquire((argv, cwd) => {
      const deliver = (): void => void this.emit('second-instance', preventableEvent(), argv, cwd, null);
      if (this.ready) deliver();
      else void this.readyPromise.then(() => setImmediate(deliver));
    });
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
