import { describe, expect, it } from 'vitest';
import { attachBalancesChannel, type BalancesSignal } from './balances-channel.ts';
import { createStubConnection } from './testing/stub-link.ts';

function setup() {
  const stub = createStubConnection();
  const signals: BalancesSignal[] = [];
  const channel = attachBalancesChannel(stub, { onChanged: (s) => signals.push(s) });
  stub.channel().open('tok');
  return { stub, signals, channel };
}

// Kraken's documented examples (docs.kraken.com, WebSocket v2 "balances"), amounts as JSON numbers.
const SNAPSHOT = '{"channel":"balances","type":"snapshot","data":[{"asset":"BTC","asset_class":"currency","balance":1.2,"wallets":[{"type":"spot","id":"main","balance":1.2}]},'
  + '{"asset":"MATIC","asset_class":"currency","balance":500,"wallets":[{"type":"spot","id":"main","balance":300},{"type":"earn","id":"flex","balance":200}]}],"sequence":1}';
const update = (sequence: number, asset = 'BTC'): string =>
  `{"channel":"balances","type":"update","data":[{"ledger_id":"ADKKFF-WEA5A-CNUBHG","ref_id":"AGBWUJRU-LAREZ-W3UFAN","timestamp":"2023-09-22T10:23:42.925034Z",`
  + `"type":"deposit","asset":"${asset}","asset_class":"currency","category":"deposit","wallet_type":"spot","wallet_id":"main","amount":0.01,"fee":0.0,"balance":0.02}],"sequence":${sequence}}`;

describe('balances channel', () => {
  it('subscribes with the connection\'s token and a snapshot; the ack settles it, a refusal fails the connection', () => {
    const { stub } = setup();
    expect(stub.requests).toEqual([{ method: 'subscribe', params: { channel: 'balances', token: 'tok', snapshot: true }, reqId: 1 }]);
    stub.deliver('{"method":"subscribe","result":{"channel":"balances","snapshot":true},"success":true,"time_in":"a","time_out":"b","req_id":1}');
    expect(stub.readyCount).toBe(1);
    stub.deliver('{"method":"subscribe","error":"EGeneral:Internal error","success":false,"req_id":1}');
    expect(stub.failures).toEqual(['subscribe-failed']);
  });

  it('turns the snapshot and each update into a "balances changed" signal that carries no amounts', () => {
    const { stub, signals } = setup();
    stub.deliver(SNAPSHOT);
    stub.deliver(update(2));
    stub.deliver(update(3, 'USD'));
    expect(signals).toEqual([
      { cause: 'snapshot', assets: ['BTC', 'MATIC'], sequence: 1 },
      { cause: 'update', assets: ['BTC'], sequence: 2 },
      { cause: 'update', assets: ['USD'], sequence: 3 },
    ]);
    expect(JSON.stringify(signals)).not.toMatch(/0\.0[12]|1\.2|500/);
  });

  it('a jump in sequence asks for a resync instead; replays are ignored and counted', () => {
    const { stub, signals, channel } = setup();
    stub.deliver(SNAPSHOT);
    stub.deliver(update(2));
    stub.deliver(update(5));
    expect(stub.resyncs).toEqual(['sequence-gap']);
    stub.deliver(update(5));
    stub.deliver(update(4));
    expect(channel.duplicates()).toBe(2);
    stub.deliver(update(6));
    expect(signals.map((s) => s.sequence)).toEqual([1, 2, 6]);
  });

  it('an unreadable balances message is counted and skipped; the next update then shows the gap', () => {
    const { stub, signals } = setup();
    stub.deliver(SNAPSHOT);
    stub.deliver('{"channel":"balances","type":"update","data":[{"asset":7}],"sequence":2}');
    stub.deliver('{"channel":"balances","type":"update","data":[{"asset":"BTC"}]}');
    stub.deliver('{"channel":"balances","type":"update","data":[{"asset":"BTC"}],"sequence":"2"}');
    stub.deliver('{"channel":"balances","type":"weird","data":[],"sequence":2}');
    expect(stub.malformedCount).toBe(4);
    stub.deliver(update(3));
    expect(stub.resyncs).toEqual(['sequence-gap']);
    expect(signals).toHaveLength(1);
  });

  it('sequence numbers are per connection: after a reconnect the new snapshot starts again', () => {
    const { stub, signals } = setup();
    stub.deliver(SNAPSHOT);
    stub.deliver(update(2));
    stub.channel().onClose();
    stub.channel().open('tok-2');
    expect(stub.requests.at(-1)?.params).toMatchObject({ token: 'tok-2' });
    stub.deliver(SNAPSHOT);
    stub.deliver(update(2));
    expect(signals.map((s) => `${s.cause}:${s.sequence}`)).toEqual(['snapshot:1', 'update:2', 'snapshot:1', 'update:2']);
    expect(stub.resyncs).toEqual([]);
  });

  it('an update before any snapshot counts as a gap (something came before it that we did not see)', () => {
    const { stub, signals } = setup();
    stub.deliver(update(7));
    expect(stub.resyncs).toEqual(['sequence-gap']);
    expect(signals).toEqual([]);
  });
});
