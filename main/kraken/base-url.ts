export const DEFAULT_BASE_URL = 'https://api.kraken.com';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves this computer. */
function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Where Kraken calls go. Signed requests carry the API key, a signature and the 2FA password, so an
 * environment variable must never be able to redirect them in an installed app: a packaged build always
 * talks to api.kraken.com. Development and test builds (the e2e suite points them at the fake Kraken)
 * honour KRAKEN_API_URL, but only over https or to this computer over plain http; anything else is
 * refused with one line that says why (start-up stops rather than fall back to the real Kraken).
 */
export function resolveBaseUrl(env: Readonly<Record<string, string | undefined>>, packaged: boolean): string {
  const override = env['KRAKEN_API_URL']?.trim();
  if (packaged || override === undefined || override === '') return DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new Error('KRAKEN_API_URL is not a URL; unset it to use https://api.kraken.com.');
  }
  const secure = url.protocol === 'https:';
  if (!secure && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new Error(`KRAKEN_API_URL refused: ${url.protocol}//${url.host} is neither https nor on this computer (127.0.0.1, ::1, localhost).`);
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new Error('KRAKEN_API_URL refused: it may hold a scheme, host, port and path only.');
  }
  return url.href.replace(/\/+$/, '');
}

/** The server as the About section shows it: its origin, e.g. "https://api.kraken.com". */
export function describeServer(baseUrl: string): string {
  return new URL(baseUrl).origin;
}
