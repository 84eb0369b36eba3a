import { describe, expect, it } from 'vitest';
import { addMonths } from './months.js';

const at = (iso: string) => new Date(iso).getTime();

describe('addMonths', () => {
  it('keeps the day and time of day, clamped to the last day of a shorter month (hand-checked dates)', () => {
    expect(addMonths(at('2024-01-31T10:15:00.000Z'), 1)).toBe(at('2024-02-29T10:15:00.000Z')); // leap year
    expect(addMonths(at('2023-01-31T10:15:00.000Z'), 1)).toBe(at('2023-02-28T10:15:00.000Z'));
    expect(addMonths(at('2024-03-31T23:59:59.999Z'), 1)).toBe(at('2024-04-30T23:59:59.999Z'));
    expect(addMonths(at('2024-01-15T00:00:00.000Z'), 13)).toBe(at('2025-02-15T00:00:00.000Z'));
    expect(addMonths(at('2024-05-31T08:00:00.000Z'), -3)).toBe(at('2024-02-29T08:00:00.000Z'));
    expect(addMonths(at('2024-07-01T00:00:00.000Z'), 0)).toBe(at('2024-07-01T00:00:00.000Z'));
  });
});
