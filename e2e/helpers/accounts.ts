// Reusable pieces for specs that need saved accounts: a fake Kraken per test with Kraken-shaped keys,
// the app pointed at it, and calls through the real preload bridge (window.kraken), exactly as the UI makes them.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AccountBalances, AccountSummary, AddAccountRequest, AppInfo, IpcResult, KrakenBridge, RenameAccountRequest, WeakConsentWithdrawal } from '../../ipc/contract.ts';
import { testKeyPair } from '../../main/vault/testing/key-pair.ts';
import { startFakeKraken, type FakeKraken } from '../fake-kraken/index.ts';
import { test as base } from '../fixtures.ts';
import type { DesktopOptions } from '../runtime/desktop-options.ts';

export { appReady, expect } from '../fixtures.ts';
export { testKeyPair };

/** Keys the fake Kraken knows: one that may read balances, one created without "Query Funds". */
export const KEYS = {
  main: testKeyPair('e2e main'),
  second: testKeyPair('e2e second'),
  noFunds: testKeyPair('e2e no funds'),
  /** Shaped right, but the fake has never heard of it. */
  unknown: testKeyPair('e2e unknown'),
} as const;

/**
 * The key storage a spec runs with, named by the backend the app is told about:
 * - 'gnome_libsecret': --password-store=gnome-libsecret and an unlocked keyring (real Electron: the CI
 *   machine's gnome-keyring, which the GitHub workflow starts unlocked);
 * - 'basic_text': --password-store=basic, the hard-coded key (the default here);
 * - 'unavailable': no encryption at all (test runtime only);
 * - 'gnome_libsecret_unanswered': GNOME's keyring is reported, but none answers (real Electron: no session
 *   bus), so Electron seals with its hard-coded key.
 * Desktops beyond these (a keyring locked after login …) use the `desktop` option directly.
 */
export type KeyringCase = 'gnome_libsecret' | 'basic_text' | 'unavailable' | 'gnome_libsecret_unanswered';

const KEYRING_DESKTOPS: Record<KeyringCase, DesktopOptions> = {
  gnome_libsecret: { passwordStore: 'gnome-libsecret', keyring: 'unlocked' },
  basic_text: { passwordStore: 'basic' },
  unavailable: { noEncryption: true },
  gnome_libsecret_unanswered: { passwordStore: 'gnome-libsecret', keyring: 'absent' },
};

interface AccountFixtures {
  keyring: KeyringCase;
  /**
   * Whether the fake's keys have the optional "WebSocket interface" permission (default true: accounts go
   * live). Specs about polling itself (countdowns, call counts) turn it off: the app then polls at the
   * user's interval, as it does for a real key without that permission.
   */
  liveStreams: boolean;
  /**
   * Whether the user consented to weak protection (basic_text) in an earlier session (default true; not with
   * a keyring, where nobody is ever asked): the data folder starts with that consent in accounts.json, so specs about other things add keys without
   * main's native question. Specs about the question itself turn it off and answer it (answerMessageBoxes).
   */
  weakConsentGiven: boolean;
  fakeKraken: FakeKraken;
}

/** The app fixtures, with a fake Kraken per test that the app talks to (KRAKEN_API_URL). */
export const test = base.extend<AccountFixtures>({
  keyring: ['basic_text', { option: true }],
  weakConsentGiven: [true, { option: true }],
  app: async ({ launch, keyring, weakConsentGiven }, use, testInfo) => {
    if (weakConsentGiven && keyring !== 'gnome_libsecret') seedWeakConsent(testInfo.outputPath('user-data'));
    await use(await launch());
  },
  liveStreams: [true, { option: true }],
  fakeKraken: async ({ liveStreams }, use) => {
    const canUseWebSockets = liveStreams;
    const fake = await startFakeKraken({
      keys: [{ ...KEYS.main, canUseWebSockets }, { ...KEYS.second, canUseWebSockets }, { ...KEYS.noFunds, canQueryFunds: false, canUseWebSockets }],
    });
    await use(fake);
    await fake.close();
  },
  desktop: async ({ keyring }, use) => {
    await use(KEYRING_DESKTOPS[keyring]);
  },
  appEnv: async ({ fakeKraken }, use, testInfo) => {
    await use({ KRAKEN_API_URL: fakeKraken.url, ELECTRON_RUNTIME_KEYRING_DIR: testInfo.outputPath('keyring') });
  },
});

