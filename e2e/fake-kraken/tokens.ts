import { randomBytes } from 'node:crypto';

/** Kraken: use a WebSocket token within 15 minutes; it stays valid while a private subscription holds it. */
export const TOKEN_LIFETIME_SECONDS = 900;

export interface TokenBook {
  /** GetWebSocketsToken's result for a key. */
  issue(apiKey: string): { token: string; expires: number };
  /** The key a token belongs to if it can be used now, else null. */
  check(token: string): string | null;
  /** A connection subscribed with the token (keeps it valid) or closed (releases it). */
  hold(token: string): void;
  release(token: string): void;
}

interface Issued {
  readonly apiKey: string;
  readonly issuedAt: number;
  holders: number;
}

export function createTokenBook(now: () => number): TokenBook {
  const tokens = new Map<string, Issued>();
  const usable = (entry: Issued): boolean => entry.holders > 0 || now() - entry.issuedAt < TOKEN_LIFETIME_SECONDS * 1000;
  return {
    issue(apiKey) {
      for (const [token, entry] of tokens) if (!usable(entry)) tokens.delete(token);
      // Kraken's tokens are 43 base64 characters without padding.
      const token = randomBytes(32).toString('base64').replace(/=+$/, '');
      tokens.set(token, { apiKey, issuedAt: now(), holders: 0 });
      return { token, expires: TOKEN_LIFETIME_SECONDS };
    },
    check(token) {
      const entry = tokens.get(token);
      return entry !== undefined && usable(entry) ? entry.apiKey : null;
    },
    hold(token) {
      const entry = tokens.get(token);
      if (entry !== undefined) entry.holders += 1;
    },
    release(token) {
      const entry = tokens.get(token);
      if (entry !== undefined) entry.holders = Math.max(0, entry.holders - 1);
    },
  };
}
