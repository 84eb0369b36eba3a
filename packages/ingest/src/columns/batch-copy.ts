/**
 * The calling thread's copy of a batch a worker read (internal). A worker writes its batches in shared storage that
 * it uses again (see `array-pool.ts`); the calling thread copies each batch out, into arrays of its own, in the pass
 * that makes the batch the file's anyway: dictionary codes through the map from the worker's dictionary to the
 * merged one, lines shifted by the lines before the worker's chunk. So a batch handed out is never shared with a
 * worker, and its arrays are ordinary ones (`ArrayBuffer`, not `SharedArrayBuffer`).
 */

/**
 * The arrays the copies are written to: fresh ones per batch (the batch is the consumer's), or with `reuse`
 * (`reuseBatches`) the same arrays again, grown as needed, so that a batch is valid until the next is asked for,
 * as on one thread.
 */
export class BatchArrays {
  readonly #reuse: boolean;
  readonly #ints = new Map<string, Int32Array>();
  readonly #floats = new Map<string, Float64Array>();

  /** @param reuse - Hand out the same storage for every batch (`reuseBatches`). */
  constructor(reuse: boolean) {
    this.#reuse = reuse;
  }

  /** An array of `length` integers for `key` (a field, or the lines). */
  int32(key: string, length: number): Int32Array {
    if (!this.#reuse) return new Int32Array(length);
    let storage = this.#ints.get(key);
    if (storage === undefined || storage.length < length) {
      storage = new Int32Array(Math.max(length, 2 * (storage?.length ?? 0)));
      this.#ints.set(key, storage);
    }
    return storage.subarray(0, length);
  }

  /** An array of `length` doubles for `key`. */
  float64(key: string, length: number): Float64Array {
    if (!this.#reuse) return new Float64Array(length);
    let storage = this.#floats.get(key);
    if (storage === undefined || storage.length < length) {
      storage = new Float64Array(Math.max(length, 2 * (storage?.length ?? 0)));
      this.#floats.set(key, storage);
    }
    return storage.subarray(0, length);
  }
}

/**
 * Writes `source`'s first `target.length` dictionary codes to `target` through `map` (a code `c ≥ 0` becomes
 * `map[c]`; `-1`, an empty cell, stays).
 */
export function remapInto(source: Int32Array, map: Int32Array, target: Int32Array): void {
  for (let i = 0; i < target.length; i++) {
    const v = source[i] as number;
    target[i] = v >= 0 ? (map[v] as number) : v;
  }
}

/** Writes `source`'s first `target.length` lines to `target`, each plus `shift`. */
export function shiftInto(source: Int32Array, shift: number, target: Int32Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (source[i] as number) + shift;
}