type Bridge = KrakenBridge;

export function addAccount(page: Page, request: AddAccountRequest): Promise<IpcResult<AccountSummary>> {
  return page.evaluate((req) => (window as unknown as { kraken: Bridge }).kraken.accounts.add(req), request);
}

export function listAccounts(page: Page): Promise<IpcResult<AccountSummary[]>> {
  return page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.accounts.list());
}

export function renameAccount(page: Page, request: RenameAccountRequest): Promise<IpcResult<AccountSummary>> {
  return page.evaluate((req) => (window as unknown as { kraken: Bridge }).kraken.accounts.rename(req), request);
}

/** Asks main to remove an account: main then asks the user natively (see answerMessageBoxes). */
export function removeAccount(page: Page, id: string): Promise<IpcResult<{ removed: boolean }>> {
  return page.evaluate((accountId) => (window as unknown as { kraken: Bridge }).kraken.accounts.remove(accountId), id);
}

export function addDemoAccount(page: Page): Promise<IpcResult<AccountSummary>> {
  return page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.accounts.addDemo());
}

/** Asks main to withdraw the weak-protection consent: main then asks the user natively (see answerMessageBoxes). */
export function withdrawWeakProtection(page: Page): Promise<IpcResult<WeakConsentWithdrawal>> {
  return page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.storage.withdrawWeakProtection());
}

/** The consent as main stores it (main/vault/weak-consent.ts), given for the hard-coded key's backend. */
function seedWeakConsent(userDataDir: string): void {
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'accounts.json'), JSON.stringify({ weakProtection: { acceptedAt: '2025-01-01T00:00:00.000Z', backend: 'basic_text' } }));
}

export function balancesNow(page: Page): Promise<IpcResult<AccountBalances[]>> {
  return page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.balances.get());
}

export function appInfo(page: Page): Promise<IpcResult<AppInfo>> {
  return page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.app.getInfo());
}

/** Starts collecting 'accounts:changed' events in the page; read them with accountEvents(). */
export function recordAccountEvents(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen: AccountSummary[][] = [];
    Object.defineProperty(window, '__accountEvents', { value: seen });
    (window as unknown as { kraken: Bridge }).kraken.accounts.onChanged((accounts) => seen.push(accounts));
  });
}

export function accountEvents(page: Page): Promise<AccountSummary[][]> {
  return page.evaluate(() => (window as unknown as { __accountEvents: AccountSummary[][] }).__accountEvents);
}

/** The value of a successful result, or a test failure that shows the error. */
export function valueOf<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Every way a secret could sit in a file or a heap without being spelled as itself. */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'base64');
  return [
    secret,
    bytes.toString('hex'),
    bytes.toString('base64url'),
    Buffer.from(secret, 'utf8').toString('base64'),
    Buffer.from(secret, 'utf8').toString('hex'),
  ];
}

/**
 * Text of every file in the app's data folder (keys, settings, nonces, …), by file name. The app may be
 * writing while this reads: it writes a file as a temporary one renamed over it, so a file listed can be
 * gone a moment later. Then the whole folder is read again, so the snapshot holds what the files say
 * after that write (the new text under the final name), never a partial one.
 */
export function userDataFiles(userDataDir: string, attempts = 20): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(userDataDir, full), readFileSync(full, 'latin1'));
    }
  };
  try {
    walk(userDataDir);
  } catch (error) {
    const vanished = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!vanished || attempts <= 1) throw error;
    return userDataFiles(userDataDir, attempts - 1);
  }
  return files;
}
