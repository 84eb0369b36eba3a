import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPath, mapFields, parseTimestamp, toJsonValue, toNumber } from './mapping.js';

describe('parseTimestamp (table-driven, one row per vendor encoding)', () => {
  it.each([
    ['ISO with Z (HubSpot v3)', '2024-06-01T09:58:11.402Z', '2024-06-01T09:58:11.402Z'],
    ['Salesforce +0000', '2024-06-01T09:58:11.000+0000', '2024-06-01T09:58:11.000Z'],
    ['offset +02:00', '2024-06-01T11:58:11+02:00', '2024-06-01T09:58:11.000Z'],
    ['Amplitude zone-less, read as UTC', '2024-06-01 10:00:00.123000', '2024-06-01T10:00:00.123Z'],
    ['epoch seconds (Mixpanel)', 1717236000, '2024-06-01T10:00:00.000Z'],
    ['epoch ms (HubSpot v1)', 1717236000123, '2024-06-01T10:00:00.123Z'],
    ['epoch µs string (GA4)', '1717236000123456', '2024-06-01T10:00:00.123Z'],
    ['date only', '2024-06-01', '2024-06-01T00:00:00.000Z'],
  ])('%s', (_label, input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });
  it('rejects non-timestamps', () => {
    for (const bad of ['', 'yesterday', null, undefined, {}, Number.NaN, '2024-13-45T00:00:00Z'])
      expect(parseTimestamp(bad)).toBeNull();
  });
  it('round-trips any instant written as ISO, epoch ms or epoch µs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2001-09-10T00:00:00Z'), max: Date.parse('2200-01-01T00:00:00Z') }),
        (ms) => {
          const iso = new Date(ms).toISOString();
          expect(parseTimestamp(iso)).toBe(iso);
          expect(parseTimestamp(ms)).toBe(iso);
          expect(parseTimestamp(`${ms}000`)).toBe(iso);
        },
      ),
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
  it('helpers', () => {
    expect(getPath({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(getPath(null, 'a')).toBeUndefined();
    expect(toNumber(' 12.5 ')).toBe(12.5);
    expect(toNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
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
