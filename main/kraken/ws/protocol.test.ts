import { describe, expect, it } from 'vitest';
import { parseAssetPairs } from '../market-data.ts';
import { assetPairEntry, DEFAULT_PAIRS } from '../../../e2e/fake-kraken/fixtures.ts';
import { MAX_FRAME_CHARS, readFrame } from './protocol.ts';
import { tickerSymbolsFor, v2SymbolFromWsname } from './symbols.ts';
import { streamUrlsFor } from './urls.ts';

describe('reading frames', () => {
  it('reads acks, pongs and refusals as Kraken writes them', () => {
    expect(readFrame('{"method":"subscribe","result":{"channel":"ticker","snapshot":true,"symbol":"ALGO/USD"},"success":true,"time_in":"2023-09-25T09:04:31.742599Z","time_out":"2023-09-25T09:04:31.742648Z","req_id":4}'))
      .toEqual({ kind: 'ack', method: 'subscribe', reqId: 4, success: true, error: null, channel: 'ticker', symbol: 'ALGO/USD' });
    expect(readFrame('{"method":"pong","req_id":101,"time_in":"a","time_out":"b"}')).toMatchObject({ kind: 'ack', method: 'pong', success: true, reqId: 101 });
    expect(readFrame('{"error":"ESession:Invalid session","method":"subscribe","req_id":42,"success":false,"time_in":"a","time_out":"b"}'))
      .toMatchObject({ success: false, error: 'ESession:Invalid session', reqId: 42, channel: null });
  });

  it('reads channel messages; a status frame with a 64-bit connection id is fine', () => {
    expect(readFrame('{"channel":"status","data":[{"api_version":"v2","connection_id":13834774380200032777,"system":"online","version":"2.0.0"}],"type":"update"}'))
      .toMatchObject({ kind: 'channel', channel: 'status', type: 'update', sequence: null, badSequence: false });
    expect(readFrame('{"channel":"heartbeat"}')).toEqual({ kind: 'channel', channel: 'heartbeat', type: null, data: [], sequence: null, badSequence: false });
    expect(readFrame('{"channel":"balances","type":"update","data":[],"sequence":2.5}')).toMatchObject({ sequence: null, badSequence: true });
  });

  it('refuses what is not a frame', () => {
    for (const text of ['', '{"channel":"heartbeat"', '[1]', '5', 'null', '{"x":1}', '{"channel":"a","data":{}}', '{"channel":"a","data":[1]}', `{"channel":"${'a'.repeat(MAX_FRAME_CHARS)}"}`]) {
      expect(readFrame(text)).toBeNull();
    }
  });

  it('a "__proto__" key stays data', () => {
    const frame = readFrame('{"channel":"ticker","type":"update","data":[{"__proto__":{"symbol":"BTC/USD"}}]}');
    expect(frame).toMatchObject({ kind: 'channel' });
    expect(({} as Record<string, unknown>)['symbol']).toBeUndefined();
  });
});

describe('v2 symbols', () => {
  it('renames Kraken\'s legacy codes on both legs: XBT → BTC, XDG → DOGE', () => {
    expect(['XBT/USD', 'ETH/XBT', 'XDG/USD', 'XDG/XBT', 'ETH2.S/ETH', 'USDT/USD', 'XBTC/USD'].map(v2SymbolFromWsname))
      .toEqual(['BTC/USD', 'ETH/BTC', 'DOGE/USD', 'DOGE/BTC', 'ETH2.S/ETH', 'USDT/USD', 'XBTC/USD']);
    expect(['XBTUSD', 'A/B/C', '/USD', 'BTC/ US'].map(v2SymbolFromWsname)).toEqual([null, null, null, null]);
  });

  it('maps the pairs the valuation uses (REST keys) to subscribable symbols and back', () => {
    const pairs = parseAssetPairs({
      ...Object.fromEntries(DEFAULT_PAIRS.map((p) => [p.key, assetPairEntry(p)])),
      NOWSNAME: { altname: 'NOWS', base: 'XXBT', quote: 'ZUSD' },
    });
    const map = tickerSymbolsFor(pairs, ['XXBTZUSD', 'XDGUSD', 'XETHXXBT', 'XXBTZUSD', 'NOWSNAME', 'MISSING']);
    expect(map.symbols).toEqual(['BTC/USD', 'DOGE/USD', 'ETH/BTC']);
    expect([map.pairFor('DOGE/USD'), map.symbolFor('XETHXXBT'), map.pairFor('XBT/USD')]).toEqual(['XDGUSD', 'ETH/BTC', undefined]);
    expect(map.unmapped).toEqual(['NOWSNAME', 'MISSING']);
  });
});

describe('stream URLs', () => {
  it('Kraken\'s endpoints for Kraken\'s REST base; the fake\'s layout for a local one', () => {
    expect(streamUrlsFor('https://api.kraken.com/')).toEqual({ public: 'wss://ws.kraken.com/v2', private: 'wss://ws-auth.kraken.com/v2' });
    expect(streamUrlsFor('http://127.0.0.1:4321')).toEqual({ public: 'ws://127.0.0.1:4321/ws/v2', private: 'ws://127.0.0.1:4321/ws-auth/v2' });
  });
});
