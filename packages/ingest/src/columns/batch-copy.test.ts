// The calling thread's copy of a worker batch: codes through the worker's map (empty cells stay -1), lines shifted,
// and the target arrays fresh per batch or the same again with reuse (grown when a batch is longer, replaced when a
// consumer transferred them away).
import { describe, expect, it } from 'vitest';
import { BatchArrays, remapInto, shiftInto } from './batch-copy.js';

describe('batch copy', () => {
  it('remaps codes through the map into the target, leaving empty cells (-1) and the source as they were', () => {
    const source = Int32Array.of(2, -1, 0, 1, 2, 9);
    const target = new Int32Array(5);
    // Worker code 0 → merged 7, 1 → 3, 2 → 0; the sixth code is past the target's length and is not read.
    remapInto(source, Int32Array.of(7, 3, 0), target);
    expect(Array.from(target)).toEqual([0, -1, 7, 3, 0]);
    expect(Array.from(source)).toEqual([2, -1, 0, 1, 2, 9]);
  });

  it('shifts lines into the target', () => {
    const target = new Int32Array(3);
    shiftInto(Int32Array.of(2, 3, 5, 8), 100, target);
    expect(Array.from(target)).toEqual([102, 103, 105]);
  });

  it('gives fresh arrays per batch, or with reuse the same storage (grown, or replaced once detached)', () => {
    const fresh = new BatchArrays(false);
    expect(fresh.int32('a', 4).buffer).not.toBe(fresh.int32('a', 4).buffer);
    const reused = new BatchArrays(true);
    const first = reused.int32('a', 4);
    expect(reused.int32('a', 3).buffer).toBe(first.buffer);
    expect(reused.int32('a', 3).length).toBe(3);
    expect(reused.float64('a', 2).buffer).not.toBe(first.buffer);
    const grown = reused.int32('a', 5);
    expect(grown.length).toBe(5);
    expect(grown.buffer).not.toBe(first.buffer);
    structuredClone(grown, { transfer: [grown.buffer as ArrayBuffer] });
    const after = reused.int32('a', 5);
    expect([after.length, after.buffer.byteLength > 0]).toEqual([5, true]);
    for (const array of [first, grown, after, fresh.float64('b', 1)])
      expect(array.buffer instanceof SharedArrayBuffer).toBe(false);
  });
});
