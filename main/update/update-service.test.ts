import { describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../../ipc/contract.ts';
import { createFakeClock } from '../refresh/fake-clock.ts';
import { CHECK_INTERVAL_MS, describeUpdateError, FIRST_CHECK_DELAY_MS, RETRY_DELAYS_MS, UpdateService, type UpdaterPort } from './update-service.ts';

type Answer = 'none' | 'update' | 'feed-down' | 'bad-download';

function harness(answers: Answer[], autoUpdate = true, firstCheckDelayMs?: number) {
  const clock = createFakeClock();
  const checks: number[] = [];
  let setting = autoUpdate;
  const settingListeners = new Set<(on: boolean) => void>();
  const port: UpdaterPort & { installs: number; installOnQuit: boolean | null } = {
    installs: 0,
    installOnQuit: null,
    check() {
      checks.push(clock.now());
      const answer = answers.shift() ?? 'none';
      if (answer === 'feed-down') return Promise.reject(new Error('net::ERR_CONNECTION_REFUSED'));
      if (answer === 'none') return Promise.resolve(null);
      const downloaded = answer === 'update' ? Promise.resolve() : Promise.reject(Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' }));
      downloaded.catch(() => undefined);
      return Promise.resolve({ update: { version: '1.2.0', releaseNotes: '<p>Faster &amp; <b>safer</b></p>' }, downloaded });
    },
    install() {
      this.installs++;
    },
    setInstallOnQuit(on) {
      this.installOnQuit = on;
    },
  };
  const log = { info: vi.fn(), warn: vi.fn() };
  const service = new UpdateService({
    port,
    clock,
    log,
    firstCheckDelayMs,
    setting: {
      get: () => setting,
      onChange: (listener) => {
        settingListeners.add(listener);
        return () => settingListeners.delete(listener);
      },
    },
  });
  const states: UpdateState[] = [];
  service.onChange((state) => states.push(state));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const advance = async (ms: number) => {
    clock.advance(ms);
    await settle();
  };
  const turn = (on: boolean) => {
    setting = on;
    for (const listener of settingListeners) listener(on);
  };
  return { clock, service, port, log, checks, states, advance, turn, start: clock.now() };
}

describe('UpdateService', () => {
  it('checks 30 s after start, then every 6 hours while nothing is new', async () => {
    const h = harness(['none', 'none', 'none']);
    h.service.start();
    await h.advance(FIRST_CHECK_DELAY_MS - 1);
    expect(h.checks).toEqual([]);
    await h.advance(1);
    await h.advance(CHECK_INTERVAL_MS);
    await h.advance(CHECK_INTERVAL_MS);
    expect(h.checks.map((at) => at - h.start)).toEqual([FIRST_CHECK_DELAY_MS, FIRST_CHECK_DELAY_MS + CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS + 2 * CHECK_INTERVAL_MS]);
    expect(h.states).toEqual([]);
    expect(h.service.state()).toEqual({ status: 'idle' });
  });

  it('checks after the given first delay instead, when one is given (a development feed)', async () => {
    const h = harness(['none'], true, 3000);
    h.service.start();
    await h.advance(2999);
    expect(h.checks).toEqual([]);
    await h.advance(1);
    expect(h.checks.map((at) => at - h.start)).toEqual([3000]);
  });

  it('downloads a new version in the background and offers it with its notes as text, then stops checking', async () => {
    const h = harness(['update']);
    h.service.start();
    await h.advance(FIRST_CHECK_DELAY_MS);
    expect(h.states).toEqual([
      { status: 'downloading', version: '1.2.0' },
      { status: 'ready', version: '1.2.0', releaseNotes: 'Faster & safer' },
    ]);
    await h.advance(3 * CHECK_INTERVAL_MS);
    expect(h.checks).toHaveLength(1);
    expect(h.service.install()).toBe(true);
    expect(h.port.installs).toBe(1);
  });

  it('never offers a download that failed verification, and retries later without a word to the user', async () => {
    const h = harness(['bad-download', 'update']);
    h.service.start();
    await h.advance(FIRST_CHECK_DELAY_MS);
    expect(h.service.state()).toEqual({ status: 'idle' });
    expect(h.service.install()).toBe(false);
    expect(h.log.warn).toHaveBeenCalledWith(expect.stringContaining('did not match its published sha512 checksum'));
    await h.advance(RETRY_DELAYS_MS[0]);
    expect(h.service.state()).toMatchObject({ status: 'ready' });
  });

  it('retries a feed that is down after 30 min, doubling to 4 h, and returns to 6 h once it answers', async () => {
    const h = harness(['feed-down', 'feed-down', 'feed-down', 'feed-down', 'feed-down', 'none', 'none']);
    h.service.start();
    await h.advance(FIRST_CHECK_DELAY_MS);
    for (const delay of [...RETRY_DELAYS_MS, RETRY_DELAYS_MS.at(-1) ?? 0, CHECK_INTERVAL_MS]) await h.advance(delay);
    const gaps = h.checks.slice(1).map((at, index) => at - (h.checks[index] ?? 0));
    expect(gaps).toEqual([...RETRY_DELAYS_MS, RETRY_DELAYS_MS.at(-1), CHECK_INTERVAL_MS]);
    // Failures never reach the window: the state stays idle throughout.
    expect(h.states.every((state) => state.status === 'idle')).toBe(true);
    expect(h.service.summary()).toMatchObject({ lastCheck: { result: 'up to date' }, nextCheckAt: h.clock.now() + CHECK_INTERVAL_MS });
  });

  it('stops checking when turned off in Settings and starts again 30 s after it is turned back on', async () => {
    const h = harness(['none', 'none']);
    h.service.start();
    expect(h.port.installOnQuit).toBe(true);
    h.turn(false);
    expect(h.port.installOnQuit).toBe(false);
    await h.advance(2 * CHECK_INTERVAL_MS);
    expect(h.checks).toEqual([]);
    expect(h.service.summary()).toMatchObject({ automatic: false, nextCheckAt: null });
    h.turn(true);
    await h.advance(FIRST_CHECK_DELAY_MS);
    expect(h.checks).toHaveLength(1);
  });

  it('does not check on its own when the setting is off at start, but a check the user asks for runs', async () => {
    const h = harness(['none'], false);
    h.service.start();
    await h.advance(CHECK_INTERVAL_MS);
    expect(h.checks).toEqual([]);
    await expect(h.service.checkNow()).resolves.toEqual({ kind: 'up-to-date' });
    await h.advance(2 * CHECK_INTERVAL_MS);
    expect(h.checks).toHaveLength(1);
  });

  it('joins a check already running instead of asking the feed twice', async () => {
    const h = harness(['none']);
    h.service.start();
    const [first, second] = [h.service.checkNow(), h.service.checkNow()];
    expect(await first).toEqual(await second);
    expect(h.checks).toHaveLength(1);
  });

  it('is unavailable, and does nothing, without an updater (development builds)', async () => {
    const clock = createFakeClock();
    const service = new UpdateService({ port: null, clock, log: { info: vi.fn(), warn: vi.fn() }, setting: { get: () => true, onChange: () => () => undefined } });
    service.start();
    expect(service.state()).toEqual({ status: 'unavailable' });
    expect(service.install()).toBe(false);
    await expect(service.checkNow()).resolves.toEqual({ kind: 'unavailable' });
    expect(service.summary()).toEqual({ available: false });
  });
});

describe('describeUpdateError', () => {
  it('says what went wrong without the URLs and headers electron-updater puts in its messages', () => {
    expect(describeUpdateError(new Error('net::ERR_CONNECTION_REFUSED'))).toBe('the update server could not be reached');
    expect(describeUpdateError(new Error('HttpError: 404 Not Found\n"method: GET url: https://example/latest.yml" headers {…}'))).toBe('the update server answered with an error');
    expect(describeUpdateError(Object.assign(new Error('sha512 checksum mismatch, expected a, got b'), { code: 'ERR_CHECKSUM_MISMATCH' }))).toMatch(/sha512/);
    expect(describeUpdateError('weird')).toBe('the update check failed');
  });
});
