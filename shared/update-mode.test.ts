import { describe, expect, it } from 'vitest';
import { accountBalances } from './testing/sample-data.ts';
import { combineUpdates, intervalText, updateModeText } from './update-mode.ts';

describe('update mode', () => {
  it('writes the pace in a few characters', () => {
    expect([30, 60, 90, 120, 300, 45 * 60, 3600, 7200, 150].map(intervalText)).toEqual([
      'Every 30 s', 'Every 60 s', 'Every 90 s', 'Every 2 min', 'Every 5 min', 'Every 45 min', 'Every 1 h', 'Every 2 h', 'Every 150 s',
    ]);
    expect(updateModeText({ live: true, intervalSec: 60 })).toBe('Live');
    expect(updateModeText({ live: false, intervalSec: 60 })).toBe('Every 60 s');
  });

  it('calls a scope live only when all its accounts are, and keeps each account\'s reason', () => {
    const labels = new Map([['a', 'Main'], ['b', 'Savings']]);
    const live = accountBalances('a', { updates: { live: true, intervalSec: 60, note: null } });
    const denied = accountBalances('b', { updates: { live: false, intervalSec: 60, note: 'needs the permission' } });
    expect(combineUpdates([live], labels)).toEqual({ live: true, intervalSec: 60, notes: [] });
    expect(combineUpdates([live, denied], labels)).toEqual({ live: false, intervalSec: 60, notes: [{ accountId: 'b', label: 'Savings', note: 'needs the permission' }] });
    expect(combineUpdates([], labels).live).toBe(false);
  });
});
