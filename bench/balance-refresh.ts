// Times one balance refresh — sign + HTTP + parse + normalise + value — with our client and with
// ccxt's kraken fetchBalance, against the same fake Kraken (its own process, loopback only).
// Our client sends through Node's node:http; ccxt through undici (Node's fetch). Two floors show
// what the kernel and event loop (raw socket) and Node's HTTP client alone cost per exchange.
// Run: node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON bench/balance-refresh.ts [--calls N] [--warmup N]
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ccxt from 'ccxt';
import { FAKE_API_KEY, FAKE_API_SECRET, FAKE_SECOND_API_KEY, FAKE_SECOND_API_SECRET } from '../e2e/fake-kraken/fixtures.ts';
import { createKrakenClient } from '../main/kraken/index.ts';
import { startFakeProcess } from './fake-process.ts';
import { guardLoopbackOnly } from './network-guard.ts';
import { openNodeHttpRoundTrip } from './node-http-round-trip.ts';
import { openRawRoundTrip } from './raw-round-trip.ts';
import { numberArg } from './args.ts';

const CALLS = numberArg('--calls', 1500);
const WARMUP = numberArg('--warmup', 200);
const ROUNDS = 3;
/** The goal: our refresh costs at most a third of ccxt's CPU per call. */
const TARGET_CPU_RATIO = 1 / 3;

interface Measurement {
  cpuMicros: number;
  wallMs: number;
  calls: number;
}

// A full GC before each measured phase, so one variant's garbage is not collected on another's clock.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function measure(refresh: () => Promise<unknown>, calls: number): Promise<Measurement> {
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

