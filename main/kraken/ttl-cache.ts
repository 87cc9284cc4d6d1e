/**
 * Caches one async value per key for `ttlMs`, and shares an in-flight load between concurrent
 * callers so a burst of refreshes costs one request. Failed loads are not cached.
 */
export interface TtlCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export function createTtlCache<T>(ttlMs: number, now: () => number): TtlCache<T> {
  const fresh = new Map<string, { value: T; expiresAt: number }>();
  const loading = new Map<string, Promise<T>>();
  return {
    get(key, load) {
      const hit = fresh.get(key);
      if (hit !== undefined && now() < hit.expiresAt) return Promise.resolve(hit.value);
      const inFlight = loading.get(key);
      if (inFlight !== undefined) return inFlight;
      const pending = load().then(
        (value) => {
          loading.delete(key);
          if (ttlMs > 0) fresh.set(key, { value, expiresAt: now() + ttlMs });
          return value;
        },
        (error: unknown) => {
          loading.delete(key);
          throw error;
        },
      );
      loading.set(key, pending);
      return pending;
    },
    clear() {
      fresh.clear();
      loading.clear();
    },
  };
}
