/**
 * Spare `ArrayBuffer`s for the batch arrays of the worker path (internal). With `reuseBatches`, a worker hands out
 * the storage its columns were written in (no copy into a fresh array) and takes the next batch's storage from
 * here; the calling thread transfers each batch's buffers back once its consumer has asked for the next batch. Fresh
 * memory costs page faults and collections on both threads, a copy costs a pass over the batch: this avoids both.
 */
export class ArrayPool {
  readonly #spare: ArrayBuffer[] = [];
  readonly #limit: number;

  /** @param limit - Buffers kept at most (more given back are dropped, so memory stays bounded). */
  constructor(limit = 64) {
    this.#limit = limit;
  }

  /** Buffers waiting to be used. */
  get size(): number {
    return this.#spare.length;
  }

  /** A spare buffer of at least `bytes` bytes (taken from the pool), or `undefined`. */
  #take(bytes: number): ArrayBuffer | undefined {
    const spare = this.#spare;
    for (let i = spare.length - 1; i >= 0; i--) {
      const buffer = spare[i] as ArrayBuffer;
      if (buffer.byteLength >= bytes) {
        spare[i] = spare[spare.length - 1] as ArrayBuffer;
        spare.pop();
        return buffer;
      }
    }
    return undefined;
  }

  /** Storage for at least `length` 32-bit integers: a spare buffer whole, or a fresh array. */
  int32(length: number): Int32Array {
    const buffer = this.#take(length * 4);
    return buffer === undefined ? new Int32Array(length) : new Int32Array(buffer, 0, buffer.byteLength >>> 2);
  }

  /** Storage for at least `length` doubles: a spare buffer whole, or a fresh array. */
  float64(length: number): Float64Array {
    const buffer = this.#take(length * 8);
    return buffer === undefined
      ? new Float64Array(length)
      : new Float64Array(buffer, 0, buffer.byteLength >>> 3);
  }

  /** Gives buffers back (their contents are overwritten by later batches). */
  give(buffers: readonly ArrayBuffer[]): void {
    for (const buffer of buffers) {
      if (this.#spare.length >= this.#limit) return;
      if (buffer.byteLength > 0) this.#spare.push(buffer);
    }
  }
}
