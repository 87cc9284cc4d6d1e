import { describe, expect, it } from 'vitest';
import { periodChanges } from './period-change.ts';

const NOW = Date.parse('2026-11-30T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const ago = (hours: number) => new Date(NOW - hours * HOUR).toISOString();

describe('periodChanges', () => {
  it('takes 24 h from prices a day ago when main has them, the longer periods from recorded totals', () => {
    const history = [
      { at: ago(366 * 24), total: '50' },
      { at: ago(7 * 24 + 1), total: '80' },
      { at: ago(1), total: '100' },
    ];
    const changes = periodChanges({ total: '100', change24h: { now: '99', before: '90' } }, history, NOW);
    expect(changes).toEqual([
      { label: '24 h', delta: '9', percent: '10', source: 'prices', since: null },
      { label: '7 d', delta: '20', percent: '25', source: 'history', since: ago(7 * 24 + 1) },
      // Nothing recorded within 5 % of 30 days ago: unknown, never 0.
      { label: '30 d', delta: null, percent: null, source: 'history', since: null },
      { label: '1 y', delta: '50', percent: '100', source: 'history', since: ago(366 * 24) },
    ]);
  });

  it('falls back to the recorded total of a day ago for 24 h, and says nothing when there is none', () => {
    expect(periodChanges({ total: '100', change24h: null }, [{ at: ago(24.5), total: '125' }], NOW)[0]).toEqual({ label: '24 h', delta: '-25', percent: '-20', source: 'history', since: ago(24.5) });
    expect(periodChanges({ total: '100', change24h: null }, [], NOW).map((change) => change.delta)).toEqual([null, null, null, null]);
  });

  it('picks the recorded point nearest the period\'s start, before or after it', () => {
    const history = Array.from({ length: 200 }, (_, hour) => ({ at: ago(200 - hour), total: String(200 - hour) }));
    const week = periodChanges({ total: '1', change24h: null }, history, NOW)[1];
    expect(week).toMatchObject({ delta: '-167', since: ago(168) });
  });
});
