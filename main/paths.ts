import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The bundles sit side by side in out/ (and in the packaged asar): out/main, out/preload, out/renderer.
export const preloadPath = path.join(__dirname, '../preload/index.js');
export const rendererIndexPath = path.join(__dirname, '../renderer/index.html');

/** True only for our own renderer page; used to vet IPC senders and navigations. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && path.resolve(fileURLToPath(parsed)) === path.resolve(rendererIndexPath);
  } catch {
    return false;
  }
}
