import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InstantContext, instantError, parseEpochBytes, parseInstantBytes } from './instant-bytes.js';

const at = (text: string, context: Partial<InstantContext> = {}): string => {
  const bytes = Buffer.from(text, 'utf8');
  const ms = parseInstantBytes(bytes, 0, bytes.length, {
    timeZone: undefined,
    disambiguation: 'reject',
    ...context,
  });
  return Number.isNaN(ms) ? instantError.code : new Date(ms).toISOString();
};
const warsaw = (text: string, disambiguation: InstantContext['disambiguation'] = 'reject'): string =>
  at(text, { timeZone: 'Europe/Warsaw', disambiguation });
const newYork = (text: string, disambiguation: InstantContext['disambiguation'] = 'reject'): string =>
  at(text, { timeZone: 'America/New_York', disambiguation });

describe('parseInstantBytes', () => {
  it('reads offsets and Z in the forms exports use', () => {
    expect(at('2024-06-01T10:00:00Z')).toBe('2024-06-01T10:00:00.000Z');
    expect(at('2024-06-01 10:00:00 +0200')).toBe('2024-06-01T08:00:00.000Z'); // Shopify
    expect(at('2024-06-01T09:58:11.000+0000')).toBe('2024-06-01T09:58:11.000Z'); // Salesforce
    expect(at('2024-06-01T10:00:00-05:30')).toBe('2024-06-01T15:30:00.000Z');
    expect(at('2024-06-01T10:00:00.123456789Z')).toBe('2024-06-01T10:00:00.123Z'); // truncated to ms
  });

  it('needs a time zone for local times, and reads them in it', () => {
    expect(at('2024-01-31 23:30')).toBe('missing_time_zone');
    // 23:30 on 31 January in Warsaw (CET, UTC+1) is 22:30 UTC: still January.
    expect(warsaw('2024-01-31 23:30')).toBe('2024-01-31T22:30:00.000Z');
    expect(warsaw('2024-07-01')).toBe('2024-06-30T22:00:00.000Z'); // a date is its local midnight (CEST, UTC+2)
  });

  it('rejects or resolves the DST gap and overlap in Europe/Warsaw', () => {
    // Spring forward 2024-03-31: 02:00 CET → 03:00 CEST, so 02:30 does not exist.
    expect(warsaw('2024-03-31 02:30')).toBe('nonexistent_local_time');
    expect(warsaw('2024-03-31 02:30', 'compatible')).toBe('2024-03-31T01:30:00.000Z'); // = 03:30 CEST
    expect(warsaw('2024-03-31 02:30', 'later')).toBe('2024-03-31T01:30:00.000Z');
    expect(warsaw('2024-03-31 02:30', 'earlier')).toBe('2024-03-31T00:30:00.000Z'); // = 01:30 CET
    // Fall back 2024-10-27: 03:00 CEST → 02:00 CET, so 02:30 happens twice.
    expect(warsaw('2024-10-27 02:30')).toBe('ambiguous_local_time');
    expect(warsaw('2024-10-27 02:30', 'earlier')).toBe('2024-10-27T00:30:00.000Z'); // CEST, UTC+2
    expect(warsaw('2024-10-27 02:30', 'later')).toBe('2024-10-27T01:30:00.000Z'); // CET, UTC+1
    expect(warsaw('2024-10-27 02:30', 'compatible')).toBe('2024-10-27T00:30:00.000Z');
    expect(warsaw('2024-10-27 03:30')).toBe('2024-10-27T02:30:00.000Z');
  });

  it('rejects or resolves the DST gap and overlap in America/New_York', () => {
    // 2024-03-10: 02:00 EST → 03:00 EDT.
    expect(newYork('2024-03-10 02:30')).toBe('nonexistent_local_time');
    expect(newYork('2024-03-10 02:30', 'compatible')).toBe('2024-03-10T07:30:00.000Z'); // = 03:30 EDT
    expect(newYork('2024-03-10 01:59:59')).toBe('2024-03-10T06:59:59.000Z');
    // 2024-11-03: 02:00 EDT → 01:00 EST, so 01:30 happens twice.
    expect(newYork('2024-11-03 01:30')).toBe('ambiguous_local_time');
    expect(newYork('2024-11-03 01:30', 'earlier')).toBe('2024-11-03T05:30:00.000Z'); // EDT, UTC−4
    expect(newYork('2024-11-03 01:30', 'later')).toBe('2024-11-03T06:30:00.000Z'); // EST, UTC−5
  });

  it('rejects impossible dates and other text', () => {
    expect(at('2024-02-30T00:00:00Z')).toBe('invalid_date');
    expect(at('2023-02-29T00:00:00Z')).toBe('invalid_date');
    expect(at('2024-01-01T24:00:00Z')).toBe('invalid_date');
    for (const text of [
      '1',
      '2024-1-1',
      '01/02/2024',
      '2024-01-01T10',
      '2024-01-01T10:00Zx',
      'not a time',
      '2024-01-01T10:00:00+25:00',
    ])
      expect(at(text), text).toBe('invalid_instant');
  });

  it('agrees with Date.prototype.toISOString on any instant from 1600 to 2600 (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1600-01-01T00:00:00Z'),
          max: new Date('2600-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(at(date.toISOString())).toBe(date.toISOString());
        },
      ),
    );
  });
});

describe('parseEpochBytes', () => {
  const epoch = (text: string, unit: 's' | 'ms' | 'us'): string => {
    const bytes = Buffer.from(text);
    const ms = parseEpochBytes(bytes, 0, bytes.length, unit);
    return Number.isNaN(ms) ? instantError.code : new Date(ms).toISOString();
  };
  it('reads declared units only, as integers', () => {
    expect(epoch('1717236000', 's')).toBe('2024-06-01T10:00:00.000Z');
    expect(epoch('1717236000123', 'ms')).toBe('2024-06-01T10:00:00.123Z');
    expect(epoch('1717236000123456', 'us')).toBe('2024-06-01T10:00:00.123Z'); // GA4 event_timestamp
    expect(epoch('1717236000.5', 's')).toBe('invalid_instant');
    expect(epoch('0x10', 's')).toBe('invalid_instant');
    expect(epoch('9999999999999', 's')).toBe('out_of_range'); // year 318857 is past the Date range
    expect(epoch('99999999999999999', 's')).toBe('invalid_instant'); // not a safe integer
  });
});
