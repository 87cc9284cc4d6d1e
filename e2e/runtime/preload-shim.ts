/**
 * Builds the init script that runs the app's real preload bundle in each page before the page's own
 * scripts, with `require('electron')` answering { contextBridge, ipcRenderer } backed by Playwright
 * bindings. Unlike Electron it runs in the page's main world, not an isolated world (see README.md here).
 */
export const INVOKE_BINDING = '__electronRuntimeInvoke';
export const SEND_BINDING = '__electronRuntimeSend';
export const OPEN_BINDING = '__electronRuntimeWindowOpen';
export const DISPATCH_GLOBAL = '__electronRuntimeDispatch';

export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  if (window !== window.top) return; // Electron runs preloads in the top frame only.
  const invokeBinding = window[${JSON.stringify(INVOKE_BINDING)}];
  const sendBinding = window[${JSON.stringify(SEND_BINDING)}];
  const openBinding = window[${JSON.stringify(OPEN_BINDING)}];
  for (const name of [${JSON.stringify(INVOKE_BINDING)}, ${JSON.stringify(SEND_BINDING)}, ${JSON.stringify(OPEN_BINDING)}]) delete window[name];
  // window.open asks main's setWindowOpenHandler and returns null when denied, as Electron does.
  window.open = (url) => { void openBinding(String(url ?? '')); return null; };

  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const result = await invokeBinding(channel, args);
      if (!result.ok) throw new Error("Error invoking remote method '" + channel + "': " + result.message);
      return result.value;
    },
    send(channel, ...args) { void sendBinding(channel, args); },
    on(channel, listener) { (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)).add(listener); return ipcRenderer; },
    once(channel, listener) { const once = (...a) => { ipcRenderer.removeListener(channel, once); listener(...a); }; return ipcRenderer.on(channel, once); },
    removeListener(channel, listener) { listeners.get(channel)?.delete(listener); return ipcRenderer; },
    off(channel, listener) { return ipcRenderer.removeListener(channel, listener); },
    removeAllListeners(channel) { if (channel) listeners.delete(channel); else listeners.clear(); return ipcRenderer; },
  };
  Object.defineProperty(window, ${JSON.stringify(DISPATCH_GLOBAL)}, {
    value: (channel, args) => { for (const l of [...(listeners.get(channel) ?? [])]) l({ sender: ipcRenderer }, ...args); },
  });

  const deepFreeze = (value) => {
    if (value && typeof value === 'object') { Object.values(value).forEach(deepFreeze); Object.freeze(value); }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(window, key, { value: deepFreeze(api), enumerable: true });
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error("module not found: " + name + " (a sandboxed preload may only require 'electron')");
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  }).call(undefined, require, module, module.exports);
})();`;
}
