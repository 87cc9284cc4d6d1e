// Helpers for reading untrusted JSON. JSON.parse itself is safe (a "__proto__" key becomes an own
// property), the danger is copying keys into ordinary objects, so everything we keep goes into
// null-prototype objects or Maps.

export type JsonRecord = { readonly [key: string]: unknown };

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createDictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function ownEntries(record: JsonRecord): Array<[string, unknown]> {
  return Object.keys(record).map((key) => [key, record[key]]);
}

export function hasOwn(record: JsonRecord, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Own property or undefined: never falls through to Object.prototype ("constructor", "toString"). */
export function ownValue(record: JsonRecord, key: string): unknown {
  return hasOwn(record, key) ? record[key] : undefined;
}
