import { describe, expect, it, vi } from 'vitest';
import { ageText, clockTime, countdownText } from './time.ts';

describe('time texts', () => {
  it('counts down in whole seconds, never below zero nor above the interval', () => {
    expect(countdownText(42_000)).toBe('0:42');
    expect(countdownText(60_900)).toBe('1:00');
    expect(countdownText(245_000)).toBe('4:05');
    expect(countdownText(3_600_000)).toBe('1:00:00');
    expect(countdownText(-5_000)).toBe('0:00');
  });

  it('says how old data is in words', () => {
    expect(ageText(3_000, 'en-US')).toBe('just now');
    expect(ageText(20_000, 'en-US')).toBe('20 seconds ago');
    expect(ageText(120_000, 'en-US')).toBe('2 minutes ago');
    expect(ageText(3 * 3_600_000, 'en-US')).toBe('3 hours ago');
    expect(ageText(86_400_000, 'en-US')).toBe('yesterday');
  });

  it('writes the clock in the time zone the system has now, also after it changed while running', () => {
    try {
      vi.stubEnv('TZ', 'UTC');
      expect(clockTime('2025-01-01T12:00:00.000Z', 'en-US')).toMatch(/^12:00:00\sPM$/);
      vi.stubEnv('TZ', 'Asia/Tokyo');
      expect(clockTime('2025-01-01T12:00:00.000Z', 'en-US')).toMatch(/^9:00:00\sPM$/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
