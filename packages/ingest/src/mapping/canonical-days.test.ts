import { describe, expect, it } from 'vitest';
import { CanonicalDays, dateKey } from './canonical-days.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('dateKey', () => {
  it('is YYYYMMDD for ten digits and two dashes, -1 for anything else', () => {
    expect(dateKey(bytes('2024-01-31T10:00:00Z'), 0)).toBe(20240131);
    expect(dateKey(bytes('x,0000-01-01'), 2)).toBe(101);
    expect(dateKey(bytes('9999-12-31'), 0)).toBe(99991231);
    // Bytes just outside the digits ('/' is 47, ':' is 58) in every place, and other separators.
    for (let at = 0; at < 10; at++) {
      if (at === 4 || at === 7) continue;
      for (const c of ['/', ':', 'a', ' '])
        expect(dateKey(bytes(`${'2024-01-31'.slice(0, at)}${c}${'2024-01-31'.slice(at + 1)}`), 0)).toBe(-1);
    }
    expect(dateKey(bytes('2024/01/31'), 0)).toBe(-1);
    expect(dateKey(bytes('2024-01.31'), 0)).toBe(-1);
    expect(dateKey(bytes('20240-1-31'), 0)).toBe(-1);
  });
});

describe('CanonicalDays', () => {
  it('gives back the day stored for a key, NaN for a key not stored or replaced', () => {
    const days = new CanonicalDays();
    expect(days.get(20240131)).toBeNaN();
    days.set(20240131, Date.UTC(2024, 0, 31));
    days.set(20240130, Date.UTC(2024, 0, 30));
    expect(days.get(20240131)).toBe(Date.UTC(2024, 0, 31));
    expect(days.get(20240130)).toBe(Date.UTC(2024, 0, 30));
    expect(days.get(20230131)).toBeNaN();
    // 4,096 slots: of 5,000 distinct keys, some land on a slot taken; each key gives its own day or NaN.
    for (let k = 0; k < 5000; k++) days.set(10_000_000 + k, k);
    let kept = 0;
    for (let k = 0; k < 5000; k++) {
      const day = days.get(10_000_000 + k);
      if (!Number.isNaN(day)) {
        expect(day).toBe(k);
        kept++;
      }
    }
    expect(kept).toBeGreaterThan(2000);
    expect(kept).toBeLessThanOrEqual(4096);
  });
});
