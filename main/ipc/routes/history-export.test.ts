import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings/settings-schema.ts';
import { HistoryService } from '../../history/history-service.ts';
import { createFakeClock } from '../../refresh/fake-clock.ts';
import { dispatch, type Route } from '../register.ts';
import { exportRoutes } from './export.ts';
import { historyRoutes } from './history.ts';

vi.mock('electron', () => ({ ipcMain: { handle: () => undefined } }));

const event = {} as IpcMainInvokeEvent;
const trusted = () => true;
const memoryHistoryFile = () => ({
  read: () => ({ kind: 'missing' as const }),
  readJournal: () => [],
  append: () => undefined,
  writeBase: () => undefined,
  setAside: () => 'x.json',
});

function routes() {
  const history = new HistoryService({ file: memoryHistoryFile(), clock: createFakeClock() });
  const choosePath = vi.fn(() => Promise.resolve(null));
  const historyApi = historyRoutes({ history, settings: { get: () => DEFAULT_SETTINGS }, accountExists: (id) => id === 'a', countedAccountIds: () => ['a'] });
  const exportApi = exportRoutes({ accounts: () => [], balances: () => [], snapshots: () => [], privacyMode: () => false, choosePath, writeFile: () => Promise.resolve(), now: () => 0 });
  return { ...historyApi, ...exportApi, choosePath };
}

const call = (route: unknown, channel: string, raw: unknown) => dispatch(channel as never, route as Route<never>, trusted, event, raw);

describe('history and export routes', () => {
  it('refuse payloads the contract does not allow, before any handler runs', async () => {
    const r = routes();
    for (const raw of [{ range: '2d' }, { accountId: '' }, { quote: 'x'.repeat(41) }, { extra: 1 }, null]) {
      expect(await call(r['history:get'], 'history:get', raw)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    for (const raw of [{ assets: [] }, { assets: Array.from({ length: 51 }, () => 'XXBT') }, { assets: [7] }, {}]) {
      expect(await call(r['history:asset'], 'history:asset', raw)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    for (const raw of [{ kind: 'pdf' }, { kind: 'balances', path: '/etc/passwd' }, { kind: 'history', accountId: 5 }]) {
      expect(await call(r['export:csv'], 'export:csv', raw)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(r.choosePath).not.toHaveBeenCalled();
  });

  it('answer a valid request, and an unknown account in words', async () => {
    const r = routes();
    expect(await call(r['history:get'], 'history:get', { range: '7d' })).toMatchObject({ ok: true, value: { range: '7d', quote: 'USD', points: [] } });
    expect(await call(r['history:asset'], 'history:asset', { accountId: 'gone', assets: ['XXBT'] })).toMatchObject({ ok: false, error: { code: 'unknown-account' } });
  });
});
