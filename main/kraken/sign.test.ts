import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KrakenError } from './errors.ts';
import { decodeApiSecret, privateJsonBody, signRequest } from './sign.ts';

// Kraken's published vector (REST authentication guide), form-encoded body.
const VECTOR = {
  secret: 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
  nonce: '1616492376594',
  body: 'nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25',
  path: '/0/private/AddOrder',
  sign: '4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==',
};

/** HMAC-SHA512 built by hand from RFC 2104 and plain SHA hashes, independent of createHmac. */
function referenceSign(path: string, nonce: string, body: string, secretBase64: string): string {
  const blockSize = 128;
  let key = Buffer.from(secretBase64, 'base64');
  if (key.length > blockSize) key = createHash('sha512').update(key).digest();
  const padded = Buffer.alloc(blockSize);
  key.copy(padded);
  const ipad = Buffer.from(padded.map((b) => b ^ 0x36));
  const opad = Buffer.from(padded.map((b) => b ^ 0x5c));
  const message = Buffer.concat([Buffer.from(path, 'utf8'), createHash('sha256').update(nonce + body, 'utf8').digest()]);
  const inner = createHash('sha512').update(ipad).update(message).digest();
  return createHash('sha512').update(opad).update(inner).digest('base64');
}

describe('signRequest', () => {
  it('matches Kraken\'s published test vector (body taken as-is)', () => {
    expect(signRequest(VECTOR.path, VECTOR.nonce, VECTOR.body, decodeApiSecret(VECTOR.secret))).toBe(VECTOR.sign);
  });

  it('the in-test reference agrees with the vector too', () => {
    expect(referenceSign(VECTOR.path, VECTOR.nonce, VECTOR.body, VECTOR.secret)).toBe(VECTOR.sign);
  });

  it('agrees with an independent HMAC for arbitrary paths, nonces, bodies and secrets', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('/0/private/Balance', '/0/private/BalanceEx', '/0/private/AddOrder'),
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        (path, nonce, body, secretBytes) => {
          const secret = Buffer.from(secretBytes).toString('base64');
          const n = nonce.toString();
          expect(signRequest(path, n, body, decodeApiSecret(secret))).toBe(referenceSign(path, n, body, secret));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('signs the exact JSON bytes: any whitespace change gives another signature', () => {
    const secret = decodeApiSecret(VECTOR.secret);
    const a = signRequest('/0/private/Balance', '1', '{"nonce":1}', secret);
    const b = signRequest('/0/private/Balance', '1', '{"nonce": 1}', secret);
    expect(a).not.toBe(b);
  });
});

describe('privateJsonBody', () => {
  it('writes the nonce as an unquoted integer, then the parameters in order', () => {
    expect(privateJsonBody('1616492376594', { rebase_multiplier: 'rebased', otp: '123456' }))
      .toBe('{"nonce":1616492376594,"rebase_multiplier":"rebased","otp":"123456"}');
  });

  it('keeps a full 64-bit nonce exact (JSON.stringify of a number could not)', () => {
    const body = privateJsonBody('18446744073709551615', {});
    expect(body).toBe('{"nonce":18446744073709551615}');
    expect(/"nonce":(\d+)/.exec(body)?.[1]).toBe('18446744073709551615');
  });

  it('escapes parameter values as JSON strings', () => {
    expect(privateJsonBody('5', { a: 'x"}' })).toBe('{"nonce":5,"a":"x\\"}"}');
    expect(JSON.parse(privateJsonBody('5', { a: 'x"}' }))).toEqual({ nonce: 5, a: 'x"}' });
  });

  it('refuses a nonce that is not a decimal integer', () => {
    expect(() => privateJsonBody('1e5', {})).toThrow(RangeError);
    expect(() => privateJsonBody('-1', {})).toThrow(RangeError);
  });
});

describe('decodeApiSecret', () => {
  it('rejects anything that is not strict base64 with a typed error that does not echo it', () => {
    for (const bad of ['', 'not base64!', 'abc', 'YWJj\u0000', 'a===']) {
      try {
        decodeApiSecret(bad);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(KrakenError);
        expect((error as KrakenError).code).toBe('invalid-secret');
        if (bad.length > 3) expect((error as KrakenError).message).not.toContain(bad);
      }
    }
  });

  it('tolerates surrounding whitespace from copy and paste', () => {
    expect(decodeApiSecret(`  ${VECTOR.secret}\n`).symmetricKeySize).toBe(64);
  });
});
