import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstantBytes } from './parse-bytes.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const instant = (text: string): number => parseInstantBytes(bytes(text), 0, text.length);

describe('parseInstantBytes', () => {
  it('agrees with Date.parse on hand-picked instants', () => {
    // Reference: ECMAScript Date.parse (independent implementation of ISO 8601).
    for (const text of [
      '1970-01-01T00:00:00Z',
      '2000-02-29T23:59:59.999Z',
      '2024-12-31T12:00:00.5Z',
      '1900-03-01T00:00:00Z',
      '2026-03-29T01:30:00+02:00',
      '2026-03-29T01:30:00-05:30',
      '2026-03-29 01:30:00Z',
    ]) {
      expect(instant(text), text).toBe(Date.parse(text.replace(' ', 'T')));
    }
    expect(instant('1970-01-02T00:00:00Z')).toBe(86_400_000); // one day, by hand
  });

  it('agrees with Date.parse on any instant from 1600 to 2600', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1600-01-01T00:00:00Z'),
          max: new Date('2600-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const text = date.toISOString();
          expect(instant(text)).toBe(date.getTime());
        },
      ),
    );
  });

  it('rejects what is not a zoned instant', () => {
    for (const text of [
      '2026-02-30T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:00:00',
      '2026-01-01',
      '2026-01-01T00:00:00.Z',
      '2026-01-01T00:00:00Zx',
      'not a timestamp at all',
    ]) {
      expect(instant(text), text).toBeNaN();
    }
  });
});
