/** Development only: the base URL of a local update feed (a folder served with latest*.yml and the files). */
export const UPDATE_FEED_ENV = 'KRAKEN_BALANCES_UPDATE_FEED';

/**
 * Where this build looks for new versions: 'release' (the GitHub Releases feed electron-builder wrote into
 * app-update.yml), a development feed, or nowhere.
 */
export type UpdateFeed =
  | { readonly kind: 'off'; readonly reason: string }
  | { readonly kind: 'release' }
  | { readonly kind: 'dev-feed'; readonly url: string; readonly firstCheckDelayMs?: number };

/** Development only, with a development feed: seconds from start to the first check (1–29; anything else keeps 30). */
export const UPDATE_FIRST_CHECK_ENV = 'KRAKEN_BALANCES_UPDATE_FIRST_CHECK_S';

/**
 * The one decision whether the app updates itself. An installed build always uses its release feed and
 * ignores the environment, so nothing outside the app can point it at other files. A development build or
 * `npm run preview` never updates itself, unless KRAKEN_BALANCES_UPDATE_FEED names a feed to test against
 * (the e2e specs serve one on 127.0.0.1).
 */
export function updateFeed(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): UpdateFeed {
  if (isPackaged) return { kind: 'release' };
  const override = env[UPDATE_FEED_ENV]?.trim();
  if (override === undefined || override === '') return { kind: 'off', reason: 'development build' };
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    return { kind: 'off', reason: `${UPDATE_FEED_ENV} is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'off', reason: `${UPDATE_FEED_ENV} is not an http(s) URL` };
  // The e2e specs wait for the first check; a shorter wait keeps the suite quick. Only ever shorter.
  const seconds = Number(env[UPDATE_FIRST_CHECK_ENV]);
  if (Number.isInteger(seconds) && seconds >= 1 && seconds < 30) return { kind: 'dev-feed', url: url.href, firstCheckDelayMs: seconds * 1000 };
  return { kind: 'dev-feed', url: url.href };
}
