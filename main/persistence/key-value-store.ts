/** The slice of electron-store the services use, so they can be tested against a Map (testing/memory-store.ts). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}
