// The defects of issue 13 in churn, each with the input the issue gives, now a typed error or the right value.
import type { Subscription } from '@cx/model';
import { CxLimitError, CxOptionsError, CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { churnSeries } from './churn-series.js';
import { periodChurn } from './period-churn.js';
import { prepareSubscriptions } from './prepare.js';

const sub = (
  id: string,
  startedAt: string,
  endedAt?: string,
  extra: Partial<Subscription> = {},
): Subscription => ({
  id,
  customerId: id,
  status: endedAt === undefined ? 'active' : 'cancelled',
  startedAt,
  ...(endedAt === undefined ? {} : { endedAt }),
  amount: 10,
  currency: 'EUR',
  billingInterval: 'month',
  amountChanges: [],
  properties: {},
  ...extra,
});

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('subscriptions: one grammar for instants', () => {
  it('prepareSubscriptions rejects 2024-02-30T00:00:00Z naming the record, instead of reading 1 March', () => {
    const error = thrown(() =>
      prepareSubscriptions([sub('a', '2024-01-01T00:00:00Z'), sub('b', '2024-02-30T00:00:00Z')]),
    );
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues[0]).toMatchObject({
      path: [1, 'startedAt'],
      code: 'invalid_instant',
    });
  });

  it('rejects bad end and amount-change instants, offsets and null records with their paths', () => {
    const error = thrown(() =>
      prepareSubscriptions([
        sub('a', '2024-01-01T00:00:00Z', '2024-13-01T00:00:00Z'),
        sub('b', '2024-01-01T00:00:00+01:00'),
        sub('c', '2024-01-01T00:00:00Z', undefined, {
          amountChanges: [{ at: '2024-04-31T00:00:00Z', amount: 5 }],
        }),
        null as unknown as Subscription,
      ]),
    ) as CxValidationError;
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [[0, 'endedAt'], 'invalid_instant'],
      [[1, 'startedAt'], 'invalid_instant'],
      [[2, 'amountChanges', 0, 'at'], 'invalid_instant'],
      [[3], 'invalid_type'],
    ]);
  });

  it('periodChurn rejects period bounds that are not instants', () => {
    const error = thrown(() => periodChurn([], '2024-02-30T00:00:00Z', '2024-03-01T00:00:00Z'));
    expect((error as CxValidationError).issues[0]).toMatchObject({
      path: ['start'],
      code: 'invalid_instant',
    });
  });
});

describe('churnSeries: options are never silently ignored', () => {
  it('the old name period is an options error naming interval', () => {
    const error = thrown(() => churnSeries([], { period: 'month' } as never)) as CxOptionsError;
    expect(error).toBeInstanceOf(CxOptionsError);
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: ['period'], code: 'unknown_option', suggestion: 'interval' }),
    );
  });

  it('null options are an options error, in both functions', () => {
    for (const f of [
      () => churnSeries([], null as never),
      () => periodChurn([], '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z', null as never),
    ]) {
      expect((thrown(f) as CxOptionsError).issues[0]).toMatchObject({ path: [], code: 'invalid_type' });
    }
  });

  it('asOf: 1e300 is an options error', () => {
    const error = thrown(() =>
      churnSeries([], { interval: 'month', asOf: 1e300 as never }),
    ) as CxOptionsError;
    expect(error.issues[0]?.path).toEqual(['asOf']);
  });
});

describe('churnSeries: work bounded by the input', () => {
  const subscriptions = [
    sub('a', '2024-01-10T00:00:00Z', '2024-03-05T00:00:00Z'),
    sub('b', '2024-02-01T00:00:00Z', '9999-12-31T00:00:00Z'),
  ];

  it('a subscription ending 9999-12-31 stretches the default window: CxLimitError naming the record', () => {
    const error = thrown(() => churnSeries(subscriptions, { interval: 'day' }));
    expect(error).toBeInstanceOf(CxLimitError);
    expect(error).toMatchObject({ code: 'too_many_periods', limit: 10_000, path: [1, 'endedAt'] });
    expect((error as CxLimitError).message).toContain('give `to`');
  });

  it('an analysis window the caller chooses computes the series', () => {
    const series = churnSeries(subscriptions, { interval: 'month', to: '2024-04-01T00:00:00Z' });
    expect(series.map((p) => [p.period, p.customersAtStart, p.lostCustomers])).toEqual([
      ['2024-01', 0, 0], // a starts on 10 January
      ['2024-02', 2, 0], // b starts at the first instant of February: active at its start
      ['2024-03', 2, 1], // a ends on 5 March
    ]);
    // Or a larger bound: 9999 − 2024 years of months is within maxPeriods 100,000.
    expect(churnSeries(subscriptions, { interval: 'month', maxPeriods: 100_000 })).toHaveLength(
      (9999 - 2024 + 1) * 12,
    );
  });

  it('an explicit window too long names the option', () => {
    const error = thrown(() =>
      churnSeries(subscriptions, {
        interval: 'day',
        from: '2024-01-01T00:00:00Z',
        to: '9000-01-01T00:00:00Z',
      }),
    );
    expect(error).toMatchObject({ code: 'too_many_periods', path: ['to'] });
  });
});
