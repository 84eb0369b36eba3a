// A file's chunks come from buffers used in turn, the next chunk read ahead: each chunk keeps its bytes until the
// next-but-one chunk is asked for (what readers rely on), and a read left early closes the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteChunks } from './input.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-ingest-chunks-'));
/** 10,000 bytes, byte i = i mod 251 (no chunk of 1,024 bytes repeats another). */
const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => i % 251);
const path = join(dir, 'bytes.bin');
writeFileSync(path, bytes);

describe('byteChunks of a file', () => {
  it('gives the file in order, each chunk intact until the next-but-one is asked for', async () => {
    const seen: Uint8Array[] = [];
    let at = 0;
    for await (const chunk of byteChunks({ path }, 1024, undefined)) {
      // The previous chunk is still intact now that this one came (and the next one is being read).
      const previous = seen.at(-1);
      if (previous !== undefined) expect(previous).toEqual(bytes.subarray(at - previous.length, at));
      expect(chunk).toEqual(bytes.subarray(at, at + chunk.length));
      seen.push(chunk);
      at += chunk.length;
    }
    expect(at).toBe(bytes.length);
    expect(seen.length).toBe(10);
  });

  it('closes the file when the caller stops early, with a read ahead still running', async () => {
    const before = await openHandles();
    for await (const chunk of byteChunks({ path }, 1024, undefined)) {
      expect(chunk[0]).toBe(0);
      break;
    }
    expect(await openHandles()).toBe(before);
  });
});

/** Open file descriptors of this process pointing at the test file. */
async function openHandles(): Promise<number> {
  const { readdir, readlink } = await import('node:fs/promises');
  let n = 0;
  for (const fd of await readdir('/proc/self/fd')) {
    try {
      if ((await readlink(`/proc/self/fd/${fd}`)) === path) n++;
    } catch {
      // closed meanwhile
    }
  }
  return n;
}
