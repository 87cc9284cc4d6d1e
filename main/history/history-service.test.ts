import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Portfolio } from '../../ipc/contract.ts';
import { createFakeClock, type FakeClock } from '../refresh/fake-clock.ts';
import { decodeHistory } from './history-codec.ts';
import { historyFileAt, type HistoryFile } from './history-file.ts';
import { HISTORY_MAX_BYTES, HistoryService } from './history-service.ts';
import { balanceRow } from '../../shared/testing/sample-data.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let dir = '';
let clock: FakeClock;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'history-test-'));
  clock = createFakeClock();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const portfolio = (total: string, btc = '1.0000000000', quote = 'USD'): Portfolio => ({
  quote,
  total,
  unpriced: [],
  change24h: null,
  earn: null,
  rows: [
    balanceRow('XXBT', 'BTC', btc, null),
    balanceRow('ETH2.S', 'ETH', '2.5', null),
  ],
});

const open = (file: HistoryFile = historyFileAt(dir, clock.now)) => new HistoryService({ file, clock });
const files = (): string[] => readdirSync(dir).sort();

/** A HistoryFile in memory, for tests that write a lot. */
function memoryFile() {
  const state = { base: null as string | null, journal: [] as string[], failWrites: false };
  const file: HistoryFile = {
    read: () => (state.base === null ? { kind: 'missing' } : { kind: 'ok', json: JSON.parse(state.base) as unknown }),
    readJournal: () => [...state.journal],
    append: (line) => void state.journal.push(line),
    writeBase: (text) => {
      if (state.failWrites) throw new Error('ENOSPC: no space left on device');
      state.base = text;
      state.journal = [];
    },
    setAside: () => 'unused.json',
  };
  return { state, file };
}

