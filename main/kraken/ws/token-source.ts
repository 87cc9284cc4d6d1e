import { KRAKEN_API_SETTINGS } from '../../../shared/kraken-places.ts';
import type { KrakenClient } from '../client.ts';
import { isKrakenError } from '../errors.ts';
import { StreamPermissionDenied } from './types.ts';

/** What the account shows when its key may not open private streams. The permission is optional. */
export const WEBSOCKET_PERMISSION_MESSAGE =
  'Live updates are off for this key: it lacks Kraken\'s optional "WebSocket interface" permission, so balances refresh on the regular interval. '
  + `To get live updates, edit the key on Kraken (${KRAKEN_API_SETTINGS}) and turn "WebSocket interface" on.`;

/**
 * getToken() for a private stream: a fresh GetWebSocketsToken per connection through the key's client
 * (its nonce lane and rate limiter, 1 counter point each). Kraken's 'EGeneral:Permission denied' here
 * means the key lacks "WebSocket interface", which the connection turns into polling with this reason.
 */
export function tokenSourceFor(client: Pick<KrakenClient, 'webSocketsToken'>): () => Promise<string> {
  return async () => {
    try {
      return (await client.webSocketsToken()).token;
    } catch (error) {
      if (isKrakenError(error) && error.code === 'permission-denied') throw new StreamPermissionDenied(WEBSOCKET_PERMISSION_MESSAGE);
      throw error;
    }
  };
}
