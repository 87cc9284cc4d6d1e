import { describe, expect, it } from 'vitest';
import { diagnosticsText, type DiagnosticsInput } from './diagnostics-text.ts';

const input: DiagnosticsInput = {
  now: Date.UTC(2026, 0, 5, 9, 0, 30, 456),
  app: { name: 'Kraken Balances', version: '1.2.0', packaged: true },
  versions: { electron: '45.4.1', chrome: '140.0.7339.41', node: '22.18.0' },
  os: { platform: 'linux', release: '6.1.0-28-amd64', arch: 'x64', locale: 'de-DE' },
  protection: { backend: 'gnome_libsecret', level: 'os' },
  accounts: [
    { demo: false, status: 'fresh', feed: 'live', errorCode: null, fetchedAt: Date.UTC(2026, 0, 5, 9, 0, 0) },
    { demo: false, status: 'error', feed: 'polling', errorCode: 'invalid-key', fetchedAt: null },
    { demo: true, status: 'fresh', feed: 'polling', errorCode: null, fetchedAt: Date.UTC(2026, 0, 5, 8, 59, 0) },
  ],
  paused: 'offline',
  refreshIntervalSec: 60,
  apiHost: 'api.kraken.com',
  updates: {
    available: true,
    automatic: true,
    waiting: null,
    lastCheck: { at: Date.UTC(2026, 0, 5, 8, 59, 30, 789), result: 'failed (the update server could not be reached)' },
    nextCheckAt: Date.UTC(2026, 0, 5, 9, 29, 30, 789),
  },
  problems: [{ at: '2026-01-05T08:58:00.123Z', level: 'warn', message: 'refresh of account a1 failed: invalid-key' }],
};

describe('diagnosticsText', () => {
  it('writes versions, OS, protection, accounts with their feed and state, the API host, updates and problems', () => {
    expect(diagnosticsText(input)).toBe(
      [
        'Kraken Balances diagnostics, 2026-01-05T09:00:30Z',
        'App: 1.2.0 (installed build)',
        'Electron 45.4.1, Chromium 140.0.7339.41, Node 22.18.0',
        'OS: linux 6.1.0-28-amd64 (x64), locale de-DE',
        'Key protection: os (gnome_libsecret)',
        'Kraken API host: api.kraken.com',
        'Accounts: 3 (1 demo), refresh every 60 s, paused (offline)',
        '  1. key, live, fresh, last good refresh 30 s ago',
        '  2. key, polling, error, last good refresh never, error invalid-key',
        '  3. demo, offline sample data, fresh, last good refresh 90 s ago',
        'Updates: automatic, no update waiting, last check 2026-01-05T08:59:30Z: failed (the update server could not be reached), next check 2026-01-05T09:29:30Z',
        'Recent problems (oldest first):',
        '  2026-01-05T08:58:00Z warn refresh of account a1 failed: invalid-key',
      ].join('\n'),
    );
  });

  it('says so when nothing went wrong and versions are unknown (the test runtime has no Electron)', () => {
    const text = diagnosticsText({ ...input, versions: { node: '24.1.0' }, problems: [], accounts: [], paused: null, updates: { available: false } });
    expect(text).toContain('Electron ?, Chromium ?, Node 24.1.0');
    expect(text).toContain('Accounts: 0, refresh every 60 s\n');
    expect(text).toContain('Updates: not in this build\n');
    expect(text).toMatch(/Recent problems: none$/);
  });
});
