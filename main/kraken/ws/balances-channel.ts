import type { ChannelLink, StreamChannel, StreamConnection } from './types.ts';
import { field, type JsonRecord } from './protocol.ts';

// The private `balances` channel, used as a signal only: Kraken pushes a snapshot on subscribe and one
// update per ledger entry, with amounts as JSON numbers in v2 asset names (BTC) and earn wallets. The app
// shows Kraken's REST decimal strings, so a push only says "this key's balances changed" and the app
// answers it with an exact REST Balance refresh. No amount from the stream is ever passed on.

export interface BalancesSignal {
  /** 'snapshot' on every (re)subscription, 'update' per pushed ledger entry message. */
  readonly cause: 'snapshot' | 'update';
  /** The v2 asset names the message mentions (e.g. BTC, USD), for logs and diagnostics. */
  readonly assets: readonly string[];
  /** The message's sequence number. */
  readonly sequence: number;
}

export interface BalancesChannelOptions {
  /** This key's balances changed on Kraken: refresh them exactly (REST Balance), coalesced. */
  readonly onChanged: (signal: BalancesSignal) => void;
}

export interface BalancesChannel {
  /** Messages ignored because their sequence was not newer than the last one (replays). */
  duplicates(): number;
}

const ASSET_RE = /^[A-Za-z0-9][A-Za-z0-9.]{0,39}$/;

/** The asset names of a balances message, or null when an entry is unreadable. */
function assetsOf(data: readonly JsonRecord[]): string[] | null {
  const assets: string[] = [];
  for (const entry of data) {
    const asset = field(entry, 'asset');
    if (typeof asset !== 'string' || !ASSET_RE.test(asset)) return null;
    if (!assets.includes(asset)) assets.push(asset);
  }
  return assets;
}

/**
 * Subscribes `balances` on the connection (a private one: it needs the token) and turns pushes into
 * signals. Sequence numbers are checked per connection: a jump (a message was lost or unreadable) asks
 * the connection for a resync, which the app answers with the same exact REST refresh.
 */
export function attachBalancesChannel(connection: Pick<StreamConnection, 'attach'>, options: BalancesChannelOptions): BalancesChannel {
  let lastSequence: number | null = null;
  let duplicates = 0;
  const channel: StreamChannel = {
    name: 'balances',
    open(token) {
      lastSequence = null;
      link.request('subscribe', { channel: 'balances', token, snapshot: true });
    },
    onAck(ack) {
      if (ack.method !== 'subscribe') return;
      if (ack.success) link.ready();
      else link.fail('subscribe-failed');
    },
    onMessage(message) {
      const assets = assetsOf(message.data);
      const { sequence } = message;
      if ((message.type !== 'snapshot' && message.type !== 'update') || assets === null || sequence === null) {
        // Not advancing the sequence: if this was a real update, the next one shows the gap.
        link.malformed();
        return;
      }
      if (message.type === 'snapshot') {
        lastSequence = sequence;
        options.onChanged({ cause: 'snapshot', assets, sequence });
        return;
      }
      if (lastSequence !== null && sequence <= lastSequence) {
        duplicates += 1;
        return;
      }
      const gap = lastSequence === null || sequence > lastSequence + 1;
      lastSequence = sequence;
      if (gap) link.resync('sequence-gap');
      else options.onChanged({ cause: 'update', assets, sequence });
    },
    onClose() {
      lastSequence = null;
    },
  };
  const link: ChannelLink = connection.attach(channel);
  return { duplicates: () => duplicates };
}
