// Two classes rather than one generic over the array type, on purpose: each `push` call site in the CSV readers and
// builders then sees a single array kind and stays monomorphic, which V8 compiles to a plain store in hot loops.

/** A typed array that doubles its capacity as values are appended (internal). */
export class GrowableInt32 {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  append(values: Int32Array, count: number): void {
    this.reserve(this.length + count);
    this.data.set(count === values.length ? values : values.subarray(0, count), this.length);
    this.length += count;
  }

  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    let next = this.data.length * 2;
    while (next < capacity) next *= 2;
    const grown = new Int32Array(next);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  /** The filled part, trimmed to a fresh array of exactly `length` values. */
  toArray(): Int32Array {
    return this.data.length === this.length ? this.data : this.data.slice(0, this.length);
  }
}

/** A Float64Array that doubles its capacity as values are appended (internal). */
export class GrowableFloat64 {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  append(values: Float64Array, count: number): void {
    this.reserve(this.length + count);
    this.data.set(count === values.length ? values : values.subarray(0, count), this.length);
    this.length += count;
  }

  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    let next = this.data.length * 2;
    while (next < capacity) next *= 2;
    const grown = new Float64Array(next);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  toArray(): Float64Array {
    return this.data.length === this.length ? this.data : this.data.slice(0, this.length);
  }
}
