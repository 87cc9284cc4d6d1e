// Times, per call, against the same fake Kraken (its own process, loopback only), like for like:
//  - a balance call: our client's Balance (and BalanceEx) vs ccxt's kraken fetchBalance (BalanceEx):
//    sign + HTTP + parse + normalise, no prices;
//  - a refresh with fresh prices, as the app makes one every interval (≥ 30 s apart, so the client's 10 s
//    price cache never hits): Balance + Ticker for the pairs that value it + exact valuation (the asset and
//    pair lists are cached an hour, as in the app) vs ccxt's fetchBalance + fetchTickers and a float sum;
//  - valuation alone, at the size of Kraken's real asset and pair lists (the fake lists only 23 pairs).
// Our client sends through Node's node:http; ccxt through undici (Node's fetch). Two floors show what the
// kernel and event loop (raw socket) and Node's HTTP client alone cost per exchange.
// Run: node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON bench/balance-refresh.ts [--calls N] [--warmup N]
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ccxt from 'ccxt';
import { DEFAULT_BALANCES, FAKE_API_KEY, FAKE_API_SECRET, FAKE_SECOND_API_KEY, FAKE_SECOND_API_SECRET } from '../e2e/fake-kraken/fixtures.ts';
import { fetchPortfolio } from '../main/balances/keyed-portfolio.ts';
import { parseAssets } from '../main/kraken/assets.ts';
import { createKrakenClient, planValuation } from '../main/kraken/index.ts';
import { parseAssetPairs, parseTicker } from '../main/kraken/market-data.ts';
import { startFakeProcess } from './fake-process.ts';
import { krakenSizedMarket } from './market-tables.ts';
import { guardLoopbackOnly } from './network-guard.ts';
import { openNodeHttpRoundTrip } from './node-http-round-trip.ts';
import { openRawRoundTrip } from './raw-round-trip.ts';
import { numberArg } from './args.ts';

const CALLS = numberArg('--calls', 1500);
const WARMUP = numberArg('--warmup', 200);
const ROUNDS = 3;
/** The goal: our calls cost at most a third of ccxt's CPU for the same work. */
const TARGET_CPU_RATIO = 1 / 3;

interface Measurement {
  cpuMicros: number;
  wallMs: number;
  calls: number;
}

// A full GC before each measured phase, so one variant's garbage is not collected on another's clock.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function measure(refresh: () => unknown, calls: number): Promise<Measurement> {
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) await refresh();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { cpuMicros: used.user + used.system, wallMs, calls };
}

function add(a: Measurement, b: Measurement): Measurement {
  return { cpuMicros: a.cpuMicros + b.cpuMicros, wallMs: a.wallMs + b.wallMs, calls: a.calls + b.calls };
}

const perCall = (m: Measurement) => ({ cpuUs: m.cpuMicros / m.calls, wallUs: (m.wallMs * 1000) / m.calls });

/** Valuing the example balances against Kraken-sized lists, with new prices each time (no network). */
function valuationAtKrakenSize(): { run: () => unknown; assets: number; pairs: number } {
  const sized = krakenSizedMarket();
  const assets = parseAssets(sized.assets);
  const pairs = parseAssetPairs(sized.pairs);
  let tick = 0;
  return {
    assets: assets.size,
    pairs: pairs.size,
    run: () => {
      const plan = planValuation(DEFAULT_BALANCES, assets, pairs, 'USD');
      tick += 1;
      return plan.value(parseTicker(Object.fromEntries(plan.pairs.map((pair, i) => [pair, { c: [`${i + 1}.${tick % 1000}`, '1'] }]))));
    },
  };
}

