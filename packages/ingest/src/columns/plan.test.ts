// The chunks of a parallel read: contiguous, covering the data area once, full-size chunks first and quarter-size
// ones over the last four chunks' bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from './parallel.js';

describe('plan', () => {
  it('cuts the data area into contiguous chunks, the last four chunks worth in quarters (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(200_000),
        // Chunks of at least 1 KiB (the reader's smallest step): at most a few hundred tasks a run, not 200,000.
        fc.integer({ min: 1 << 10, max: 40_000 }),
        (dataStart, length, size) => {
          const fileSize = dataStart + length;
          const minimum = 1 << 10;
          const tasks = plan(dataStart, fileSize, size, minimum);
          const tail = Math.max(minimum, Math.floor(size / 4));
          let at = dataStart;
          tasks.forEach((task, index) => {
            expect(task.index).toBe(index);
            expect(task.start).toBe(at);
            expect(task.end).toBeGreaterThan(task.start);
            // A full chunk while more than four remain after its start, else a quarter one (the last may be short).
            const expected = fileSize - task.start > 4 * size ? size : tail;
            expect(task.end - task.start).toBe(Math.min(expected, fileSize - task.start));
            at = task.end;
          });
          expect(at).toBe(Math.max(dataStart, fileSize));
          if (length === 0) expect(tasks).toEqual([]);
        },
      ),
    );
  });

  it('cuts the 915 MB bench file in 32 MiB chunks into 24 full chunks and 14 quarter ones', () => {
    // 914,859,984 data bytes: 24 full chunks leave 109,553,616 bytes (under 4 × 32 MiB), 13.06 quarters of 8 MiB.
    const size = 32 << 20;
    const tasks = plan(69, 914_860_053, size);
    expect(tasks.filter((t) => t.end - t.start === size)).toHaveLength(24);
    expect(tasks.slice(24).every((t) => t.end - t.start <= size / 4)).toBe(true);
    expect(tasks).toHaveLength(38);
  });
});
