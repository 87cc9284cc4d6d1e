import { describe, expect, it } from 'vitest';
import { applyUserDataOverride } from './user-data.ts';

/** Electron's app.setPath: an absolute path or a throw (shell/browser/api/electron_api_app.cc). */
function electronLikeApp() {
  const paths = new Map<string, string>();
  return {
    paths,
    setPath(name: string, value: string) {
      if (!value.startsWith('/')) throw new Error('Path must be absolute');
      paths.set(name, value);
    },
  };
}

describe('applyUserDataOverride', () => {
  it('moves userData to an absolute KRAKEN_BALANCES_USER_DATA', () => {
    const app = electronLikeApp();
    expect(applyUserDataOverride(app, { KRAKEN_BALANCES_USER_DATA: '/srv/kb' })).toBeNull();
    expect(app.paths.get('userData')).toBe('/srv/kb');
  });

  it('leaves the OS default alone when unset or empty', () => {
    const app = electronLikeApp();
    expect(applyUserDataOverride(app, {})).toBeNull();
    expect(applyUserDataOverride(app, { KRAKEN_BALANCES_USER_DATA: '' })).toBeNull();
    expect(app.paths.size).toBe(0);
  });

  it('refuses a relative path in one line, without calling setPath', () => {
    for (const dir of ['data', './data', '~/kb', '../kb']) {
      const app = electronLikeApp();
      const refusal = applyUserDataOverride(app, { KRAKEN_BALANCES_USER_DATA: dir });
      expect(refusal).toBe(`KRAKEN_BALANCES_USER_DATA must be an absolute path, not "${dir}" (a relative one would depend on the folder the app starts in); nothing was started.`);
      expect(app.paths.size).toBe(0);
    }
  });
});
