import type { UpdateState } from '../../ipc/contract.ts';
import type { Clock, TimerHandle } from '../refresh/clock.ts';
import { releaseNotesText, type RawReleaseNotes } from './release-notes.ts';

/** A newer version the feed offers. */
export interface FoundUpdate {
  readonly version: string;
  readonly releaseNotes: RawReleaseNotes;
}

/** What the service needs from electron-updater (main/update/updater-edge.ts adapts it). */
export interface UpdaterPort {
  /** Asks the feed. A newer version starts downloading at once: `downloaded` settles when it is verified. */
  check(): Promise<{ readonly update: FoundUpdate; readonly downloaded: Promise<unknown> } | null>;
  /** Quits the app and runs the downloaded installer, which starts the new version. */
  install(): void;
  /** Whether a downloaded update is installed when the user quits without choosing "Restart to update". */
  setInstallOnQuit(on: boolean): void;
}

export interface AutoUpdateSetting {
  get(): boolean;
  onChange(listener: (on: boolean) => void): () => void;
}

export interface UpdateLog {
  info(...parts: unknown[]): void;
  warn(...parts: unknown[]): void;
}

export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 6 * 60 * 60_000;
/** A check or download that failed (feed down, offline, bad file) is tried again, quietly, after these. */
export const RETRY_DELAYS_MS = [30 * 60_000, 60 * 60_000, 2 * 60 * 60_000, 4 * 60 * 60_000] as const;

/** The updater's state for diagnostics: never a URL, only versions, times (epoch ms) and results in words. */
export type UpdateSummary =
  | { readonly available: false }
  | {
      readonly available: true;
      /** The Settings switch. */
      readonly automatic: boolean;
      readonly waiting: { readonly status: 'downloading' | 'ready'; readonly version: string } | null;
      readonly lastCheck: { readonly at: number; readonly result: string } | null;
      readonly nextCheckAt: number | null;
    };

/** What a check the user asked for ended with (Help → Check for Updates). */
export type CheckOutcome = { readonly kind: 'up-to-date' | 'ready' | 'unavailable' } | { readonly kind: 'failed'; readonly message: string };

/** Words for a failure, for the log and a check the user asked for; electron-updater's own text holds URLs and headers. */
export function describeUpdateError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_CHECKSUM_MISMATCH') return 'the downloaded update did not match its published sha512 checksum and was discarded';
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|ERR_CONNECTION|ERR_EMPTY_RESPONSE|ERR_INTERNET|ERR_NAME|timed out|socket hang up/i.test(message)) return 'the update server could not be reached';
  if (/\b(404|5\d\d)\b/.test(message.split('\n')[0] ?? '')) return 'the update server answered with an error';
  return 'the update check failed';
}

/**
 * Automatic updates: checks 30 s after start and every 6 hours while the setting is on, lets the new version
 * download in the background, and offers it ("Restart to update") once it is verified. A failed check or
 * download never bothers the user: it is logged and tried again later (30 min, doubling to 4 h). With no
 * updater (development, preview) everything is 'unavailable'. Plain TypeScript on an injected clock.
 */
export class UpdateService {
  private readonly port: UpdaterPort | null;
  private readonly clock: Clock;
  private readonly setting: AutoUpdateSetting;
  private readonly log: UpdateLog;
  private readonly listeners = new Set<(state: UpdateState) => void>();
  private current: UpdateState;
  private timer: TimerHandle | null = null;
  private nextCheckAt: number | null = null;
  private failures = 0;
  private lastCheck: { at: number; result: string } | null = null;
  private running: Promise<CheckOutcome> | null = null;
  private unsubscribe: (() => void) | null = null;

  /** From start, or from turning updates back on, to the first check. */
  private readonly firstCheckDelayMs: number;

  constructor(options: { port: UpdaterPort | null; clock: Clock; setting: AutoUpdateSetting; log: UpdateLog; firstCheckDelayMs?: number }) {
    this.port = options.port;
    this.firstCheckDelayMs = options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS;
    this.clock = options.clock;
    this.setting = options.setting;
    this.log = options.log;
    this.current = this.port === null ? { status: 'unavailable' } : { status: 'idle' };
  }

  start(): void {
    if (this.port === null) return;
    this.port.setInstallOnQuit(this.setting.get());
    this.unsubscribe = this.setting.onChange((on) => {
      this.port?.setInstallOnQuit(on);
      if (on) this.schedule(this.firstCheckDelayMs);
      else this.cancel();
    });
    if (this.setting.get()) this.schedule(this.firstCheckDelayMs);
  }

  state(): UpdateState {
    return this.current;
  }

  onChange(listener: (state: UpdateState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A check now (the user asked); joins one already running. */
  checkNow(): Promise<CheckOutcome> {
    if (this.port === null) return Promise.resolve({ kind: 'unavailable' });
    if (this.current.status === 'ready') return Promise.resolve({ kind: 'ready' });
    this.running ??= this.check(this.port).finally(() => (this.running = null));
    return this.running;
  }

  /** "Restart to update": false when no verified download is waiting. */
  install(): boolean {
    if (this.port === null || this.current.status !== 'ready') return false;
    this.log.info(`update: restarting to install ${this.current.version}`);
    this.port.install();
    return true;
  }

  /** What diagnostics reports (main/diagnostics/diagnostics-text.ts writes it). */
  summary(): UpdateSummary {
    if (this.port === null) return { available: false };
    return {
      available: true,
      automatic: this.setting.get(),
      waiting: this.current.status === 'idle' || this.current.status === 'unavailable' ? null : { status: this.current.status, version: this.current.version },
      lastCheck: this.lastCheck,
      nextCheckAt: this.nextCheckAt,
    };
  }

  dispose(): void {
    this.cancel();
    this.unsubscribe?.();
    this.listeners.clear();
  }

  private async check(port: UpdaterPort): Promise<CheckOutcome> {
    this.cancel();
    try {
      const found = await port.check();
      if (found === null) {
        this.finish('up to date');
        return { kind: 'up-to-date' };
      }
      this.log.info(`update: version ${found.update.version} found, downloading`);
      this.set({ status: 'downloading', version: found.update.version });
      await found.downloaded;
      this.set({ status: 'ready', version: found.update.version, releaseNotes: releaseNotesText(found.update.releaseNotes) });
      this.finish(`version ${found.update.version} downloaded and verified`);
      return { kind: 'ready' };
    } catch (error) {
      const message = describeUpdateError(error);
      this.log.warn(`update: ${message}`);
      this.set({ status: 'idle' });
      this.lastCheck = { at: this.clock.now(), result: `failed (${message})` };
      const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)] ?? CHECK_INTERVAL_MS;
      this.failures++;
      if (this.setting.get()) this.schedule(delay);
      return { kind: 'failed', message };
    }
  }

  private finish(result: string): void {
    this.failures = 0;
    this.lastCheck = { at: this.clock.now(), result };
    // Once a version waits to be installed there is nothing more to fetch until the restart.
    if (this.setting.get() && this.current.status !== 'ready') this.schedule(CHECK_INTERVAL_MS);
  }

  private schedule(delayMs: number): void {
    this.cancel();
    if (this.current.status === 'ready') return;
    this.nextCheckAt = this.clock.now() + delayMs;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.nextCheckAt = null;
      void this.checkNow();
    }, delayMs);
  }

  private cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.nextCheckAt = null;
  }

  private set(state: UpdateState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
