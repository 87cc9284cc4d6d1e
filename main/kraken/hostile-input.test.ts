import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAssets } from './assets.ts';
import { parseBalanceEx, parseBalances } from './balance-parse.ts';
import { unwrapEnvelope } from './envelope.ts';
import { KrakenError } from './errors.ts';
import { parseAssetPairs, parseTicker } from './market-data.ts';

// The spec, restated independently of the implementation: what a readable Balance response is.
const SPEC_CODE = /^[A-Za-z0-9][A-Za-z0-9.]{0,39}$/;
const SPEC_AMOUNT = /^-?(0|[1-9][0-9]{0,39})(\.[0-9]{1,40})?$/;

type Expected = { readonly ok: true; readonly entries: ReadonlyArray<readonly [string, string]> } | { readonly ok: false };

function expectedOutcome(status: number, text: string): Expected {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(envelope)) return { ok: false };
  const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
  const errors = has(envelope, 'error') ? envelope['error'] : undefined;
  if (!Array.isArray(errors) || errors.some((e) => typeof e !== 'string' || e.startsWith('E'))) return { ok: false };
  if (status < 200 || status > 299 || !has(envelope, 'result')) return { ok: false };
  const result = envelope['result'];
  if (!isObject(result)) return { ok: false };
  const entries: Array<readonly [string, string]> = [];
  for (const key of Object.keys(result)) {
    const amount = result[key];
    if (!SPEC_CODE.test(key) || typeof amount !== 'string' || !SPEC_AMOUNT.test(amount)) return { ok: false };
    entries.push([key, amount]);
  }
  return { ok: true, entries };
}

const q = (s: string): string => JSON.stringify(s);

const validAmount = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat({ max: 12 })).map(([units, decimals]) => {
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return q((units < 0n ? '-' : '') + body);
});

/** Raw JSON text for one amount: mostly valid, plus every shape Kraken must never be trusted to avoid. */
const amountText = fc.oneof(
  { weight: 30, arbitrary: validAmount },
  fc.double().map((d) => JSON.stringify(d) ?? 'null'),
  fc.integer().map(String),
  fc.constantFrom('1e5', '1E+400', '-0', '123456789012345678901234567890', '0.1e-7'),
  fc.constantFrom('"1e5"', '"1.5E-7"', '"-1e-9"', '"Infinity"', '"NaN"', '"0x10"', '"+1"', '" 1.0"', '"1.0 "', '"01.5"', '"1."', '".5"', '"1,5"', '""', '"-"', '"--1"'),
  fc.nat({ max: 120 }).map((n) => q('9'.repeat(n + 30))),
  fc.nat({ max: 120 }).map((n) => q('-1.' + '5'.repeat(n + 30))),
  fc.constantFrom('null', 'true', 'false', '[]', '{}', '["1.0"]', '{"balance":"1"}'),
  fc.json({ maxDepth: 2 }),
);

const assetKey = fc.oneof(
  { weight: 30, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9]{0,7}(\.[SMBFTP])?$/) },
  fc.constantFrom('ZUSD', 'XXBT', 'ETH2.S', 'USD.M', 'GRT28.S', 'AAPLx'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'),
  fc.constantFrom('', ' ', 'a b', 'X'.repeat(41), '..', '.S', 'ÄÖ', '\u0000', '<script>', 'ZUSD\n'),
  fc.string({ maxLength: 10 }),
);

const objectText = (entries: ReadonlyArray<readonly [string, string]>): string =>
  '{' + entries.map(([k, v]) => `${q(k)}:${v}`).join(',') + '}';

const resultText = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.tuple(assetKey, amountText), { maxLength: 8 }).map(objectText) },
  fc.constantFrom('null', '[]', '"ZUSD"', '5', 'true', '[{"ZUSD":"1"}]'),
  fc.json({ maxDepth: 3 }),
);

const errorText = fc.oneof(
  { weight: 8, arbitrary: fc.constant('[]') },
  fc.constantFrom('["WGeneral:Deprecated"]', '["EAPI:Invalid key"]', '["EService:Busy","WX"]', '"EAPI:Invalid key"', '[1]', 'null', '{}', '[null]'),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }).map((a) => JSON.stringify(a)),
);

const envelopeText = fc.record({
  error: fc.option(errorText, { freq: 8, nil: undefined }),
  result: fc.option(resultText, { freq: 8, nil: undefined }),
  extras: fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')), fc.json({ maxDepth: 1 })), { maxLength: 2 }),
  resultFirst: fc.boolean(),
}).map(({ error, result, extras, resultFirst }) => {
  const parts: Array<readonly [string, string]> = [];
  if (error !== undefined) parts.push(['error', error]);
  if (result !== undefined) parts.push(['result', result]);
  if (resultFirst) parts.reverse();
  return objectText([...parts, ...extras.filter(([k]) => k !== 'error' && k !== 'result')]);
});

const responseText = fc.oneof(
  { weight: 10, arbitrary: envelopeText },
  envelopeText.chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))),
  fc.constantFrom('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', '', ' ', '\u0000', '{"error":[],"result":{"ZUSD":"1'),
  fc.string({ maxLength: 40 }),
  fc.json({ maxDepth: 3 }),
);

const status = fc.oneof({ weight: 10, arbitrary: fc.constant(200) }, fc.constantFrom(201, 204, 400, 403, 404, 429, 500, 502, 503, 504, 520));

describe('hostile Balance responses', () => {
  it('10,000 generated responses: each parses exactly or is rejected with a KrakenError', () => {
    let parsed = 0;
    let rejected = 0;
    fc.assert(
      fc.property(status, responseText, (httpStatus, text) => {
        const expected = expectedOutcome(httpStatus, text);
        let outcome: Readonly<Record<string, string>> | KrakenError;
        try {
          outcome = parseBalances(unwrapEnvelope({ status: httpStatus, text }, 0));
        } catch (error) {
          if (!(error instanceof KrakenError)) throw error;
          outcome = error;
        }
        if (outcome instanceof KrakenError) {
          rejected += 1;
          expect(expected.ok).toBe(false);
          expect(outcome.message.length).toBeGreaterThan(0);
          expect(outcome.hint.length).toBeGreaterThan(0);
          return;
        }
        parsed += 1;
        expect(expected.ok).toBe(true);
        expect(Object.getPrototypeOf(outcome)).toBeNull();
        expect(Object.entries(outcome)).toEqual(expected.ok ? expected.entries : []);
        for (const value of Object.values(outcome)) expect(typeof value).toBe('string');
      }),
      { numRuns: 10_000, seed: 20_261_124 },
    );
    // Both branches must be exercised for the test to mean anything.
    expect(parsed).toBeGreaterThan(1_000);
    expect(rejected).toBeGreaterThan(1_000);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('other parsers never throw anything but KrakenError on arbitrary JSON', () => {
    const parsers = [parseBalanceEx, parseAssets, parseAssetPairs, parseTicker];
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), resultText.map((t) => JSON.parse(t) as unknown)), (value) => {
        for (const parse of parsers) {
          try {
            parse(value);
          } catch (error) {
            expect(error).toBeInstanceOf(KrakenError);
          }
        }
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });
});
