import { describe, expect, it } from 'vitest';
import { opensDemoAccount } from './demo-switch.ts';

describe('opensDemoAccount', () => {
  it('opens the demo account when a development build is started with --demo', () => {
    expect(opensDemoAccount(['/usr/bin/electron', '/work/app', '--demo'], false)).toBe(true);
    expect(opensDemoAccount(['node', 'e2e/runtime/host.ts', '--headed', 'out/main/index.js', '--demo'], false)).toBe(true);
  });

  it('ignores the switch in packaged builds', () => {
    expect(opensDemoAccount(['/opt/Kraken Balances/kraken-balances', '--demo'], true)).toBe(false);
  });

  it('does nothing without the switch, or with a look-alike', () => {
    expect(opensDemoAccount(['/usr/bin/electron', '/work/app'], false)).toBe(false);
    expect(opensDemoAccount(['/usr/bin/electron', '/work/app', '--demo-mode', '--hidden'], false)).toBe(false);
  });
});
