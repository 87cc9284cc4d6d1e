// How the render benchmarks wait for the rows to be painted without running anything of their own in the
// page while it is being measured.
import type { CDPSession } from 'playwright-core';

// Resolves once the page has marked 'bench:painted' (at once if it already has).
const PAINTED = `new Promise((resolve) => {
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('bench:painted').length > 0) {
      observer.disconnect();
      resolve(true);
    }
  });
  observer.observe({ type: 'mark', buffered: true });
})`;

/**
 * Waits for the rows to be painted through the raw CDP session, not page.waitForFunction: Playwright's
 * function waiting first evaluates its injected script (a large bundle) in the page, a main-thread task of
 * 10–25 ms that lands inside the measured window, between the frame that shows the rows and the task that
 * marks it, and is no part of the app. One small Runtime.evaluate is all the page runs for the bench here.
 */
export async function waitForPainted(devtools: CDPSession): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no bench:painted mark within 30 s')), 30_000);
  });
  try {
    await Promise.race([devtools.send('Runtime.evaluate', { expression: PAINTED, awaitPromise: true }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
