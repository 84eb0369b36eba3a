/**
 * The value of an object's own property, or `undefined` when the object does not have it as its own: inherited
 * members (`constructor`, `toString`, `__proto__` …) are never read as data (internal).
 *
 * @param record - A record of values, e.g. an interaction's `properties`.
 * @param key - The key.
 * @returns The own value, or `undefined`.
 */
export function ownValue(record: object | null | undefined, key: string): unknown {
  if (record === null || record === undefined || !Object.hasOwn(record, key)) return undefined;
  return (record as Record<string, unknown>)[key];
}