const guard = guardLoopbackOnly();
const fake = await startFakeProcess(['--no-rate-limit']);
try {
  // Both sides skip their own rate-limit waiting: the fake does not limit, and waits are not CPU.
  const ours = createKrakenClient({ apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: fake.url, enforceRateLimit: false });
  const oursFreshPrices = createKrakenClient({
    apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET, baseUrl: fake.url, enforceRateLimit: false, tickerTtlMs: 0,
  });

  const exchange = new ccxt.kraken({ apiKey: FAKE_SECOND_API_KEY, secret: FAKE_SECOND_API_SECRET, enableRateLimit: false });
  exchange.urls['api'] = { public: fake.url, private: fake.url, zendesk: fake.url };
  // ccxt's nonce is Date.now(); several calls in one millisecond would be rejected as Kraken would.
  let ccxtNonce = Date.now();
  exchange.nonce = () => (ccxtNonce = Math.max(Date.now(), ccxtNonce + 1));

  const raw = await openRawRoundTrip(fake.url);
  const nodeHttp = openNodeHttpRoundTrip(fake.url);
  // ours: the app's refresh as it runs between price updates (Ticker cached for 10 s), so an unchanged
  // account is re-valued from the valuation memo. oursFreshPrices: Ticker fetched and every row
  // valued with big.js on every call. ccxt fetches and normalises balances but values nothing.
  const variants = {
    ours: () => ours.portfolio({ quote: 'USD' }),
    oursFreshPrices: () => oursFreshPrices.portfolio({ quote: 'USD' }),
    ccxt: () => exchange.fetchBalance(),
    floor: () => raw.roundTrip(),
    nodeHttpFloor: () => nodeHttp.roundTrip(),
  };
  type Name = keyof typeof variants;

  // Warm-up loads markets/asset lists once per client and lets the JIT settle.
  for (const refresh of Object.values(variants)) await measure(refresh, WARMUP);
  const sanity = await ours.portfolio({ quote: 'USD' });
  const ccxtSanity = await exchange.fetchBalance();
  if (sanity.rows.length !== 10 || sanity.unpriced.length !== 0) throw new Error('bench: our portfolio is wrong');
  const ccxtTotals = ccxtSanity.total as unknown as Record<string, number> | undefined;
  if (ccxtTotals?.['BTC'] === undefined) throw new Error('bench: ccxt balance is wrong');

  const totals = new Map<Name, Measurement>();
  // Interleaved rounds so GC and CPU frequency drift hit every variant alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const name of Object.keys(variants) as Name[]) {
      const m = await measure(variants[name], Math.ceil(CALLS / ROUNDS));
      totals.set(name, add(totals.get(name) ?? { cpuMicros: 0, wallMs: 0, calls: 0 }, m));
    }
  }

  const row = (label: string, name: Name): string => {
    const m = totals.get(name);
    if (m === undefined) return '';
    const { cpuUs, wallUs } = perCall(m);
    return `${label.padEnd(44)} ${String(m.calls).padStart(5)} ${cpuUs.toFixed(0).padStart(10)} ${wallUs.toFixed(0).padStart(10)}`;
  };
  const ratio = (a: Name, b: Name, key: 'cpuUs' | 'wallUs'): string => {
    const x = totals.get(a);
    const y = totals.get(b);
    return x && y ? (perCall(x)[key] / perCall(y)[key]).toFixed(3) : 'n/a';
  };

  console.info(`node ${process.version}, ${WARMUP} warm-up + ${CALLS} measured calls per variant, fake Kraken at ${fake.url}`);
  console.info(`${'variant'.padEnd(44)} ${'calls'.padStart(5)} ${'CPU µs/call'.padStart(10)} ${'wall µs/call'.padStart(10)}`);
  console.info(row('ours: Balance + valuation (cached prices)', 'ours'));
  console.info(row('ours: Balance + Ticker + valuation', 'oursFreshPrices'));
  console.info(row('ccxt: kraken.fetchBalance (BalanceEx)', 'ccxt'));
  console.info(row('floor: raw-socket GET round trip, no library', 'floor'));
  console.info(row('floor: node:http keep-alive GET, no library', 'nodeHttpFloor'));
  console.info(`ratio ours/ccxt  CPU ${ratio('ours', 'ccxt', 'cpuUs')}  wall ${ratio('ours', 'ccxt', 'wallUs')}  (target CPU ≤ ${TARGET_CPU_RATIO.toFixed(3)})`);
  console.info(`ratio ours with fresh prices/ccxt  CPU ${ratio('oursFreshPrices', 'ccxt', 'cpuUs')}  wall ${ratio('oursFreshPrices', 'ccxt', 'wallUs')}`);
  const cpuOf = (name: Name): number => perCall(totals.get(name) as Measurement).cpuUs;
  const above = (name: Name, floor: Name): number => cpuOf(name) - cpuOf(floor);
  console.info(`library CPU above the raw floor: ours ${above('ours', 'floor').toFixed(0)} µs, ccxt ${above('ccxt', 'floor').toFixed(0)} µs, ratio ${(above('ours', 'floor') / above('ccxt', 'floor')).toFixed(3)}`);
  console.info(`our CPU above the node:http floor (signing, client, parsing, valuation): ${above('ours', 'nodeHttpFloor').toFixed(0)} µs`);
  const allowed = cpuOf('ccxt') * TARGET_CPU_RATIO;
  const met = cpuOf('ours') <= allowed;
  console.info(met
    ? `TARGET MET: ours ${cpuOf('ours').toFixed(0)} µs CPU/call ≤ a third of ccxt's ${cpuOf('ccxt').toFixed(0)} µs (${allowed.toFixed(0)} µs).`
    : `TARGET NOT MET: ours ${cpuOf('ours').toFixed(0)} µs CPU/call > a third of ccxt's ${cpuOf('ccxt').toFixed(0)} µs (${allowed.toFixed(0)} µs); `
      + `node:http alone takes ${cpuOf('nodeHttpFloor').toFixed(0)} µs of that budget.`);
  console.info(`network: ${guard.connections.length} TCP connections, ${guard.outside.length} outside loopback`);
  raw.close();
  nodeHttp.close();
  ours.close();
  oursFreshPrices.close();
  if (guard.outside.length > 0) process.exitCode = 1;
} finally {
  await fake.stop();
}
