import { expect as playwrightExpect, test as base, type Page } from '@playwright/test';
import { NotOnThisRuntime, type DesktopOptions } from './runtime/desktop-options.ts';
import { launchApp, type AppHandle, type LaunchOptions } from './runtime/launch.ts';

interface Fixtures {
  /** Extra environment for the app; override with test.use({ appEnv: { … } }). */
  appEnv: Record<string, string>;
  /** The desktop to launch on (keyring, tray host …); a desktop this runtime cannot give skips the test with the reason. */
  desktop: DesktopOptions;
  /**
   * The OS locale the app sees, as Linux spells it (LC_ALL): what app.getSystemLocale() reads there, on
   * Electron and the test runtime alike. Fixed, so a developer's own locale never changes what specs see.
   */
  osLocale: string;
  /** Launches another instance (its own or a shared user data folder); closed after the test. */
  launch: (options?: Partial<LaunchOptions>) => Promise<AppHandle>;
  app: AppHandle;
  page: Page;
}

export const test = base.extend<Fixtures>({
  appEnv: [{}, { option: true }],
  desktop: [{}, { option: true }],
  osLocale: ['en_US.UTF-8', { option: true }],
  launch: async ({ appEnv, desktop, osLocale }, use, testInfo) => {
    const launched: AppHandle[] = [];
    await use(async (options = {}) => {
      try {
        // KRAKEN_BALANCES_E2E=1 makes main keep the last tray model where specs can read it (main/tray/app-tray.ts).
        const env = { KRAKEN_BALANCES_E2E: '1', LC_ALL: osLocale, ...appEnv, ...options.env };
        const app = await launchApp({ userDataDir: testInfo.outputPath('user-data'), desktop, ...options, env });
        launched.push(app);
        return app;
      } catch (error) {
        if (error instanceof NotOnThisRuntime) testInfo.skip(true, error.message);
        throw error;
      }
    });
    for (const app of launched.reverse()) await app.close();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('app-output', { body: launched.map((app) => app.output()).join('\n---\n') });
    }
  },
  app: async ({ launch }, use) => {
    await use(await launch());
  },
  page: async ({ app }, use) => {
    await use(await appReady(await app.firstWindow()));
  },
});

/**
 * The app's window once its own page and the preload bridge are in place. A first window is handed out as
 * soon as it exists, on both runtimes, which can be before its page has loaded.
 */
export async function appReady(page: Page): Promise<Page> {
  await page.waitForURL(/\/index\.html$/);
  await page.waitForFunction(() => 'kraken' in window);
  return page;
}

/**
 * Playwright's expect, with expect.poll re-checking at least every 250 ms. Its default backs off to a check
 * a second, so a poll that is met after a few seconds waits up to a second more: with some 200 polls in the
 * specs that was minutes of a CI run. Same matchers and timeouts; a spec's own `intervals` still wins.
 */
export const expect = playwrightExpect.extend({});
const POLL_INTERVALS = [50, 100, 250];
const defaultPoll = expect.poll;
expect.poll = ((actual, messageOrOptions) =>
  defaultPoll(actual, typeof messageOrOptions === 'string' ? { message: messageOrOptions, intervals: POLL_INTERVALS } : { intervals: POLL_INTERVALS, ...messageOrOptions })) as typeof expect.poll;
