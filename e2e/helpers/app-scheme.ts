import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME } from '../../main/app-scheme.ts';
import type { RuntimeName } from '../runtime/launch.ts';
import { toChromiumUrl } from '../runtime/protocol.ts';

/**
 * The app's origin as the page and Playwright see it: app://kraken-balances on Electron; on the test runtime,
 * whose Chromium knows no custom scheme, the stand-in https origin it serves the scheme at (e2e/runtime/protocol.ts).
 * Main sees app://kraken-balances on both.
 */
export function appOriginInPage(runtime: RuntimeName): string {
  return runtime === 'electron' ? APP_ORIGIN : new URL(toChromiumUrl(APP_INDEX_URL, new Set([APP_SCHEME]))).origin;
}
