import { describe, expect, it } from 'vitest';
import { createStubConnection } from './testing/stub-link.ts';
import { attachTickerChannel, type TickerPrice } from './ticker-channel.ts';

function setup(symbols: readonly string[] = ['BTC/USD', 'ETH/USD']) {
  const stub = createStubConnection();
  const prices: TickerPrice[] = [];
  const rejected: string[] = [];
  const channel = attachTickerChannel(stub, { symbols, onPrices: (p) => prices.push(...p), onSymbolRejected: (s, e) => rejected.push(`${s}: ${e}`) });
  stub.channel().open(null);
  return { stub, prices, rejected, channel };
}

const ack = (symbol: string, success = true, reqId = 1): string =>
  success
    ? `{"method":"subscribe","result":{"channel":"ticker","snapshot":true,"symbol":"${symbol}"},"success":true,"time_in":"a","time_out":"b","req_id":${reqId}}`
    : `{"error":"Currency pair not supported","method":"subscribe","success":false,"symbol":"${symbol}","time_in":"a","time_out":"b","req_id":${reqId}}`;

const tick = (type: string, symbol: string, last: string, extra = ''): string =>
  `{"channel":"ticker","type":"${type}","data":[{"symbol":"${symbol}","bid":${last},"bid_qty":740.0,"ask":${last},"ask_qty":1361.44813783,"last":${last},`
  + `"volume":997038.98383185,"vwap":0.10148,"low":0.09979,"high":0.10285,"change":-0.00017,"change_pct":-0.17,"timestamp":"2023-09-25T09:04:31.742648Z"${extra}}]}`;

describe('ticker channel', () => {
  it('subscribes every symbol in one request and settles when each has its ack', () => {
    const { stub } = setup();
    expect(stub.requests).toEqual([{ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD', 'ETH/USD'], snapshot: true }, reqId: 1 }]);
    stub.deliver(ack('BTC/USD'));
    expect(stub.readyCount).toBe(0);
    stub.deliver(ack('ETH/USD'));
    expect(stub.readyCount).toBe(1);
  });

  it('prices are the exact digits Kraken wrote: 0.1, 0.0000001, 1e-7, trailing zeros, huge values', () => {
    const { stub, prices } = setup(['BTC/USD']);
    for (const [written, expected] of [
      ['97250.10000', '97250.10000'], ['0.1', '0.1'], ['0.0000001', '0.0000001'], ['1e-7', '0.0000001'],
      ['12345678901234567890.123456789', '12345678901234567890.123456789'], ['0.30000000000000004', '0.30000000000000004'],
    ]) {
      stub.deliver(tick('update', 'BTC/USD', written ?? ''));
      expect([written, prices.at(-1)?.last, prices.at(-1)?.bid]).toEqual([written, expected, expected]);
    }
    expect(prices.at(-1)).toEqual({
      symbol: 'BTC/USD', last: '0.30000000000000004', bid: '0.30000000000000004', ask: '0.30000000000000004', change: '-0.00017', changePct: '-0.17',
      high: '0.10285', low: '0.09979', volume: '997038.98383185', vwap: '0.10148', timestamp: '2023-09-25T09:04:31.742648Z',
    });
  });

  it('a refused symbol is reported and not asked for again on the next connection; it still settles', () => {
    const { stub, rejected } = setup(['BTC/USD', 'NOPE/USD']);
    stub.deliver(ack('BTC/USD'));
    stub.deliver(ack('NOPE/USD', false));
    expect(rejected).toEqual(['NOPE/USD: Currency pair not supported']);
    expect(stub.readyCount).toBe(1);
    stub.channel().onClose();
    stub.channel().open(null);
    expect(stub.requests.at(-1)?.params).toEqual({ channel: 'ticker', symbol: ['BTC/USD'], snapshot: true });
  });

  it('a refusal of the whole request fails the connection', () => {
    const { stub } = setup();
    stub.deliver('{"error":"EGeneral:Invalid arguments","method":"subscribe","success":false,"req_id":1}');
    expect(stub.failures).toEqual(['subscribe-failed']);
  });

  it('ignores symbols it did not ask for, counts unreadable entries, passes absent fields as null', () => {
    const { stub, prices } = setup(['BTC/USD']);
    stub.deliver(tick('update', 'ETH/USD', '1'));
    stub.deliver(tick('update', 'BTC/USD', '"abc"'));
    stub.deliver('{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":1.5}]}');
    stub.deliver('{"channel":"ticker","type":"other","data":[]}');
    expect(stub.malformedCount).toBe(2);
    expect(prices).toEqual([{ symbol: 'BTC/USD', bid: '1.5', last: null, ask: null, change: null, changePct: null, high: null, low: null, volume: null, vwap: null, timestamp: null }]);
  });

  it('changing the symbol set on an open connection (un)subscribes only the difference', () => {
    const { stub, channel } = setup(['BTC/USD', 'ETH/USD']);
    channel.setSymbols(['ETH/USD', 'DOGE/USD']);
    expect(stub.requests.slice(1).map((r) => [r.method, r.params['symbol']])).toEqual([['unsubscribe', ['BTC/USD']], ['subscribe', ['DOGE/USD']]]);
    expect(channel.symbols()).toEqual(['ETH/USD', 'DOGE/USD']);
    stub.connected = false;
    channel.setSymbols(['ETH/USD']);
    expect(stub.requests).toHaveLength(3);
    stub.connected = true;
    stub.channel().onClose();
    stub.channel().open(null);
    expect(stub.requests.at(-1)?.params['symbol']).toEqual(['ETH/USD']);
  });
});
