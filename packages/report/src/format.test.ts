import { describe, expect, it } from 'vitest';
import { formatCount, formatLevel, formatNumber, formatPercent, formatRange } from './format.js';

describe('number formats', () => {
  it('writes counts with separators, a true minus sign and no negative zero', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatNumber(-12.34)).toBe('\u221212.3');
    expect(formatNumber(-0.04)).toBe('0.0');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('writes shares in percent', () => {
    expect(formatPercent(0.7241)).toBe('72.4\u202F%');
    expect(formatPercent(0.5, 0)).toBe('50\u202F%');
    expect(formatPercent(undefined)).toBe('–');
    expect(formatLevel(0.95)).toBe('95\u202F%');
    expect(formatLevel(0.999)).toBe('99.9\u202F%');
    expect(formatRange(0.1, 0.2, (v) => formatPercent(v))).toBe('10.0\u202F% to 20.0\u202F%');
    expect(formatRange(null, 0.2, (v) => formatPercent(v))).toBe('–');
  });
});
