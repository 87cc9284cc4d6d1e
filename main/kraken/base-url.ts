export const DEFAULT_BASE_URL = 'https://api.kraken.com';

/** KRAKEN_API_URL (set by e2e tests to point at the fake server) wins when set and non-empty. */
export function resolveBaseUrl(env: Readonly<Record<string, string | undefined>>): string {
  const override = env['KRAKEN_API_URL']?.trim();
  return override === undefined || override === '' ? DEFAULT_BASE_URL : override;
}
