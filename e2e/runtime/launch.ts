import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core';

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

/** The same handle over both runtimes; mirrors the parts of Playwright's ElectronApplication specs use. */
export interface AppHandle {
  readonly runtime: RuntimeName;
  firstWindow(): Promise<Page>;
  evaluate<R, A = undefined>(fn: (electron: ElectronModule, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Everything the main process printed so far. */
  output(): string;
  /** Resolves with the exit code once the app process has ended. */
  exited(): Promise<number | null>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  userDataDir: string;
  env?: Record<string, string>;
  runtime?: RuntimeName;
}

export function launchApp(options: LaunchOptions): Promise<AppHandle> {
  const env = { ...process.env, ...options.env, KRAKEN_BALANCES_USER_DATA: options.userDataDir } as Record<string, string>;
  return (options.runtime ?? chooseRuntime()) === 'electron' ? launchElectron(env) : launchTestRuntime(env);
}

async function launchElectron(env: Record<string, string>): Promise<AppHandle> {
  const binary = electronBinary();
  if (!binary) throw new Error('E2E_RUNTIME=electron but node_modules/electron has no binary');
  const app: ElectronApplication = await _electron.launch({ executablePath: binary, args: [APP_DIR], env });
  const child = app.process();
  const output = collectOutput(child);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    runtime: 'electron',
    firstWindow: () => app.firstWindow(),
    evaluate: (fn, arg) => app.evaluate(fn as never, arg) as never,
    output,
    exited: () => exit,
    close: () => app.close(),
  };
}

async function launchTestRuntime(env: Record<string, string>): Promise<AppHandle> {
  const child = fork(path.join(here, 'host.ts'), [APP_DIR], {
    env,
    execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  const output = collectOutput(child);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let browser: Browser | null = null;

  const endpoint = await new Promise<string | null>((resolve, reject) => {
    child.on('message', (message: { type: string; id?: number; ok?: boolean; value?: unknown; message?: string; endpoint?: string }) => {
      if (message.type === 'ready') resolve(message.endpoint ?? null);
      if (message.type === 'result' && message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) call?.resolve(message.value);
        else call?.reject(new Error(`in the main process: ${message.message}`));
      }
    });
    void exit.then((code) => (code === 0 ? resolve(null) : reject(new Error(`app exited with ${code} before it was ready:\n${output()}`))));
  });
  if (endpoint) browser = await chromium.connectOverCDP(endpoint);

  return {
    runtime: 'test-runtime',
    firstWindow: () => firstAppPage(browser),
    evaluate: <R, A>(fn: (electron: ElectronModule, arg: A) => R | Promise<R>, arg?: A) =>
      new Promise<R>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ type: 'evaluate', id, source: fn.toString(), arg });
      }),
    output,
    exited: () => exit,
    close: async () => {
      if (child.exitCode === null && child.connected) child.send({ type: 'quit' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
      await browser?.close().catch(() => undefined);
    },
  };
}

async function firstAppPage(browser: Browser | null): Promise<Page> {
  if (!browser) throw new Error('the app exited without opening a window');
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
