// The retention part of the @cx/metrics contract (region `retention` of its index): cohort retention, its
// accumulator, churn and revenue retention, the columnar builders. The lead combines the parts of @cx/metrics.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as m from '@cx/metrics';
import type { Interaction, Subscription } from '@cx/model';
import fc from 'fast-check';
import { defineAccumulator, type PackageContract } from '../kit/types.js';

/** One part of a package's contract (the shape of `ContractPart` in the other metrics parts). */
export type RetentionContractPart = Pick<PackageContract, 'options' | 'accumulators' | 'exempt'>;

const event = (customerId: string, timestamp: string, name = 'open', revenue?: number): Interaction => ({
  id: `${customerId}-${timestamp}-${name}`,
  customerId,
  timestamp,
  name,
  channel: 'web',
  properties: revenue === undefined ? {} : { revenue },
});
const events = [
  event('a', '2026-01-05T10:00:00Z', 'purchase', 20),
  event('a', '2026-02-02T10:00:00Z', 'purchase', 30),
  event('b', '2026-01-20T10:00:00Z'),
];
const subscription = (id: string, endedAt?: string): Subscription => ({
  id,
  customerId: id,
  status: endedAt === undefined ? 'active' : 'cancelled',
  startedAt: '2025-12-01T00:00:00Z',
  ...(endedAt === undefined ? {} : { endedAt }),
  amount: 10,
  currency: 'EUR',
  billingInterval: 'month',
  amountChanges: [],
  properties: {},
});
const subscriptions = [subscription('a'), subscription('b', '2026-01-15T00:00:00Z')];

/** The file cohortRetentionCsv's valid case reads (its options are what the contract checks). */
const retentionCsvFile = join(tmpdir(), 'cx-contract-retention-csv-events.csv');
writeFileSync(
  retentionCsvFile,
  'customerId,timestamp,name,channel\na,2026-01-05T10:00:00Z,open,web\na,2026-02-02T10:00:00Z,open,web\nb,2026-01-20T10:00:00Z,open,web\n',
);

/** The file the CSV readers' valid cases read (their options are what the contract checks). */
const subscriptionsCsvFile = join(tmpdir(), 'cx-contract-subscriptions.csv');
writeFileSync(
  subscriptionsCsvFile,
  'customerId,startedAt,endedAt,amount,currency\nc1,2026-01-10T00:00:00Z,2026-02-20T00:00:00Z,29,EUR\n',
);

/** Values out of range for every option of the interactions CSV readers. */
const interactionCsvOutOfRange = [
  { delimiter: ';;' },
  { delimiter: '"' },
  { chunkBytes: 10 },
  { chunkBytes: 2 ** 31 },
  { chunkBytes: 4096.5 },
  { dimensions: ['names'] },
  { columns: { customer: 'who' } },
  { numeric: [''] },
  { workers: -1 },
  { workers: 65 },
];
const interactionCsvValid = {
  numeric: [],
  columns: { name: 'name' },
  delimiter: ',',
  dedupe: false,
  chunkBytes: 65_536,
  dimensions: ['name'],
  timeZone: 'UTC',
  workers: 0,
};

/** Values out of range for every option the retention functions share with the calendar and the window. */
const calendarCases = [
  { interval: 'fortnight' },
  { weekStartsOn: 7 },
  { timeZone: 'Mars/Olympus' },
  { maxPeriods: 0 },
  { asOf: 1e300 },
  { asOf: '2024-02-30T00:00:00Z' },
];
const retentionValid = {
  interval: 'month',
  periods: 3,
  timeZone: 'Europe/Warsaw',
  weekStartsOn: 0,
  retention: 'on-or-after',
  aggregate: { property: 'revenue', operation: 'sum' },
  average: 'mixpanel',
  asOf: '2026-06-01T00:00:00Z',
};
const retentionOutOfRange = [
  ...calendarCases,
  { periods: -1 },
  { periods: 10_001 },
  { periods: 2.5 },
  { minimumOccurrences: 0 },
  { average: 'simple' },
  { cohortType: 'newest' },
  { startEvent: { name: [] } },
];

const DAY = 86_400_000;
const BASE = Date.parse('2026-01-05T00:00:00Z');

/**
 * One actor's history: time-ordered events over about two months. The accumulator counts distinct actors, and
 * its merge is defined for shards that hold different actors (an actor seen by both is `merge_overlap`), so each
 * history added below is a new actor: the laws are checked on inputs that meet the documented precondition.
 */
