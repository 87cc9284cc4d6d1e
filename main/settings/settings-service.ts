import { EventEmitter } from 'node:events';
import type { Settings } from '../../ipc/contract.ts';
import type { KeyValueStore } from '../persistence/key-value-store.ts';
import { DEFAULT_SETTINGS, settingsSchema } from './settings-schema.ts';

const KEY = 'settings';

/**
 * The user's settings, persisted as one object. A stored value that no longer passes the schema (an older
 * version, a hand edit) falls back to its default field by field, so one bad field never resets the rest.
 */
export class SettingsService {
  private readonly store: KeyValueStore;
  private readonly events = new EventEmitter();
  private current: Settings;

  constructor(store: KeyValueStore) {
    this.store = store;
    this.current = readSettings(store.get(KEY));
  }

  get(): Settings {
    return { ...this.current };
  }

  /** The patch has passed settingsPatchSchema at the IPC edge. */
  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.current, ...patch });
    const changed = (Object.keys(patch) as (keyof Settings)[]).filter((key) => next[key] !== this.current[key]);
    this.current = next;
    this.store.set(KEY, next);
    if (changed.length) this.events.emit('change', this.get(), changed);
    return this.get();
  }

  onChange(listener: (settings: Settings, changed: (keyof Settings)[]) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }
}

function readSettings(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null) return { ...DEFAULT_SETTINGS };
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
    if (field.success) result[key] = field.data;
  }
  return result as unknown as Settings;
}
