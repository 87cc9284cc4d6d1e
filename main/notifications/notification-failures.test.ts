import { describe, expect, it } from 'vitest';
import { NotificationFailures } from './notification-failures.ts';

describe('NotificationFailures', () => {
  it('starts with nothing to report', () => {
    expect(new NotificationFailures().current()).toBeNull();
  });

  it('keeps the latest reason and the last five notifications that were not shown, and reports each failure', () => {
    const failures = new NotificationFailures();
    const reported: number[] = [];
    failures.onChange((failure) => reported.push(failure.missed.length));
    for (let i = 1; i <= 7; i++) failures.failed({ title: `change ${i}`, body: `body ${i}` }, i < 7 ? 'not allowed' : 'still not allowed');
    expect(failures.current()).toEqual({
      reason: 'still not allowed',
      missed: [3, 4, 5, 6, 7].map((i) => ({ title: `change ${i}`, body: `body ${i}` })),
    });
    expect(reported).toEqual([1, 2, 3, 4, 5, 5, 5]);
  });
});
