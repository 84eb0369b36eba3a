// Two classes rather than one generic over the array type, on purpose: each `push` call site in the CSV readers and
// builders then sees a single array kind and stays monomorphic, which V8 compiles to a plain store in hot loops.

/**
 * An `Int32Array` that doubles its capacity as values are appended: the way to gather the batches of
 * {@link readColumns} (or any stream of integers) into one column without a JS array in between.
 *
 * @throws `RangeError` (from the typed array) when the capacity grows beyond what the engine can allocate.
 * @example
 * ```ts
 * import { GrowableInt32 } from '@cx/ingest';
 * const column = new GrowableInt32(2);
 * column.push(7);
 * column.append(Int32Array.of(1, 2, 3), 2);
 * console.log(Array.from(column.toArray())); // [ 7, 1, 2 ]
 * ```
 * @category Columns
 * @since 0.1.0
 */
export class GrowableInt32 {
  /** The storage; values `[0, length)` are filled. */
  data: Int32Array;
  /** Values appended so far. */
  length = 0;

  /**
   * Makes an empty array.
   *
   * @param capacity - Values to make room for at first (at least 16). Default 1024.
   */
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  /**
   * Appends one value.
   *
   * @param value - An integer (stored as a 32-bit integer, as `Int32Array` stores it).
   */
  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  /**
   * Appends the first `count` values of an array.
   *
   * @param values - The values.
   * @param count - How many of them, from the start.
   */
  append(values: Int32Array, count: number): void {
    this.reserve(this.length + count);
    this.data.set(count === values.length ? values : values.subarray(0, count), this.length);
    this.length += count;
  }

  /**
   * Makes room for `capacity` values in all (doubling), keeping the values appended.
   *
   * @param capacity - The capacity needed.
   */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    let next = this.data.length * 2;
    while (next < capacity) next *= 2;
    const grown = new Int32Array(next);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  /**
   * The filled part.
   *
   * @returns The storage itself when it is exactly full, else a fresh array of exactly `length` values.
   */
  toArray(): Int32Array {
    return this.data.length === this.length ? this.data : this.data.slice(0, this.length);
  }
}

/**
 * A `Float64Array` that doubles its capacity as values are appended (instants as epoch milliseconds, numbers); see
 * {@link GrowableInt32}.
 *
 * @throws `RangeError` (from the typed array) when the capacity grows beyond what the engine can allocate.
 * @example
 * ```ts
 * import { GrowableFloat64 } from '@cx/ingest';
 * const column = new GrowableFloat64();
 * column.push(1.5);
 * column.append(Float64Array.of(2.5, Number.NaN), 2);
 * console.log(Array.from(column.toArray())); // [ 1.5, 2.5, NaN ]
 * ```
 * @category Columns
 * @since 0.1.0
 */
export class GrowableFloat64 {
  /** The storage; values `[0, length)` are filled. */
  data: Float64Array;
  /** Values appended so far. */
  length = 0;

  /**
   * Makes an empty array.
   *
   * @param capacity - Values to make room for at first (at least 16). Default 1024.
   */
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }

  /**
   * Appends one value.
   *
   * @param value - A number.
   */
  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  /**
   * Appends the first `count` values of an array.
   *
   * @param values - The values.
   * @param count - How many of them, from the start.
   */
  append(values: Float64Array, count: number): void {
    this.reserve(this.length + count);
    this.data.set(count === values.length ? values : values.subarray(0, count), this.length);
    this.length += count;
  }

  /**
   * Makes room for `capacity` values in all (doubling), keeping the values appended.
   *
   * @param capacity - The capacity needed.
   */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    let next = this.data.length * 2;
    while (next < capacity) next *= 2;
    const grown = new Float64Array(next);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  /**
   * The filled part.
   *
   * @returns The storage itself when it is exactly full, else a fresh array of exactly `length` values.
   */
  toArray(): Float64Array {
    return this.data.length === this.length ? this.data : this.data.slice(0, this.length);
  }
}
