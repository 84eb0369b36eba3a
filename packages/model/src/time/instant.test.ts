import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxOptionsError } from '../errors/options-error.js';
import { CxValidationError } from '../errors/validation-error.js';
import {
  createInstantReader,
  epochMsToInstant,
  instantIssue,
  instantToEpochMs,
  instantToEpochMsOrNaN,
  parseInstant,
} from './instant.js';
import { instantSchema } from './schemas.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    return error instanceof CxValidationError
      ? error.issues[0]?.code
      : `not a validation error: ${String(error)}`;
  }
  return undefined;
};

describe('the instant grammar', () => {
  it('reads Z, offsets in three spellings, T or space, optional seconds and fractions', () => {
    const at = Date.UTC(2024, 5, 1, 8, 0); // 10:00 in Warsaw summer time (+02:00)
    for (const text of [
      '2024-06-01T08:00:00Z',
      '2024-06-01T08:00Z',
      '2024-06-01 08:00:00Z',
      '2024-06-01T10:00:00+02:00',
      '2024-06-01T10:00:00+0200',
      '2024-06-01T10:00:00+02',
      '2024-06-01T03:30:00-04:30',
      '2024-06-01 10:00:00 +0200', // Shopify's order export: one space before the offset
      '2024-06-01 08:00 Z',
    ]) {
      expect(parseInstant(text), text).toBe(at);
    }
    // Digits past the millisecond are truncated (the representation is milliseconds).
    expect(parseInstant('2024-06-01T08:00:00.123987Z')).toBe(at + 123);
    expect(parseInstant('2024-06-01T08:00:00.5Z')).toBe(at + 500);
  });

  it('rejects what is not an instant, with a typed error and the offending character', () => {
    for (const text of [
      '1',
      '',
      'not a time',
      '2024-6-1',
      '2024-06-01T8:00Z',
      '2024-06-01T08:00:00ZZ',
      '+2024-06-01',
      '2024-06-01  08:00Z',
      '2024-06-01 08:00  +02:00',
      '2024-06-01 +02:00',
    ]) {
      expect(
        codeOf(() => parseInstant(text)),
        text,
      ).toBe('invalid_instant');
    }
    const issue = createInstantReader().issue('2024-06-01X08:00', { path: ['at'], line: 4, column: 10 });
    expect(issue).toMatchObject({ code: 'invalid_instant', path: ['at'], line: 4, column: 20 });
    expect(issue?.message).toContain('at character 11');
  });

  it('checks the calendar: no 30 February, no 29 February outside leap years, no hour 24, no second 60', () => {
    for (const text of [
      '2024-02-30T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z', // 1900 is not a leap year (divisible by 100, not by 400)
      '2024-04-31T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-00-10T00:00:00Z',
      '2024-06-01T24:00:00Z',
      '2024-06-01T23:60:00Z',
      '2024-06-01T23:59:60Z',
      '2024-06-01T10:00:00+19:00',
    ]) {
      expect(
        codeOf(() => parseInstant(text)),
        text,
      ).toBe('invalid_instant');
    }
    expect(parseInstant('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29)); // 2000 is (divisible by 400)
  });

  it('never reads a local time as UTC: without a time zone it is an error', () => {
    expect(codeOf(() => parseInstant('2024-01-31 23:30'))).toBe('invalid_instant');
    expect(() => parseInstant('2024-01-31 23:30')).toThrow(/timeZone/);
    // 23:30 on 31 January in Warsaw (+01:00) is 22:30 UTC: still January.
    expect(parseInstant('2024-01-31 23:30', { timeZone: 'Europe/Warsaw' })).toBe(
      Date.UTC(2024, 0, 31, 22, 30),
    );
    // A date alone is local midnight.
    expect(parseInstant('2024-07-01', { timeZone: 'Europe/Warsaw' })).toBe(Date.UTC(2024, 5, 30, 22));
    // An explicit offset wins over the time zone.
    expect(parseInstant('2024-01-31T23:30:00Z', { timeZone: 'Europe/Warsaw' })).toBe(
      Date.UTC(2024, 0, 31, 23, 30),
    );
  });

  // Transitions, from the IANA tz database: Europe/Warsaw springs forward on 2024-03-31 at 02:00 (to 03:00) and falls
  // back on 2024-10-27 at 03:00 (to 02:00); America/New_York on 2024-03-10 at 02:00 and 2024-11-03 at 02:00.
  it('rejects DST gaps and overlaps by default, in Warsaw and New York', () => {
    expect(codeOf(() => parseInstant('2024-03-31 02:30', { timeZone: 'Europe/Warsaw' }))).toBe(
      'nonexistent_local_time',
    );
    expect(codeOf(() => parseInstant('2024-10-27 02:30', { timeZone: 'Europe/Warsaw' }))).toBe(
      'ambiguous_local_time',
    );
    expect(codeOf(() => parseInstant('2024-03-10 02:30', { timeZone: 'America/New_York' }))).toBe(
      'nonexistent_local_time',
    );
    expect(codeOf(() => parseInstant('2024-11-03 01:30', { timeZone: 'America/New_York' }))).toBe(
      'ambiguous_local_time',
    );
  });

  it('resolves gaps and overlaps as Temporal does when asked', () => {
    const warsaw = (text: string, disambiguation: 'earlier' | 'later' | 'compatible') =>
      new Date(parseInstant(text, { timeZone: 'Europe/Warsaw', disambiguation })).toISOString();
    // Overlap 02:30: first in CEST (+02:00) = 00:30Z, then in CET (+01:00) = 01:30Z.
    expect(warsaw('2024-10-27 02:30', 'earlier')).toBe('2024-10-27T00:30:00.000Z');
    expect(warsaw('2024-10-27 02:30', 'later')).toBe('2024-10-27T01:30:00.000Z');
    expect(warsaw('2024-10-27 02:30', 'compatible')).toBe('2024-10-27T00:30:00.000Z');
    // Gap 02:30: "later" moves forward by the gap's hour (03:30 CEST = 01:30Z), "earlier" back (01:30 CET = 00:30Z).
    expect(warsaw('2024-03-31 02:30', 'later')).toBe('2024-03-31T01:30:00.000Z');
    expect(warsaw('2024-03-31 02:30', 'compatible')).toBe('2024-03-31T01:30:00.000Z');
    expect(warsaw('2024-03-31 02:30', 'earlier')).toBe('2024-03-31T00:30:00.000Z');
    const ny = (text: string, disambiguation: 'earlier' | 'later') =>
      new Date(parseInstant(text, { timeZone: 'America/New_York', disambiguation })).toISOString();
    expect(ny('2024-11-03 01:30', 'earlier')).toBe('2024-11-03T05:30:00.000Z'); // EDT −04:00
    expect(ny('2024-11-03 01:30', 'later')).toBe('2024-11-03T06:30:00.000Z'); // EST −05:00
  });

  it('reads epoch values only from a column declared to hold them', () => {
    expect(codeOf(() => parseInstant('1717236000'))).toBe('invalid_instant');
    expect(createInstantReader({ form: 'epoch-seconds' }).parse('1717236000')).toBe(1_717_236_000_000);
    expect(createInstantReader({ form: 'epoch-seconds' }).parse('1717236000.25')).toBe(1_717_236_000_250);
    expect(createInstantReader({ form: 'epoch-milliseconds' }).parse('-1000')).toBe(-1000);
    const ms = createInstantReader({ form: 'epoch-milliseconds' });
    for (const text of ['0x1A', '1e3', '12.5', '', ' 1', '1 ', '99999999999999999999']) {
      expect(Number.isNaN(ms.parseBytes(new TextEncoder().encode(text), 0, text.length)), text).toBe(true);
      expect(() => ms.parse(text), text).toThrow(CxValidationError);
    }
  });

  it('reads epoch microseconds as milliseconds without their last three digits (GA4 event_timestamp)', () => {
    const us = createInstantReader({ form: 'epoch-microseconds' });
    // 1717236000123456 µs = 2024-06-01T10:00:00.123456Z (1717236000 s is 2024-06-01T10:00:00Z, by date -d @1717236000)
    expect(us.parse('1717236000123456')).toBe(1_717_236_000_123);
    expect(us.parse('-1717236000123456')).toBe(-1_717_236_000_123);
    expect(us.parse('1000')).toBe(1);
    // 9999-12-31T23:59:59.999999Z is the last microsecond of the grammar's range; one more is out of it.
    expect(us.parse('253402300799999999')).toBe(253_402_300_799_999);
    expect(codeOf(() => us.parse('253402300800000000'))).toBe('invalid_instant');
    for (const text of [
      '999',
      '-999',
      '',
      '12.5',
      '1e15',
      ' 1000',
      '1000 ',
      '0x1000',
      '12345678901234567890',
    ])
      expect(Number.isNaN(us.parseBytes(new TextEncoder().encode(text), 0, text.length)), text).toBe(true);
  });

  it('reads an epoch number the same in each unit (property)', () => {
    const us = createInstantReader({ form: 'epoch-microseconds' });
    const ms = createInstantReader({ form: 'epoch-milliseconds' });
    const s = createInstantReader({ form: 'epoch-seconds' });
    fc.assert(
      fc.property(
        fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
        fc.integer({ min: 0, max: 999 }),
        (t, micro) => {
          const sign = t < 0 ? '-' : '';
          const abs = Math.abs(t);
          expect(ms.parse(String(t))).toBe(t);
          expect(us.parse(`${sign}${abs}${String(micro).padStart(3, '0')}`)).toBe(t);
          const seconds = `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
          expect(s.parse(seconds)).toBe(t);
        },
      ),
    );
  });

  it('checks its options', () => {
    expect(() => createInstantReader({ timeZone: 'Mars/Olympus' })).toThrow(CxOptionsError);
    expect(() => createInstantReader({ timezone: 'UTC' } as never)).toThrow(/did you mean "timeZone"/);
    expect(() => createInstantReader(null as never)).toThrow(CxOptionsError);
    expect(() => createInstantReader({ disambiguation: 'nearest' as never })).toThrow(CxOptionsError);
  });

  it('reads the same from bytes as from text (property)', () => {
    const reader = createInstantReader({ timeZone: 'Europe/Warsaw', disambiguation: 'compatible' });
    const encoder = new TextEncoder();
    const pieces = fc.tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 60 }),
      fc.constantFrom('', 'Z', '+01:00', '-0930', '+14', ':00', ':59.999', ':07.1234567Z', 'z', ' ', 'T'),
      fc.constantFrom('T', ' ', 't', '_'),
    );
    fc.assert(
      fc.property(pieces, ([y, m, d, h, min, tail, sep]) => {
        const p = (n: number, w: number) => String(n).padStart(w, '0');
        const text = `${p(y, 4)}-${p(m, 2)}-${p(d, 2)}${sep}${p(h, 2)}:${p(min, 2)}${tail}`;
        const bytes = encoder.encode(`xx${text}yy`);
        const fromBytes = reader.parseBytes(bytes, 2, 2 + text.length);
        const fromText = reader.issue(text) === null ? reader.parse(text) : Number.NaN;
        expect(Object.is(fromBytes, fromText)).toBe(true);
      }),
    );
  });
});

describe('the record form', () => {
  it('is exactly what instantSchema accepts (property)', () => {
    const candidates = fc.oneof(
      fc
        .date({ min: new Date(-62_167_219_200_000), max: new Date(253_402_300_799_999), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.constantFrom(
        '2024-02-30T00:00:00Z',
        '2024-06-01T10:00:00+02:00',
        '2024-06-01 10:00:00Z',
        '2024-06-01T10:00Z',
        '2024-06-01T10:00:00.1234567891Z',
        '2024-06-01T10:00:00z',
        '1',
        '2024-06-01',
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(candidates, (text) => {
        expect(instantSchema.safeParse(text).success).toBe(!Number.isNaN(instantToEpochMsOrNaN(text)));
      }),
    );
  });

  it('round-trips through epochMsToInstant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(instantToEpochMs(epochMsToInstant(ms))).toBe(ms);
      }),
    );
    expect(() => epochMsToInstant(Number.NaN)).toThrow(CxValidationError);
    expect(() => epochMsToInstant(1.5)).toThrow(CxValidationError);
    expect(() => epochMsToInstant(1e300)).toThrow(CxValidationError);
  });

  it('names the record in its issue', () => {
    expect(instantIssue('2024-02-30T00:00:00Z', { path: [7, 'occurredAt'] })).toMatchObject({
      path: [7, 'occurredAt'],
      code: 'invalid_instant',
    });
    expect(instantIssue('2024-02-29T00:00:00Z')).toBeNull();
    expect(() => instantToEpochMs('1')).toThrow(CxValidationError);
  });
});
