import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachLogFile, forgetSecrets, log, recentProblems, registerSecrets, scrubAmounts } from './log.ts';

afterEach(() => vi.restoreAllMocks());

describe('scrubAmounts', () => {
  it('blanks decimal amounts, prices and values', () => {
    expect(scrubAmounts('XXBT 0.5000000000 worth 31337.42 USD, total=12.5')).toBe('XXBT [number] worth [number] USD, total=[number]');
  });

  it('keeps versions, IP addresses, ports and times', () => {
    const text = 'Electron 45.4.1 at http://127.0.0.1:4123 since 2025-01-02T03:04:05Z, retry in 30 s';
    expect(scrubAmounts(text)).toBe(text);
  });
});

describe('log', () => {
  it('writes redacted, scrubbed lines with time and level to the attached file', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const lines: string[] = [];
    attachLogFile({ write: (line) => lines.push(line) });
    registerSecrets('log-test', ['s3cr3t-value']);
    log.warn('refresh failed for s3cr3t-value with balance', '1.2345');
    expect(lines.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z WARN {2}refresh failed for \[redacted\] with balance \[number\]$/);
    forgetSecrets('log-test');
  });

  it('keeps the first line of the last ten warnings and errors for diagnostics', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    for (let n = 0; n < 12; n++) log.error(new Error(`failure ${n}`));
    log.info('not a problem');
    const problems = recentProblems();
    expect(problems).toHaveLength(10);
    expect(problems[0]?.message).toBe('Error: failure 2');
    expect(problems.at(-1)).toMatchObject({ level: 'error', message: 'Error: failure 11' });
  });
});