describe('HistoryService on disk', () => {
  it('survives a clean restart', () => {
    const history = open();
    history.record('a', portfolio('100'), clock.now());
    clock.advance(MINUTE);
    history.record('a', portfolio('101', '1.5'), clock.now());
    history.dispose();
    expect(files()).toEqual(['history.json']);
    const reopened = open();
    expect(reopened.notice).toBeNull();
    expect(reopened.series(['a'], 'USD').points.map((p) => p.total)).toEqual(['100', '101']);
    expect(reopened.latest('a')).toMatchObject({ total: '101', amounts: { XXBT: '1.5', 'ETH2.S': '2.5' } });
  });

  it('keeps the unit price each asset was valued at, through the journal and the base file', () => {
    const priced: Portfolio = { quote: 'USD', total: '75005', unpriced: ['FOO'], rows: [balanceRow('XXBT', 'BTC', '1.5', '75000'), balanceRow('ZUSD', 'USD', '5', '5'), balanceRow('FOO', 'FOO', '3', null)], change24h: null, earn: null };
    const history = open();
    history.record('a', priced, clock.now());
    const expected = { XXBT: '1', ZUSD: '1' };
    expect(open().snapshots('a')[0]?.prices).toEqual(expected);
    history.flush();
    expect(open().snapshots('a')[0]?.prices).toEqual(expected);
  });

  it('survives a crash: every refresh is in the journal at once, and a torn last line is skipped', () => {
    const history = open();
    history.record('a', portfolio('100'), clock.now());
    clock.advance(MINUTE);
    history.record('a', portfolio('101'), clock.now());
    expect(files()).toEqual(['history.journal']);
    writeFileSync(path.join(dir, 'history.journal'), readFileSync(path.join(dir, 'history.journal'), 'utf8') + '["a",17');
    const reopened = open();
    expect(reopened.notice).toBeNull();
    expect(reopened.series(['a'], 'USD').points.map((p) => p.total)).toEqual(['100', '101']);
  });

  it('folds the journal into the base file once an hour, not on every refresh', () => {
    const history = open();
    for (let i = 0; i < 59; i += 1) {
      history.record('a', portfolio(String(100 + i)), clock.now());
      clock.advance(MINUTE);
    }
    expect(files()).toEqual(['history.journal']);
    clock.advance(MINUTE);
    expect(files()).toEqual(['history.json']);
    expect(clock.pendingTimers()).toBe(0);
    expect(open().series(['a'], 'USD').points).toHaveLength(59);
  });

  it('does not double points when a crash left the journal behind a fresh base', () => {
    const history = open();
    history.record('a', portfolio('100'), clock.now());
    const journal = readFileSync(path.join(dir, 'history.journal'), 'utf8');
    history.flush();
    writeFileSync(path.join(dir, 'history.journal'), journal);
    expect(open().series(['a'], 'USD').points).toHaveLength(1);
  });

  it('sets a corrupt file aside with a notice, starts afresh, and never fails', () => {
    writeFileSync(path.join(dir, 'history.json'), '{"version":1,"accounts":{"a":[[1,"10"');
    const history = open();
    expect(history.notice).toMatch(/could not be read, so it was set aside as history\.corrupt-.*\.json/);
    const aside = files().find((name) => name.startsWith('history.corrupt-'));
    expect(readFileSync(path.join(dir, aside ?? 'missing'), 'utf8')).toContain('"accounts"');
    expect(history.series([], 'USD').points).toEqual([]);
    history.record('a', portfolio('1'), clock.now());
    history.flush();
    expect(open().series(['a'], 'USD').points).toHaveLength(1);
  });

  it('sets aside JSON of the wrong shape, with its journal', () => {
    writeFileSync(path.join(dir, 'history.json'), JSON.stringify({ version: 1, accounts: { a: [[1, 'not a number']] } }));
    writeFileSync(path.join(dir, 'history.journal'), '["a",2,"5","USD",{}]\n');
    expect(open().notice).toContain('set aside');
    expect(files().filter((name) => name.startsWith('history.corrupt-'))).toHaveLength(2);
    expect(existsSync(path.join(dir, 'history.journal'))).toBe(false);
  });

  it('forgets removed accounts, on disk too', () => {
    const history = open();
    history.record('a', portfolio('1'), clock.now());
    history.record('b', portfolio('2'), clock.now());
    history.retainAccounts(['b']);
    const reopened = open();
    expect(reopened.latest('a')).toBeNull();
    expect(reopened.latest('b')?.total).toBe('2');
  });
});

describe('HistoryService limits', () => {
  it('keeps going when the base cannot be written, and writes at the next chance', () => {
    const { state, file } = memoryFile();
    state.failWrites = true;
    const history = open(file);
    history.record('a', portfolio('1'), clock.now());
    history.flush();
    expect(state.base).toBeNull();
    state.failWrites = false;
    clock.advance(HOUR);
    expect(state.base).not.toBeNull();
  });

  it('stays under the size bound with ten accounts refreshing every 30 s for a week, keeping the last day whole', () => {
    const { state, file } = memoryFile();
    // Compacting daily instead of hourly only makes the test quicker; the bound applies at every compaction.
    const history = new HistoryService({ file, clock, compactEveryMs: 24 * HOUR });
    const start = clock.now();
    const end = start + 7 * 24 * HOUR;
    for (let at = start; at < end; at += 30_000) {
      clock.advanceTo(at);
      for (let account = 0; account < 10; account += 1) {
        history.record(`account-${account}`, portfolio(`${123456 + (at % 997)}.${account}5`), at);
      }
    }
    history.flush();
    expect(state.base?.length ?? 0).toBeLessThanOrEqual(HISTORY_MAX_BYTES);
    const points = decodeHistory(JSON.parse(state.base ?? '{}')).get('account-3') ?? [];
    expect(points.filter((p) => p.at > clock.now() - 24 * HOUR).length).toBeGreaterThanOrEqual(2 * 60 * 24 - 1);
    expect(points.length).toBeLessThan(7 * 24 * 120);
    expect(points[0]?.at).toBeLessThan(start + 24 * HOUR);
    // 201,600 records: about 4 s on a quiet machine, over 20 s when the cores are shared.
  }, 90_000);
});
