import path from 'node:path';
import type { Page } from '@playwright/test';
import { test } from '@playwright/test';

/**
 * Every run attaches the screenshot to its results; with UPDATE_DOCS_SCREENSHOTS=1 it also refreshes the
 * copy under docs/ that the README shows (kept out of normal runs so they leave the tree clean).
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const body = await page.screenshot();
  await test.info().attach(name, { body, contentType: 'image/png' });
  if (process.env['UPDATE_DOCS_SCREENSHOTS'] === '1') {
    await page.screenshot({ path: path.join('docs', `${name}.png`) });
  }
}
