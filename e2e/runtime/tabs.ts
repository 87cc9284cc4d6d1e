import type { BrowserContext, Page } from 'playwright-core';

/**
 * Opens and closes the Chromium pages that stand in for windows.
 *
 * Headed Chromium quits when its last tab closes, while Electron keeps running with no window at all
 * (before the first window exists, and in the tray after the last one closed) and leaves quitting to the
 * app. So a headed run never lets Chromium lose its last tab: the profile's initial blank tab stays until
 * the first window's page is open, and a blank holder tab opens before the app's last page closes.
 * Headless Chromium does not quit with its last tab; there the initial tab simply goes.
 * (A user closing the last window from Chromium's own title bar still ends a headed run: no 'close' event.)
 */
export class RuntimeTabs {
  private holder: Page | null = null;
  private readonly context: BrowserContext;
  private readonly headed: boolean;

  private constructor(context: BrowserContext, headed: boolean) {
    this.context = context;
    this.headed = headed;
  }

  static async adopt(context: BrowserContext, headed: boolean): Promise<RuntimeTabs> {
    const tabs = new RuntimeTabs(context, headed);
    const initial = context.pages();
    if (headed) tabs.holder = initial[0] ?? null;
    else for (const page of initial) await page.close(); // the profile's initial blank tab is no window
    return tabs;
  }

  async open(): Promise<Page> {
    const page = await this.context.newPage();
    // Only now: closing the holder while the new tab is still being attached would leave Chromium tabless.
    const holder = this.holder;
    this.holder = null;
    if (holder && !holder.isClosed()) await holder.close();
    return page;
  }

  async close(page: Page): Promise<void> {
    if (page.isClosed()) return;
    const lastTab = !this.context.pages().some((other) => other !== page && !other.isClosed());
    if (this.headed && lastTab) this.holder = await this.context.newPage();
    await page.close();
  }
}
