// The calling thread's passes over a worker batch: codes through the worker's map (empty cells stay -1), lines
// shifted, into a copy or in place.
import { describe, expect, it } from 'vitest';
import { remapInto, shiftInto } from './batch-copy.js';

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

  it('remaps and shifts in place (target = source), as for a batch handed out on its worker storage', () => {
    const codes = Int32Array.of(1, -1, 0, 1);
    remapInto(codes, Int32Array.of(5, 2), codes);
    expect(Array.from(codes)).toEqual([2, -1, 5, 2]);
    const lines = Int32Array.of(2, 3, 9);
    shiftInto(lines, 10, lines);
    expect(Array.from(lines)).toEqual([12, 13, 19]);
  });
});
