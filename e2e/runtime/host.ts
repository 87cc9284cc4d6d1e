// Runs an Electron main-process bundle in Node with `require('electron')` answered by this runtime.
// Usage: node e2e/runtime/host.ts [--headed] <app folder or main script> [switches]
// (spawned by e2e/runtime/launch.ts, or `npm run preview`). Like `electron <path>`: a folder is read through
// its package.json; a bare script runs with Electron's own name and version.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { resolveAppPath } from './app-path.ts';
import { createElectronRuntime } from './electron.ts';

const args = process.argv.slice(2);
const headed = args.includes('--headed');
const appPackage = resolveAppPath(args.find((arg) => !arg.startsWith('--')) ?? '.');
const mainEntry = appPackage.entry;

const runtime = createElectronRuntime({
  app: appPackage,
  headed,
  switches: args.filter((arg) => arg.startsWith('--') && arg !== '--headed'),
  env: process.env,
});

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const originalLoad = moduleInternals._load;
moduleInternals._load = function load(request, parent, isMain) {
  return request === 'electron' ? runtime.electron : originalLoad.call(this, request, parent, isMain);
};

/** Specs evaluate functions in this process, like Playwright's electronApp.evaluate(fn, arg). */
process.on('message', (message: { type: 'evaluate'; id: number; source: string; arg: unknown } | { type: 'quit' }) => {
  if (message.type === 'quit') return runtime.electron.app.quit();
  void (async () => {
    try {
      const fn = (0, eval)(`(${message.source})`) as (electron: unknown, arg: unknown) => unknown;
      process.send?.({ type: 'result', id: message.id, ok: true, value: await fn(runtime.electron, message.arg) });
    } catch (error) {
      process.send?.({ type: 'result', id: message.id, ok: false, message: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  })();
});
process.on('disconnect', () => void runtime.shutdown(0));

// Set by launch.ts to load faster; Node has read it at start-up, and Electron's main would not see it.
delete process.env['NODE_COMPILE_CACHE'];

console.info(`[electron-runtime] main ${path.relative(process.cwd(), mainEntry)} on Chromium (${headed ? 'headed' : 'headless'})`);
createRequire(mainEntry)(mainEntry);
runtime
  .boot()
  .then((endpoint) => {
    // Specs get the endpoint over IPC; a preview prints it (scripts/preview-check.mjs connects to it).
    if (process.send) process.send({ type: 'ready', endpoint });
    else console.info(`[electron-runtime] ready, DevTools endpoint ${endpoint}`);
  })
  .catch((error: unknown) => {
    console.error('[electron-runtime] Chromium did not start:', error instanceof Error ? error.message : error);
    if (headed) console.error('[electron-runtime] A headed preview needs a display; on a headless machine run it under xvfb-run.');
    process.exit(1);
  });
