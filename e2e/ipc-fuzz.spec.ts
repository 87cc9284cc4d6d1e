// Issue 11, point 10: property-based fuzz of the window's API through the real preload bridge and IPC. Every
// generated payload must come back as a typed result, the app must stay up, and refused input must change
// no stored state (the store files are compared byte for byte before and after).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Page } from '@playwright/test';
import type { KrakenBridge } from '../ipc/contract.ts';
import { addDemoAccount, appInfo, expect, test, valueOf } from './helpers/accounts.ts';
import { recordOpenedUrls } from './helpers/desktop-records.ts';

const PAYLOADS = 10_000;
/** Payloads in flight at once: enough to load main, few enough to keep a CI machine responsive. */
const BATCH = 250;
// history.journal is left out: a refresh (accepted, and also run by the scheduler) appends to it by design.
const STORE_FILES = ['settings.json', 'accounts.json', 'nonces.json', 'history.json'];

/**
 * Bridge functions whose argument the page controls, by `area.method`. The others take no argument; two of
 * them (add the demo account, withdraw the weak-protection consent, which main confirms natively) are actions
 * with nothing to refuse and stay out.
 */
const TAKES_INPUT = ['accounts.add', 'accounts.rename', 'accounts.updateKey', 'accounts.remove', 'balances.refresh', 'history.get', 'settings.update', 'help.open'];
const READ_ONLY = ['app.getInfo', 'accounts.list', 'balances.get', 'settings.get'];

/** What a page can pass across the contextBridge: any cloneable value, and objects shaped almost right. */
function payloadArbitrary(): fc.Arbitrary<unknown> {
  const junk = fc.anything({ maxDepth: 3, maxKeys: 6, withBigInt: true, withDate: true, withNullPrototype: false, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false });
  const nearKeys = fc.constantFrom('id', 'label', 'apiKey', 'apiSecret', 'otp', 'acceptWeakProtection', 'accountId', 'topic', 'refreshIntervalSec', 'theme', 'tier', 'quoteCurrency', '__proto__', 'constructor');
  const nearlyRight = fc.dictionary(nearKeys, fc.oneof(junk, fc.string({ maxLength: 2_000 }), fc.integer(), fc.double()), { maxKeys: 5 });
  return fc.oneof(junk, nearlyRight, fc.string({ maxLength: 300 }));
}

function storeFiles(userData: string): Record<string, string | null> {
  return Object.fromEntries(STORE_FILES.map((name) => {
    const file = path.join(userData, name);
    return [name, existsSync(file) ? readFileSync(file, 'latin1') : null];
  }));
}

/**
 * A payload as plain JSON for page.evaluate, whose own serializer trips over values the fuzz means to send
 * (an own '__proto__' key, invalid Dates, -0 …): tagged here, rebuilt in the page exactly.
 */
type Tagged = { t: 'undefined' } | { t: 'number'; v: string } | { t: 'bigint'; v: string } | { t: 'date'; v: number } | { t: 'json'; v: string | boolean | null }
  | { t: 'array'; v: Tagged[] } | { t: 'object'; v: [string, Tagged][] };

function tag(value: unknown): Tagged {
  if (value === undefined) return { t: 'undefined' };
  if (typeof value === 'number') return { t: 'number', v: Object.is(value, -0) ? '-0' : String(value) };
  if (typeof value === 'bigint') return { t: 'bigint', v: value.toString() };
  if (value instanceof Date) return { t: 'date', v: value.getTime() };
  if (Array.isArray(value)) return { t: 'array', v: value.map(tag) };
  if (typeof value === 'object' && value !== null) return { t: 'object', v: Object.getOwnPropertyNames(value).map((key) => [key, tag(Object.getOwnPropertyDescriptor(value, key)?.value)]) };
  return { t: 'json', v: value as string | boolean | null };
}

interface Outcome {
  method: string;
  typed: boolean;
  ok: boolean;
  code: string | null;
}

/** Calls each bridge function with its payload, in the page, and reports whether each answer was typed. */
function callBatch(page: Page, calls: { method: string; payload: unknown }[]): Promise<Outcome[]> {
  return page.evaluate(async (batch) => {
    const untag = (tagged: Tagged): unknown => {
      switch (tagged.t) {
        case 'undefined': return undefined;
        case 'number': return Number(tagged.v);
        case 'bigint': return BigInt(tagged.v);
        case 'date': return new Date(tagged.v);
        case 'json': return tagged.v;
        case 'array': return tagged.v.map(untag);
        case 'object': {
          const object: Record<string, unknown> = {};
          for (const [key, value] of tagged.v) Object.defineProperty(object, key, { value: untag(value), enumerable: true, writable: true, configurable: true });
          return object;
        }
      }
    };
    const bridge = (window as unknown as { kraken: Record<string, Record<string, (arg: unknown) => Promise<unknown>>> }).kraken;
    return Promise.all(batch.map(async ({ method, payload }) => {
      const [area = '', name = ''] = method.split('.');
      const result = (await bridge[area]?.[name]?.(untag(payload)).catch((error: unknown) => ({ thrown: String(error) }))) as
        { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
      const typedError = result?.ok === false && typeof result.error?.code === 'string' && typeof result.error.message === 'string';
      const typed = (result?.ok === true && 'value' in result) || typedError;
      return { method, typed, ok: result?.ok === true, code: typedError ? String(result.error?.code) : null };
    }));
  }, calls.map(({ method, payload }) => ({ method, payload: tag(payload) })));
}

test('10,000 generated payloads through the real bridge: typed answers, the app stays up, refused input stores nothing', async ({ app, page }) => {
  test.setTimeout(300_000);
  const opened = await recordOpenedUrls(app);
  valueOf(await addDemoAccount(page)); // something stored to damage
  valueOf(await page.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.settings.update({}))); // the settings file exists
  const userData = test.info().outputPath('user-data');
  const before = storeFiles(userData);

  const methods = [...TAKES_INPUT, ...READ_ONLY];
  const calls = fc.sample(fc.record({ method: fc.constantFrom(...methods), payload: payloadArbitrary() }), { numRuns: PAYLOADS, seed: 11_10 });
  const outcomes: Outcome[] = [];
  for (let start = 0; start < calls.length; start += BATCH) {
    outcomes.push(...(await callBatch(page, calls.slice(start, start + BATCH))));
  }

  expect(outcomes).toHaveLength(PAYLOADS);
  expect(outcomes.filter((outcome) => !outcome.typed)).toEqual([]);
  // Input the fuzz got accepted can only be harmless: a refresh, a history read, removing an account that does
  // not exist (main asks nothing), or an empty settings patch.
  const accepted = calls.filter((_call, index) => outcomes[index]?.ok === true && TAKES_INPUT.includes(_call.method));
  for (const { method, payload } of accepted) {
    if (method === 'settings.update') expect(payload).toEqual({});
    else expect(['accounts.remove', 'balances.refresh', 'history.get']).toContain(method);
  }
  expect(await opened()).toEqual([]);
  expect(valueOf(await appInfo(page)).name).toBe('Kraken Balances');
  expect(storeFiles(userData)).toEqual(before);
  const refused = outcomes.filter((outcome) => !outcome.ok).length;
  test.info().annotations.push({ type: 'fuzz', description: `${PAYLOADS} payloads, ${refused} refused with a typed error, ${PAYLOADS - refused} answered` });
});
