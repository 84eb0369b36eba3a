/**
 * Spare buffers for the batch arrays of the worker path (internal). A worker's reader hands out the storage its
 * columns were written in (no copy into a fresh array) and takes the next batch's storage from here; the calling
 * thread gives a batch's buffers back once it has copied the batch out (remapping its codes and lines as it copies).
 * Fresh memory costs page faults and collections, a copy costs a pass over the batch: this avoids both in the worker.
 *
 * A worker's pool is `shared`: its storage lives in `SharedArrayBuffer`s, which `postMessage` shares with the
 * calling thread instead of moving them. Moving (transferring) a buffer detaches it, and the first detach in a
 * thread makes V8 drop an assumption its optimized code relies on for every typed-array access (the
 * "ArrayBufferDetaching" protector): from then on that thread's reader runs about a sixth slower, for good (workers
 * are kept between reads). Shared buffers are never detached.
 */
export class ArrayPool {
  readonly #spare: ArrayBufferLike[] = [];
  readonly #limit: number;
  readonly #shared: boolean;

  /**
   * @param limit - Buffers kept at most (more given back are dropped, so memory stays bounded).
   * @param shared - Fresh storage is a `SharedArrayBuffer` (and only those are kept when given back).
   */
  constructor(limit = 64, shared = false) {
    this.#limit = limit;
    this.#shared = shared;
  }

  /** Buffers waiting to be used. */
  get size(): number {
    return this.#spare.length;
  }

  /** Whether fresh storage is shared. */
  get shared(): boolean {
    return this.#shared;
  }

  /** A spare buffer of at least `bytes` bytes (taken from the pool), or `undefined`. */
  #take(bytes: number): ArrayBufferLike | undefined {
    const spare = this.#spare;
    for (let i = spare.length - 1; i >= 0; i--) {
      const buffer = spare[i] as ArrayBufferLike;
      if (buffer.byteLength >= bytes) {
        spare[i] = spare[spare.length - 1] as ArrayBufferLike;
        spare.pop();
        return buffer;
      }
    }
    return undefined;
  }

  /** Fresh storage of `bytes` bytes. */
  #fresh(bytes: number): ArrayBufferLike {
    return this.#shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  }

  /** Storage for at least `length` 32-bit integers: a spare buffer whole, or a fresh one. */
  int32(length: number): Int32Array {
    const buffer = this.#take(length * 4) ?? this.#fresh(length * 4);
    return new Int32Array(buffer, 0, buffer.byteLength >>> 2);
  }

  /** Storage for at least `length` doubles: a spare buffer whole, or a fresh one. */
  float64(length: number): Float64Array {
    const buffer = this.#take(length * 8) ?? this.#fresh(length * 8);
    return new Float64Array(buffer, 0, buffer.byteLength >>> 3);
  }

  /** Drops every spare buffer (their memory goes back once nothing else holds them). */
  clear(): void {
    this.#spare.length = 0;
  }

  /**
   * Gives buffers back (their contents are overwritten by later batches). Empty (detached) buffers are dropped, and
   * so are unshared ones in a shared pool (a copy that `postMessage` made of storage that outgrew the pool's).
   */
  give(buffers: readonly ArrayBufferLike[]): void {
    for (const buffer of buffers) {
      if (this.#spare.length >= this.#limit) return;
      if (buffer.byteLength > 0 && (!this.#shared || buffer instanceof SharedArrayBuffer))
        this.#spare.push(buffer);
    }
  }
}
