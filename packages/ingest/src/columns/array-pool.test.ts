// The worker path's pool of batch buffers: storage of at least the size asked for, a given-back buffer used again
// whole, and no more buffers kept than its limit.
import { describe, expect, it } from 'vitest';
import { ArrayPool } from './array-pool.js';

describe('ArrayPool', () => {
  it('gives fresh storage of the length asked for while it holds no buffer', () => {
    const pool = new ArrayPool();
    const ints = pool.int32(10);
    const floats = pool.float64(3);
    expect([ints.length, floats.length]).toEqual([10, 3]);
    expect(ints.buffer).not.toBe(floats.buffer);
  });

  it('uses a given-back buffer whole when it is large enough, and fresh storage when none is', () => {
    const pool = new ArrayPool();
    const big = new ArrayBuffer(8 * 100);
    const small = new ArrayBuffer(4 * 8);
    pool.give([big, small]);
    // 40 doubles need 320 bytes: only the big buffer holds them; all of it becomes the array (100 doubles).
    const floats = pool.float64(40);
    expect(floats.buffer).toBe(big);
    expect(floats.length).toBe(100);
    // 9 integers need 36 bytes: the small buffer (32 bytes) is too small, so the array is fresh.
    const ints = pool.int32(9);
    expect(ints.buffer).not.toBe(small);
    expect(ints.length).toBe(9);
    expect(pool.size).toBe(1);
    // 8 integers fit the small buffer exactly.
    expect(pool.int32(8).buffer).toBe(small);
    expect(pool.size).toBe(0);
  });

  it('keeps at most its limit of buffers, and no detached (empty) ones', () => {
    const pool = new ArrayPool(3);
    pool.give([new ArrayBuffer(0), ...Array.from({ length: 5 }, () => new ArrayBuffer(64))]);
    expect(pool.size).toBe(3);
  });

  it('in a shared pool, gives SharedArrayBuffer storage and keeps only shared buffers given back', () => {
    const pool = new ArrayPool(8, true);
    const ints = pool.int32(4);
    expect(ints.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(pool.float64(2).buffer).toBeInstanceOf(SharedArrayBuffer);
    pool.give([new ArrayBuffer(64), ints.buffer]);
    expect(pool.size).toBe(1);
    expect(pool.int32(4).buffer).toBe(ints.buffer);
    pool.give([ints.buffer]);
    pool.clear();
    expect(pool.size).toBe(0);
  });
});
