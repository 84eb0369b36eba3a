// The tokenizer reads nothing past `end`: the driver tokenizes its carry buffer, whose bytes after `end` are left
// over from earlier records. Found by the parallel records property test: a last record ending in `"""` (a doubled
// quote, then the closing one) with no line break after it was read as an unclosed quote when the byte after the
// input was a leftover quote, so the same file gave different dead letters for different `chunkBytes`
// (`test/parallel-records.test.ts`, seed -1196639337).
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './tokenizer.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The records of `text` tokenized at the end of the input, with `stale` in the buffer after it. */
function records(text: string, stale: string): Array<{ count: number; error: number; consumed: number }> {
  const data = bytes(text);
  const buffer = new Uint8Array(data.length + 8).fill(stale.charCodeAt(0));
  buffer.set(data);
  const t = new CsvTokenizer(44);
  t.reset(buffer, 0, data.length, true);
  const out: Array<{ count: number; error: number; consumed: number }> = [];
  while (t.next()) out.push({ count: t.count, error: t.error, consumed: t.consumed });
  return out;
}

describe('CsvTokenizer at the end of the input', () => {
  it('a closing quote as the last byte closes the field whatever follows in the buffer', () => {
    // a,"x""y" : two fields, no error, all 8 bytes consumed.
    for (const stale of ['"', '\n', 'z'])
      expect(records('a,"x""y"', stale)).toStrictEqual([{ count: 2, error: 0, consumed: 8 }]);
  });

  it('a CR as the last byte ends the record there, not one byte later', () => {
    for (const stale of ['\n', 'z']) {
      expect(records('a,b\r', stale)).toStrictEqual([{ count: 2, error: 0, consumed: 4 }]);
      expect(records('a,b\n\r', stale)).toStrictEqual([{ count: 2, error: 0, consumed: 4 }]);
    }
  });
});
