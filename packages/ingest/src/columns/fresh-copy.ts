/**
 * A fresh `Int32Array` of the first `n` values of `src`: what `src.slice(0, n)` gives (an array of its own, exactly
 * `n` values, at offset 0 of its buffer), in memory that is not zeroed before the copy overwrites it (internal): the
 * column path hands out a fresh array per column and batch, and zeroing each was a share of the read.
 */
export function copyInt32(src: Int32Array, n: number): Int32Array {
  const bytes = Buffer.allocUnsafeSlow(4 * n);
  const out = new Int32Array(bytes.buffer, bytes.byteOffset, n);
  out.set(src.subarray(0, n));
  return out;
}

/** The `Float64Array` of {@link copyInt32} (internal). */
export function copyFloat64(src: Float64Array, n: number): Float64Array {
  const bytes = Buffer.allocUnsafeSlow(8 * n);
  const out = new Float64Array(bytes.buffer, bytes.byteOffset, n);
  out.set(src.subarray(0, n));
  return out;
}