const guard = guardLoopbackOnly();
const fake = await startFakeProcess(['--no-rate-limit']);
try {
  // Both sides skip their own rate-limit waiting: the fake does not limit, and waits are not CPU.
  // tickerTtlMs 0: every refresh fetches prices, as every scheduled refresh of the app does.
  const ours = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: fake.url, enforceRateLimit: false, tickerTtlMs: 0 });
  const exchange = new ccxt.kraken({ apiKey: FAKE_SECOND_API_KEY, secret: FAKE_SECOND_API_SECRET, enableRateLimit: false });
  exchange.urls['api'] = { public: fake.url, private: fake.url, zendesk: fake.url };
  // ccxt's nonce is Date.now(); several calls in one millisecond would be rejected as Kraken would.
  let ccxtNonce = Date.now();
  exchange.nonce = () => (ccxtNonce = Math.max(Date.now(), ccxtNonce + 1));

  // ccxt's refresh with prices: the same pairs ours asks Ticker for, by ccxt symbol, valued in floats.
  await exchange.loadMarkets();
  const ourPairs = planValuation(await ours.balance(), await ours.assets(), await ours.assetPairs(), 'USD').pairs;
  const symbols = Object.values(exchange.markets ?? {}).filter((market) => market !== undefined && ourPairs.includes(market.id ?? '')).map((market) => market?.symbol ?? '');
  const ccxtRefresh = async (): Promise<number> => {
    const [balance, tickers] = await Promise.all([exchange.fetchBalance(), exchange.fetchTickers(symbols)]);
    const totals = balance.total as unknown as Record<string, number>;
    let sum = 0;
    for (const [currency, amount] of Object.entries(totals)) sum += currency === 'USD' ? amount : amount * (tickers[`${currency}/USD`]?.last ?? 0);
    return sum;
  };

  const raw = await openRawRoundTrip(fake.url);
  const nodeHttp = openNodeHttpRoundTrip(fake.url);
  const valuation = valuationAtKrakenSize();
  const variants = {
    oursBalance: () => ours.balance(),
    oursBalanceEx: () => ours.balanceEx(),
    ccxtBalance: () => exchange.fetchBalance(),
    oursRefresh: () => fetchPortfolio(ours, { quote: 'USD', rebaseMultiplier: 'rebased' }),
    ccxtRefresh,
    valuation: valuation.run,
    floor: () => raw.roundTrip(),
    nodeHttpFloor: () => nodeHttp.roundTrip(),
  };
  type Name = keyof typeof variants;

  // Warm-up loads markets/asset lists once per client and lets the JIT settle.
  for (const refresh of Object.values(variants)) await measure(refresh, WARMUP);
  const { portfolio: sanity } = await fetchPortfolio(ours, { quote: 'USD', rebaseMultiplier: 'rebased' });
  if (sanity.rows.length !== 10 || sanity.unpriced.length !== 0) throw new Error('bench: our portfolio is wrong');
  if (!(await ccxtRefresh() > 0) || symbols.length !== ourPairs.length) throw new Error('bench: ccxt refresh is wrong');

  const totals = new Map<Name, Measurement>();
  // Interleaved rounds so GC and CPU frequency drift hit every variant alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const name of Object.keys(variants) as Name[]) {
      const m = await measure(variants[name], Math.ceil(CALLS / ROUNDS));
      totals.set(name, add(totals.get(name) ?? { cpuMicros: 0, wallMs: 0, calls: 0 }, m));
    }
  }
  raw.close();
  nodeHttp.close();
  ours.close();
  report(totals, { valuationAssets: valuation.assets, valuationPairs: valuation.pairs, tickerPairs: ourPairs.length });
  console.info(`network: ${guard.connections.length} TCP connections, ${guard.outside.length} outside loopback`);
  if (guard.outside.length > 0) process.exitCode = 1;
} finally {
  await fake.stop();
}

function report(totals: ReadonlyMap<string, Measurement>, sizes: { valuationAssets: number; valuationPairs: number; tickerPairs: number }): void {
  const cpuOf = (name: string): number => perCall(totals.get(name) as Measurement).cpuUs;
  const wallOf = (name: string): number => perCall(totals.get(name) as Measurement).wallUs;
  const row = (label: string, name: string): void =>
    console.info(`${label.padEnd(58)} ${String(totals.get(name)?.calls ?? 0).padStart(5)} ${cpuOf(name).toFixed(0).padStart(10)} ${wallOf(name).toFixed(0).padStart(10)}`);
  const compare = (what: string, ours: string, theirs: string): void => {
    const ratio = cpuOf(ours) / cpuOf(theirs);
    console.info(`${what}: ours/ccxt CPU ${ratio.toFixed(3)}, wall ${(wallOf(ours) / wallOf(theirs)).toFixed(3)} → target CPU ≤ ${TARGET_CPU_RATIO.toFixed(3)} ${ratio <= TARGET_CPU_RATIO ? 'met' : 'NOT MET'}`);
  };
  console.info(`node ${process.version}, ${WARMUP} warm-up + ${CALLS} measured calls per variant`);
  console.info(`${'variant'.padEnd(58)} ${'calls'.padStart(5)} ${'CPU µs/call'.padStart(10)} ${'wall µs/call'.padStart(10)}`);
  row('ours: Balance (sign + HTTP + parse)', 'oursBalance');
  row('ours: BalanceEx (sign + HTTP + parse + available)', 'oursBalanceEx');
  row('ccxt: kraken.fetchBalance (BalanceEx + normalise)', 'ccxtBalance');
  row(`ours: refresh, Balance + Ticker (${sizes.tickerPairs} pairs) + exact valuation`, 'oursRefresh');
  row('ccxt: fetchBalance + fetchTickers (same pairs) + float sum', 'ccxtRefresh');
  row(`ours: valuation alone, ${sizes.valuationAssets} assets and ${sizes.valuationPairs} pairs listed`, 'valuation');
  row('floor: raw-socket GET round trip, no library', 'floor');
  row('floor: node:http keep-alive GET, no library', 'nodeHttpFloor');
  compare('balance call (Balance vs fetchBalance)', 'oursBalance', 'ccxtBalance');
  compare('balance call, same endpoint (BalanceEx vs fetchBalance)', 'oursBalanceEx', 'ccxtBalance');
  compare('refresh with fresh prices', 'oursRefresh', 'ccxtRefresh');
  console.info(`our balance call above the node:http floor (signing, client, parsing): ${(cpuOf('oursBalance') - cpuOf('nodeHttpFloor')).toFixed(0)} µs`);
}
