/**
 * The passes that make a batch a worker read the file's (internal): dictionary codes through the map from the
 * worker's dictionary to the merged one, lines shifted by the lines before the worker's chunk. A worker writes its
 * batches in shared storage that it uses again (see `array-pool.ts`). Without `reuseBatches` the calling thread
 * copies each batch out, into fresh arrays of the consumer's own, in these passes; with `reuseBatches` (the consumer
 * is done with a batch when it asks for the next) it runs them in place, on the worker's storage, and hands the
 * batch out there: `target` is then `source` itself.
 */

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
