import { CxError, CxOptionsError, CxValidationError, epochMsToInstant, parseInstant } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPath, mapFields, parseTimestamp, toJsonValue, toNumber } from './mapping.js';

describe('parseTimestamp (table-driven, one row per vendor encoding)', () => {
  it.each([
    ['ISO with Z (HubSpot v3)', '2024-06-01T09:58:11.402Z', '2024-06-01T09:58:11.402Z'],
    ['Salesforce +0000', '2024-06-01T09:58:11.000+0000', '2024-06-01T09:58:11.000Z'],
    ['offset +02:00', '2024-06-01T11:58:11+02:00', '2024-06-01T09:58:11.000Z'],
    ['Amplitude zone-less, read as UTC', '2024-06-01 10:00:00.123000', '2024-06-01T10:00:00.123Z'],
    ['date only', '2024-06-01', '2024-06-01T00:00:00.000Z'],
  ])('%s', (_label, input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });

  // 1717236000 s is 2024-06-01T10:00:00Z (`date -u -d @1717236000`); the other rows add sub-second digits to it.
  it.each([
    ['seconds (Mixpanel)', 's', 1717236000, '2024-06-01T10:00:00.000Z'],
    ['seconds in text, with a fraction', 's', '1717236000.5', '2024-06-01T10:00:00.500Z'],
    ['seconds before 1970', 's', '-86400', '1969-12-31T00:00:00.000Z'],
    ['milliseconds', 'ms', 1717236000123, '2024-06-01T10:00:00.123Z'],
    ['milliseconds in text', 'ms', '1717236000123', '2024-06-01T10:00:00.123Z'],
    ['microseconds in text (GA4)', 'us', '1717236000123456', '2024-06-01T10:00:00.123Z'],
    ['microseconds', 'us', 1717236000123456, '2024-06-01T10:00:00.123Z'],
    ['microseconds as a bigint', 'us', 1717236000123456n, '2024-06-01T10:00:00.123Z'],
  ] as const)('epoch %s', (_label, epoch, input, expected) => {
    expect(parseTimestamp(input, { epoch })).toBe(expected);
  });

  it('reads a number or digits only in the declared unit: never guessed from their size', () => {
    for (const value of [1717236000, 1717236000123, 1717236000123456, '1717236000', '1717236000123'])
      expect(parseTimestamp(value), String(value)).toBeNull();
    // the same digits, three units, three instants
    expect(parseTimestamp('1717236000', { epoch: 's' })).toBe('2024-06-01T10:00:00.000Z');
    expect(parseTimestamp('1717236000', { epoch: 'ms' })).toBe('1970-01-20T21:00:36.000Z');
    expect(parseTimestamp('1717236000', { epoch: 'us' })).toBe('1970-01-01T00:28:37.236Z');
    // a declared unit admits Unix time only, not ISO text
    expect(parseTimestamp('2024-06-01T10:00:00Z', { epoch: 's' })).toBeNull();
    // fractions only for seconds
    expect(parseTimestamp(1717236000123.5, { epoch: 'ms' })).toBeNull();
    expect(parseTimestamp('1717236000123456.5', { epoch: 'us' })).toBeNull();
  });

  it('stops at the years 0000 and 9999 in every unit (by epochMsToInstant of @cx/model)', () => {
    // 253402300799 s is 9999-12-31T23:59:59Z and -62167219200 s is 0000-01-01T00:00:00Z (proleptic Gregorian).
    expect(parseTimestamp(253402300799, { epoch: 's' })).toBe('9999-12-31T23:59:59.000Z');
    expect(parseTimestamp(253402300800, { epoch: 's' })).toBeNull();
    expect(parseTimestamp(-62167219200, { epoch: 's' })).toBe('0000-01-01T00:00:00.000Z');
    expect(parseTimestamp(-62167219201, { epoch: 's' })).toBeNull();
    expect(parseTimestamp('253402300799999', { epoch: 'ms' })).toBe('9999-12-31T23:59:59.999Z');
    expect(parseTimestamp('253402300800000', { epoch: 'ms' })).toBeNull();
    expect(parseTimestamp('253402300799999999', { epoch: 'us' })).toBe('9999-12-31T23:59:59.999Z');
    expect(parseTimestamp('253402300800000000', { epoch: 'us' })).toBeNull();
    expect(parseTimestamp(new Date('9999-12-31T23:59:59.999Z'))).toBe('9999-12-31T23:59:59.999Z');
    expect(parseTimestamp(new Date(253402300800000))).toBeNull();
    expect(parseTimestamp(new Date(Number.NaN))).toBeNull();
  });

  it('rejects non-timestamps', () => {
    for (const bad of [
      '',
      'yesterday',
      null,
      undefined,
      {},
      Number.NaN,
      '2024-13-45T00:00:00Z',
      '999999999999999999',
      1e20,
      '1e3',
      '12:00',
    ]) {
      expect(parseTimestamp(bad)).toBeNull();
      for (const epoch of ['s', 'ms', 'us'] as const) expect(parseTimestamp(bad, { epoch })).toBeNull();
    }
  });

  it('checks its options', () => {
    expect(() => parseTimestamp(1, { epoch: 'seconds' as never })).toThrow(CxOptionsError);
    expect(() => parseTimestamp(1, { unit: 's' } as never)).toThrow(CxOptionsError);
    expect(() => parseTimestamp(1, null as never)).toThrow(CxOptionsError);
  });

  it('round-trips any instant written as ISO, epoch s, ms or µs (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const iso = new Date(ms).toISOString().replace(/^\+0*(?=\d{4}-)/, '');
        const sign = ms < 0 ? '-' : '';
        const abs = Math.abs(ms);
        expect(parseTimestamp(iso)).toBe(iso);
        expect(parseTimestamp(ms, { epoch: 'ms' })).toBe(iso);
        expect(parseTimestamp(`${ms}`, { epoch: 'ms' })).toBe(iso);
        expect(parseTimestamp(`${sign}${abs}000`, { epoch: 'us' })).toBe(iso);
        const seconds = `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
        expect(parseTimestamp(seconds, { epoch: 's' })).toBe(iso);
      }),
    );
  });
});

describe('mapFields', () => {
  it('applies rules, coerces types, keeps unmapped fields and rejects bad times with the field path', () => {
    const row = {
      id: 7,
      score: '9',
      at: '1717236000',
      comment: '',
      nested: { who: 'c1' },
      extra: [1, undefined],
    };
    expect(
      mapFields(row, {
        kind: 'surveyResponse',
        fields: { id: 'id', score: 'score', respondedAt: 'at', comment: 'comment', customerId: 'nested.who' },
        defaults: { metric: 'nps' },
        epoch: { respondedAt: 's' },
      }),
    ).toEqual({
      metric: 'nps',
      id: '7',
      score: 9,
      respondedAt: '2024-06-01T10:00:00.000Z',
      customerId: 'c1',
      properties: { extra: [1, null] },
    });
    expect(mapFields({ a: 1 }, { kind: 'customer', fields: {}, keepExtra: true })).toEqual({
      attributes: { a: 1 },
    });
    const error = (() => {
      try {
        mapFields({ t: 'soon' }, { kind: 'interaction', fields: { timestamp: 't' } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues[0]?.path).toEqual(['timestamp']);
  });

  it('rejects Unix time in a time field whose unit the mapping does not declare, saying how to declare it', () => {
    for (const ts of [1717236000, '1717236000', 1717236000123n]) {
      let error: unknown;
      try {
        mapFields({ ts }, { kind: 'interaction', fields: { timestamp: 'ts' } });
      } catch (e) {
        error = e;
      }
      expect(error, String(ts)).toBeInstanceOf(CxValidationError);
      const issue = (error as CxValidationError).issues[0];
      expect(issue?.path).toEqual(['timestamp']);
      expect(issue?.code).toBe('invalid_instant');
      expect(issue?.message).toContain("epoch: { timestamp: 's' }");
    }
    // declared: read in that unit
    const mapped = (epoch: 's' | 'ms' | 'us') =>
      mapFields(
        { ts: '1717236000123456' },
        { kind: 'interaction', fields: { timestamp: 'ts' }, epoch: { timestamp: epoch } },
      );
    expect(mapped('us').timestamp).toBe('2024-06-01T10:00:00.123Z');
    expect(() => mapped('s')).toThrow(/Unix time in seconds/); // beyond the year 9999 as seconds
  });

  it('accepts an epoch unit only for a mapped time field', () => {
    const options = (epoch: Record<string, 's'>) => ({
      kind: 'interaction' as const,
      fields: { timestamp: 'ts', name: 'n' },
      epoch,
    });
    for (const [epoch, key] of [
      [{ timestmap: 's' }, 'timestmap'],
      [{ name: 's' }, 'name'],
      [{ createdAt: 's' }, 'createdAt'],
    ] as const) {
      let error: unknown;
      try {
        mapFields({}, options(epoch));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CxOptionsError);
      expect((error as CxOptionsError).issues[0]?.path).toEqual(['epoch', key]);
    }
    expect(() =>
      mapFields({}, { ...options({ timestamp: 's' }), epoch: { timestamp: 'sec' as 's' } }),
    ).toThrow(CxOptionsError);
  });
  it('helpers', () => {
    expect(getPath({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(getPath(null, 'a')).toBeUndefined();
    expect(toNumber(' 12.5 ')).toBe(12.5);
    expect(toNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    // by the numbers grammar of @cx/ingest, not Number(): no hexadecimal, no Infinity, no empty-as-zero
    expect([
      toNumber('0x1A'),
      toNumber('Infinity'),
      toNumber('1e3'),
      toNumber('-0.5'),
      toNumber('12abc'),
    ]).toEqual([undefined, undefined, 1000, -0.5, undefined]);
    expect(toJsonValue({ d: new Date(0), n: Number.NaN })).toEqual({
      d: '1970-01-01T00:00:00.000Z',
      n: 'NaN',
    });
  });
});

describe('own-property lookups', () => {
  it('never finds Object.prototype through a column, path or key taken from data', () => {
    const row = JSON.parse('{"id":"e1","ts":1717236000,"__proto__":{"polluted":true},"name":"constructor"}');
    const value = mapFields(row, {
      kind: 'interaction',
      fields: {
        id: 'id',
        timestamp: 'ts',
        name: 'name',
        channel: 'toString',
        touchpointId: 'constructor.name',
      },
      epoch: { timestamp: 's' },
    });
    // no channel or touchpoint invented from Object.prototype; __proto__ kept as data, the prototype untouched
    expect(value).not.toHaveProperty('channel');
    expect(value).not.toHaveProperty('touchpointId');
    expect(value.name).toBe('constructor');
    expect(Object.hasOwn(value.properties as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value.properties)).toBe(Object.prototype);
    expect(getPath({}, 'hasOwnProperty')).toBeUndefined();
  });
});

describe('parseTimestamp reads text by the one instant grammar of @cx/model', () => {
  it('rejects impossible calendar dates instead of rolling them over', () => {
    // Date.parse reads 2024-02-30 as 1 March
    expect(parseTimestamp('2024-02-30T00:00:00Z')).toBeNull();
    expect(parseTimestamp('2024-02-30 10:00:00')).toBeNull();
    expect(parseTimestamp('2023-02-29')).toBeNull();
    expect(parseTimestamp('2024-06-01T24:00:00Z')).toBeNull();
    expect(parseTimestamp('2024-02-29T12:00:00+0100')).toBe('2024-02-29T11:00:00.000Z');
  });
});

describe('parseTimestamp and parseInstant of @cx/model are one grammar', () => {
  // Arbitrary strings near the grammar: instants in its forms, with white space, signs and junk spliced in.
  const pieces = fc.constantFrom(
    '2024-06-01',
    'T',
    ' ',
    '10:00',
    ':00',
    '.123',
    '.1234567',
    'Z',
    '+02:00',
    '-0530',
    '+0000',
    '\t',
    '\n',
    '2024-02-29',
    '2023-02-29',
    '24:00',
    'x',
  );
  const text = fc.oneof(
    fc.array(pieces, { maxLength: 7 }).map((parts) => parts.join('')),
    fc.string({ maxLength: 30 }),
  );
  it('gives the instant parseInstant gives (zone-less read as UTC), or null where it throws (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        let expected: string | null;
        try {
          expected = epochMsToInstant(parseInstant(s, { timeZone: 'UTC' }));
        } catch (error) {
          if (!(error instanceof CxError)) throw error;
          expected = null;
        }
        expect(parseTimestamp(s)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not trim: surrounding white space is not part of an instant', () => {
    expect(parseTimestamp(' 2024-06-01T10:00:00Z')).toBeNull();
    expect(parseTimestamp('2024-06-01T10:00:00Z\n')).toBeNull();
    expect(parseTimestamp(' 1717236000', { epoch: 's' })).toBeNull();
    expect(parseTimestamp('2024-06-01T10:00:00Z')).toBe('2024-06-01T10:00:00.000Z');
  });
});
