import path from 'node:path';

// The bundles sit side by side in out/ (and in the packaged asar): out/main, out/preload, out/renderer.
export const preloadPath = path.join(__dirname, '../preload/index.js');
/** The built renderer: the only folder the app scheme serves (main/app-protocol.ts). */
export const rendererDir = path.join(__dirname, '../renderer');
