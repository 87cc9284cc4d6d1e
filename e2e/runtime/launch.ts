import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { desktopLaunch, NotOnThisRuntime, type DesktopOptions } from './desktop-options.ts';
import type { RuntimeControls } from './controls.ts';

// Loaded by Playwright's CommonJS transform, so __dirname is defined here.
const here = __dirname;
const root = path.resolve(here, '../..');
/** The app folder: Electron (and the test runtime) read main, productName and version from its package.json. */
export const APP_DIR = root;
export const MAIN_ENTRY = path.join(root, 'out/main/index.js');

export type RuntimeName = 'electron' | 'test-runtime';

/** The Electron binary, if this machine has one (never downloads: requiring 'electron' would). */
export function electronBinary(): string | null {
  const pathFile = path.join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** E2E_RUNTIME=electron|test-runtime forces one; otherwise real Electron wherever its binary exists. */
export function chooseRuntime(env: NodeJS.ProcessEnv = process.env): RuntimeName {
  const forced = env['E2E_RUNTIME'];
  if (forced === 'electron' || forced === 'test-runtime') return forced;
  return electronBinary() ? 'electron' : 'test-runtime';
}

type ElectronModule = typeof import('electron');

/** Desktop events a spec drives, on either runtime. */
export interface DesktopSwitches {
  /** What net.isOnline() answers from now on. Test runtime only (throws NotOnThisRuntime on Electron). */
  setOnline(online: boolean): Promise<void>;
  /** Windows logoff or shutdown: 'session-end' on every window, then the process is ended without before-quit. */
  endSession(): Promise<void>;
  /** Linux/macOS shutdown: powerMonitor 'shutdown', then SIGTERM (Electron quits with before-quit). */
  systemShutdown(): Promise<void>;
}

/** The same handle over both runtimes; mirrors the parts of Playwright's ElectronApplication specs use. */
export interface AppHandle {
  readonly runtime: RuntimeName;
  firstWindow(): Promise<Page>;
  evaluate<R, A = undefined>(fn: (electron: ElectronModule, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Everything the main process printed so far. */
  output(): string;
  /** Resolves with the exit code once the app process has ended. */
  exited(): Promise<number | null>;
  readonly desktop: DesktopSwitches;
  close(): Promise<void>;
}

export interface LaunchOptions {
  userDataDir: string;
  env?: Record<string, string>;
  runtime?: RuntimeName;
  desktop?: DesktopOptions;
}

export function launchApp(options: LaunchOptions): Promise<AppHandle> {
  const runtime = options.runtime ?? chooseRuntime();
  const desktop = desktopLaunch(options.desktop ?? {}, runtime);
  const env = { ...process.env, ...options.env, ...desktop.env, KRAKEN_BALANCES_USER_DATA: options.userDataDir } as Record<string, string>;
  return runtime === 'electron' ? launchElectron(desktop.args, env) : launchTestRuntime(desktop.args, env);
}

/**
 * Real Electron through Playwright, started like `electron <app folder>` so name and version are the app's.
 * With executablePath Playwright starts the binary as it is: without it, Playwright preloads a loader that
 * appends --password-store=basic, which would override the keyring a spec selects.
 */
async function launchElectron(args: string[], env: Record<string, string>): Promise<AppHandle> {
  const binary = electronBinary();
  if (!binary) throw new Error('E2E_RUNTIME=electron but node_modules/electron has no binary');
  let app: ElectronApplication;
  try {
    app = await _electron.launch({ executablePath: binary, args: [APP_DIR, ...args], env });
  } catch (error) {
    return exitedBeforeReady(error);
  }
  const child = app.process();
  const output = collectOutput(child);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    runtime: 'electron',
    firstWindow: () => app.firstWindow(),
    evaluate: (fn, arg) => app.evaluate(fn as never, arg) as never,
    output,
    exited: () => exit,
    desktop: {
      setOnline: () => Promise.reject(new NotOnThisRuntime('real Electron: net.isOnline() reads the OS and cannot be switched')),
      async endSession() {
        await app.evaluate(({ BrowserWindow }) => {
          for (const window of BrowserWindow.getAllWindows()) window.emit('session-end', { preventDefault() {} });
        });
        child.kill('SIGKILL');
        await exit;
      },
      async systemShutdown() {
        await app.evaluate(({ powerMonitor }) => void powerMonitor.emit('shutdown', { preventDefault() {} }));
        child.kill('SIGTERM');
        await exit;
      },
    },
    close: () => app.close(),
  };
}

/**
 * An app that quits before its first window (a second instance handing over to the first) never prints the
 * DevTools line Playwright waits for, so _electron.launch rejects; its call log still says how it exited.
 */
function exitedBeforeReady(error: unknown): AppHandle {
  const log = error instanceof Error ? error.message : String(error);
  const exit = /process did exit: exitCode=(\d+)/.exec(log);
  if (!exit) throw error;
  const gone = (): Promise<never> => Promise.reject(new Error(`the app exited (code ${exit[1]}) without opening a window`));
  return {
    runtime: 'electron',
    firstWindow: gone,
    evaluate: gone,
    output: () => log,
    exited: () => Promise.resolve(Number(exit[1])),
    desktop: { setOnline: gone, endSession: gone, systemShutdown: gone },
    close: () => Promise.resolve(),
  };
}

/**
 * Node's on-disk compile cache for the runtime's host process: every launch loads the same runtime modules,
 * Playwright and the main bundle, and compiling them anew took about a second of CPU per launch (there are
 * some 150 launches in a run). Only how fast code loads changes; host.ts removes the variable before the
 * app's main script runs, so the app never sees it.
 */
const COMPILE_CACHE_DIR = path.join(root, 'node_modules/.cache/e2e-runtime-compile');

async function launchTestRuntime(args: string[], env: Record<string, string>): Promise<AppHandle> {
  const child = fork(path.join(here, 'host.ts'), [APP_DIR, ...args], {
    env: { ...env, NODE_COMPILE_CACHE: COMPILE_CACHE_DIR },
    execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  const output = collectOutput(child);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let browser: Browser | null = null;

  const endpoint = await new Promise<string | null>((resolve) => {
    child.on('message', (message: { type: string; id?: number; ok?: boolean; value?: unknown; message?: string; endpoint?: string }) => {
      if (message.type === 'ready') resolve(message.endpoint ?? null);
      if (message.type === 'result' && message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) call?.resolve(message.value);
        else call?.reject(new Error(`in the main process: ${message.message}`));
      }
    });
    // An app may end before it is ready (a second instance handing over, a refused start-up): the handle
    // then reports its exit code and output, as exitedBeforeReady does on real Electron.
    void exit.then(() => resolve(null));
  });
  if (endpoint) browser = await chromium.connectOverCDP(endpoint);
  const gone = (): Error => new Error(`the app exited (code ${child.exitCode}) without opening a window:\n${output()}`);

  const evaluate = <R, A>(fn: (electron: ElectronModule, arg: A) => R | Promise<R>, arg?: A) =>
    new Promise<R>((resolve, reject) => {
      if (!child.connected) return reject(gone());
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ type: 'evaluate', id, source: fn.toString(), arg });
    });
  const control = async (name: keyof RuntimeControls, value?: boolean): Promise<void> => {
    await evaluate((electron, call) => {
      const controls = (electron as unknown as { __testRuntime: Record<string, (value?: boolean) => void> }).__testRuntime;
      controls[call.name]?.(call.value);
    }, { name, value });
  };
  return {
    runtime: 'test-runtime',
    firstWindow: () => (browser ? firstAppPage(browser) : Promise.reject(gone())),
    evaluate,
    output,
    exited: () => exit,
    desktop: {
      setOnline: (online) => control('setOnline', online),
      // The process ends while answering, so the answer may never come: its exit is the answer.
      endSession: async () => {
        await Promise.race([control('endSession'), exit]);
        await exit;
      },
      systemShutdown: async () => {
        await Promise.race([control('systemShutdown'), exit]);
        await exit;
      },
    },
    close: async () => {
      if (child.exitCode === null && child.connected) child.send({ type: 'quit' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
      await browser?.close().catch(() => undefined);
    },
  };
}

async function firstAppPage(browser: Browser): Promise<Page> {
  const context = browser.contexts()[0];
  if (!context) throw new Error('no browser context over CDP');
  const page = context.pages()[0] ?? (await context.waitForEvent('page'));
  await page.waitForLoadState('domcontentloaded');
  return page;
}

function collectOutput(child: ChildProcess): () => string {
  let text = '';
  const echo = process.env['E2E_ECHO_APP_OUTPUT'] === '1';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (echo) process.stderr.write(chunk);
    });
  }
  return () => text;
}
