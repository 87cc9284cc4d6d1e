import type { BrowserContext, Page, Request } from 'playwright-core';
import { RuntimeWebContents } from './web-contents.ts';

/**
 * Windows a page opens itself (window.open, target=_blank links, forms) go to the opener's
 * setWindowOpenHandler, as in Electron. The opener's CDP session reports each one before it exists
 * (Page.windowOpen, web-contents.ts), so a denied window's first request is refused before it leaves and
 * the window is closed when it appears; an allowed one stays open as a plain page (not wrapped as a
 * BrowserWindow: see the list in electron.ts).
 */
export async function routePopups(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (!isPopupsFirstRequest(request)) return route.fallback();
    if (RuntimeWebContents.pendingOpenDecision(request.url()) === false) return route.abort('blockedbyclient');
    return route.fallback();
  });
  context.on('page', (page) => void closeIfDenied(page));
}

/** A new window's first navigation is issued before Playwright knows its frame. */
function isPopupsFirstRequest(request: Request): boolean {
  try {
    request.frame();
    return false;
  } catch {
    return request.isNavigationRequest();
  }
}

async function closeIfDenied(page: Page): Promise<void> {
  const opener = await page.opener();
  const contents = opener ? RuntimeWebContents.fromPage(opener) : null;
  if (contents && !contents.takeOpenDecision(page.url())) await page.close().catch(() => undefined);
}