const historyArb = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 70 }),
      hour: fc.integer({ min: 0, max: 23 }),
      name: fc.constantFrom('open', 'purchase'),
      revenue: fc.integer({ min: 0, max: 50 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((rows) =>
    rows
      .map((r) => ({ ...r, t: BASE + r.day * DAY + r.hour * 3_600_000 }))
      .sort((x, y) => x.t - y.t)
      .map((r) =>
        event('?', new Date(r.t).toISOString(), r.name, r.name === 'purchase' ? r.revenue : undefined),
      ),
  );
let actorSerial = 0;

export const metricsRetentionPart: RetentionContractPart = {
  options: [
    {
      name: 'streamInteractionCsv',
      // Checks its options at the call; the file is read only when the stream is iterated.
      call: (o) => m.streamInteractionCsv(retentionCsvFile, o as never),
      valid: interactionCsvValid,
      typoOf: 'delimiter',
      outOfRange: interactionCsvOutOfRange,
    },
    {
      name: 'readInteractionColumnsCsv',
      // Checks its options at the call; the returned promise (a read of a three-event file) settles later.
      call: (o) => {
        void m.readInteractionColumnsCsv(retentionCsvFile, o as never).catch(() => {});
      },
      valid: interactionCsvValid,
      typoOf: 'chunkBytes',
      outOfRange: interactionCsvOutOfRange,
    },
    {
      name: 'readSubscriptionColumnsCsv',
      call: (o) => {
        void m.readSubscriptionColumnsCsv(subscriptionsCsvFile, o as never).catch(() => {});
      },
      valid: { columns: { customerId: 'customerId' }, delimiter: ',', chunkBytes: 65_536, timeZone: 'UTC' },
      typoOf: 'delimiter',
      outOfRange: [
        { delimiter: '::' },
        { chunkBytes: 10 },
        { chunkBytes: 4096.5 },
        { columns: { customer: 'account' } },
        { timeZone: '' },
      ],
    },
    {
      name: 'cohortRetentionCsv',
      // Checks its options synchronously; the returned promise (a read of a three-event file) settles later.
      call: (o) => {
        void m.cohortRetentionCsv(retentionCsvFile, o as never).catch(() => {});
      },
      valid: {
        ...retentionValid,
        aggregate: undefined,
        workers: 0,
        read: { delimiter: ',', chunkBytes: 65_536, timeZone: 'UTC', columns: { name: 'name' } },
      },
      typoOf: 'interval',
      outOfRange: [
        ...retentionOutOfRange,
        { workers: -1 },
        { workers: 17 },
        { read: { chunkBytes: 10 } },
        { read: { delimiter: ';;' } },
        { read: { columns: { nope: 'x' } } },
        { cohortType: 'recurring' },
      ],
      optionsOptional: false,
    },
    {
      name: 'cohortRetention',
      call: (o) => m.cohortRetention(events, o as never),
      valid: { ...retentionValid, workers: 1 },
      typoOf: 'interval',
      outOfRange: [
        ...retentionOutOfRange,
        { rollingTruncation: 'hour' },
        { brackets: [0] },
        { workers: -1 },
        { workers: 17 },
        { workers: 0.5 },
      ],
      optionsOptional: false,
    },
    {
      name: 'cohortRetentionFromCounts',
      call: (o) => m.cohortRetentionFromCounts({ maxTime: null, cohorts: [] }, o as never),
      valid: retentionValid,
      typoOf: 'interval',
      outOfRange: [...retentionOutOfRange, { rollingTruncation: 'hour' }, { brackets: [0] }],
      optionsOptional: false,
    },
    {
      name: 'CohortRetentionAccumulator',
      call: (o) => new m.CohortRetentionAccumulator(o as never),
      valid: { ...retentionValid, minimumOccurrences: 2 },
      typoOf: 'minimumOccurrences',
      outOfRange: [...retentionOutOfRange, { cohortType: 'recurring' }],
      optionsOptional: false,
    },
    {
      name: 'churnSeries',
      call: (o) => m.churnSeries(subscriptions, o as never),
      valid: {
        interval: 'month',
        timeZone: 'Europe/Warsaw',
        from: '2026-01-01T00:00:00Z',
        to: '2026-03-01T00:00:00Z',
        midPeriodPolicy: 'exposure',
        measures: 'customers',
        workers: 1,
      },
      typoOf: 'midPeriodPolicy',
      outOfRange: [
        ...calendarCases,
        { from: 1e300 },
        { measures: 'revenue' },
        { midPeriodPolicy: 'sometimes' },
        { workers: -1 },
        { workers: 1.5 },
        { workers: 17 },
      ],
      optionsOptional: false,
    },
    {
      name: 'periodChurn',
      call: (o) => m.periodChurn(subscriptions, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', o as never),
      valid: { midPeriodPolicy: 'eligible', measures: 'all', asOf: '2026-03-01T00:00:00Z' },
      typoOf: 'measures',
      outOfRange: [{ midPeriodPolicy: 'sometimes' }, { asOf: 1e300 }, { asOf: '2026-02-30T00:00:00Z' }],
    },
    {
      name: 'buildInteractionColumns',
      call: (o) => m.buildInteractionColumns(events, o as never),
      valid: { numeric: ['revenue'], dedupe: false },
      typoOf: 'numeric',
      outOfRange: [{ dedupe: 'yes' }, { numeric: [''] }, { numeric: 'revenue' }],
    },
    {
      name: 'buildInteractionColumnsAsync',
      call: (o) => m.buildInteractionColumnsAsync(events, o as never),
      valid: { numeric: ['revenue'], dedupe: true },
      typoOf: 'dedupe',
      outOfRange: [{ dedupe: 1 }, { numeric: [''] }],
    },
  ],
  accumulators: [
    defineAccumulator<m.CohortRetentionAccumulator, readonly Interaction[]>({
      name: 'CohortRetentionAccumulator',
      make: () =>
        new m.CohortRetentionAccumulator({
          interval: 'week',
          periods: 4,
          minimumOccurrences: 2,
          aggregate: { property: 'revenue', operation: 'sum' },
        }),
      makeOther: () =>
        new m.CohortRetentionAccumulator({
          interval: 'month',
          periods: 4,
          minimumOccurrences: 2,
          aggregate: { property: 'revenue', operation: 'sum' },
        }),
      restore: (snapshot) => m.CohortRetentionAccumulator.restore(snapshot),
      inputs: fc.array(historyArb, { maxLength: 6 }),
      add: (acc, history) => {
        const actor = `actor-${actorSerial++}`;
        for (const e of history) acc.add({ ...e, customerId: actor, id: `${actor}-${e.id}` });
      },
      // Revenues are whole numbers, so sums are exact in any order.
      result: (acc) => acc.result(),
    }),
  ],
  exempt: {
    prepareSubscriptions: 'takes subscriptions only, no options',
    churnPeriodFromSums:
      'takes the sums of one period, a mid-period policy and an instant, no options object',
  },
};
