import { createBridgeEnd } from './page-bridge.ts';
import { createIpcRenderer, installIsolatedWorld, type PageWorldNames } from './page-isolated-world.ts';
import { installMainWorld, routePermissionRequests } from './page-main-world.ts';
import { openWorldChannel } from './page-world-channel.ts';
import { decodeClone, encodeClone } from './structured-clone.ts';

/** The isolated world the preload runs in (Chromium's, created per document through CDP). */
export const PRELOAD_WORLD = 'electron-runtime-preload';

export const PAGE_WORLD_NAMES: PageWorldNames = {
  binding: '__electronRuntimeIpc',
  deliver: '__electronRuntimeDeliver',
  handshake: 'electron-runtime:handshake',
  toMain: 'electron-runtime:to-main',
  toIsolated: 'electron-runtime:to-isolated',
};

// The in-page functions are plain, self-contained functions; their source text is the script. Each script
// is one closure, so none of them becomes a global of its world.
const LIB_SOURCE = [encodeClone, decodeClone, openWorldChannel, createBridgeEnd, createIpcRenderer].map(String).join('\n');
const LIB_OBJECT = '{ encodeClone, decodeClone, openWorldChannel, createBridgeEnd, createIpcRenderer }';
const NAMES = JSON.stringify(PAGE_WORLD_NAMES);

/** Runs in the main world of every frame before the page's scripts (page-main-world.ts). */
export function mainWorldScript(): string {
  return `(() => {\n${LIB_SOURCE}\n${routePermissionRequests}\n${installMainWorld}\ninstallMainWorld(${NAMES}, ${LIB_OBJECT});\n})();`;
}

/** Runs in the preload world of every frame; the app's preload bundle runs there in the top frame. */
export function isolatedWorldScript(preloadSource: string | null): string {
  const preload = preloadSource === null ? '' : `
  if (require) {
    const module = { exports: {} };
    (function (require, module, exports) {
${preloadSource}
    }).call(undefined, require, module, module.exports);
  }`;
  return `(() => {\n${LIB_SOURCE}\n${installIsolatedWorld}\nconst require = installIsolatedWorld(${NAMES}, ${LIB_OBJECT}, ${preloadSource !== null});${preload}\n})();`;
}
