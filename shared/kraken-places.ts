// Where things are on Kraken, written once so every text (onboarding, key errors, hints) names the same
// path and the same page.

/** The path to the API key settings on kraken.com, as every text in the app names it. */
export const KRAKEN_API_SETTINGS = 'Settings → Connections & API';

/** Kraken's public status page (outages, maintenance); main opens it as the 'kraken-status' help topic. */
export const KRAKEN_STATUS_PAGE = 'https://status.kraken.com/';
