import {
  attachBalancesChannel,
  createStreamConnection,
  tokenSourceFor,
  type StreamConnection,
  type StreamConnectionOptions,
  type StreamStatus,
} from '../kraken/ws/index.ts';
import type { KrakenClient } from '../kraken/index.ts';

/** How a stream connects: where, through which sockets, on which clock, with which timings. */
export type StreamSetup = Pick<StreamConnectionOptions, 'url' | 'socketFactory' | 'clock' | 'random' | 'tuning'>;

export interface KeyStreamOptions extends StreamSetup {
  /** The client of an account with this key: its GetWebSocketsToken goes through the key's nonce lane and limiter. */
  readonly client: () => Promise<Pick<KrakenClient, 'webSocketsToken'>>;
  /** The key's balances changed on Kraken, or the stream may have missed a change: refresh them exactly. */
  readonly onChanged: () => void;
  readonly onStatus: (status: StreamStatus) => void;
}

/**
 * One API key's private stream: a fresh token per connection, the `balances` channel as a signal, and
 * every snapshot, update or sequence gap answered by an exact REST refresh of the key's accounts. A
 * resync after sleep is left to the scheduler, which refreshes every account on wake anyway. Not started.
 * The stream's balances say nothing of open orders (no hold_trade, no credit): a push is only the signal,
 * and the refresh it starts reads BalanceEx, so available and held always come from BalanceEx (one model,
 * keyed-portfolio.ts), and between pushes the last BalanceEx figures stay on screen.
 */
export function createKeyStream(options: KeyStreamOptions): StreamConnection {
  const connection = createStreamConnection({
    url: options.url,
    socketFactory: options.socketFactory,
    clock: options.clock,
    random: options.random,
    tuning: options.tuning,
    getToken: async () => tokenSourceFor(await options.client())(),
    onStatus: options.onStatus,
    onResync: (reason) => {
      if (reason === 'sequence-gap') options.onChanged();
    },
  });
  attachBalancesChannel(connection, { onChanged: () => options.onChanged() });
  return connection;
}
