import type { CheckedKey } from '../vault.ts';

/** A key check that leaves no client behind (vault tests that do not build Kraken clients). */
export const NO_CLIENT: CheckedKey = { keep: () => undefined, discard: () => undefined };
