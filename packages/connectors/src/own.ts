/**
 * Reads a key of a lookup table or a vendor record only when it is the object's own property, so that a name
 * such as `constructor` or `toString` coming from data never finds `Object.prototype`'s function.
 *
 * @internal
 */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record !== null && record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Sets a key on a plain object as an own data property, so that a key `__proto__` coming from data is stored as a
 * property instead of replacing the object's prototype.
 *
 * @internal
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}
