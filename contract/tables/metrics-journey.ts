// The journey and lifetime parts of the @cx/metrics contract (regions `lifetime` and `journey` of its index):
// funnels, paths, stage health, omnichannel; survival, sBG, RFM, BG/NBD, Pareto/NBD, Gamma-Gamma and CLV.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as m from '@cx/metrics';
import { DEFAULT_STAGES, type Interaction, journeySchema } from '@cx/model';
import fc from 'fast-check';
import { readCsv } from '../../packages/metrics/src/lifetime/__fixtures__/cdnow.js';
import { defineAccumulator, type PackageContract } from '../kit/types.js';

/** One part of a package's contract (the shape of the other metrics parts). */
export type JourneyContractPart = Pick<PackageContract, 'options' | 'accumulators' | 'exempt'>;

const event = (
  id: string,
  customerId: string,
  name: string,
  timestamp: string,
  extra: Partial<Interaction> = {},
): Interaction => ({
  id,
  customerId,
  timestamp,
  name,
  channel: 'web',
  properties: {},
  ...extra,
});
const events = [
  event('1', 'a', 'view', '2026-01-01T10:00:00Z', { stageId: 'consideration' }),
  event('2', 'a', 'cart', '2026-01-01T10:05:00Z', { stageId: 'decision' }),
  event('3', 'a', 'buy', '2026-01-01T10:10:00Z', { stageId: 'purchase' }),
  event('4', 'b', 'view', '2026-01-01T11:00:00Z', { stageId: 'consideration', channel: 'mobile-app' }),
];
// The file journeyCsv's valid case reads (the contract only checks its options; the run's result is not used).
const journeyCsvFile = join(tmpdir(), 'cx-contract-journey-csv-events.csv');
writeFileSync(
  journeyCsvFile,
  `customerId,timestamp,name,channel\n${events.map((e) => `${e.customerId},${e.timestamp},${e.name},${e.channel}`).join('\n')}\n`,
);
const journey = journeySchema.parse({ id: 'shop', name: 'Shop', version: 1, stages: [...DEFAULT_STAGES] });

const funnelValid = {
  steps: [{ name: 'view' }, { name: 'cart', window: { hours: 1 } }, { name: 'buy' }],
  window: { days: 2 },
  order: 'sequential',
  counting: 'totals',
  exclusions: [{ name: 'refund', fromStep: 1 }],
  exclusionEffect: 'drop-off',
  breakdown: { field: 'channel', attribution: 'last-touch' },
  percentiles: [50, 90],
  inputOrder: 'any',
};
const funnelOutOfRange = [
  { window: 3_600_000 },
  { window: { days: -1 } },
  { steps: [] },
  { percentiles: [101] },
  { order: 'random' },
  { exclusions: [{ name: 'refund', fromStep: 5 }] },
];
const funnelCase = {
  valid: funnelValid,
  typoOf: 'exclusionEffect',
  outOfRange: funnelOutOfRange,
  optionsOptional: false,
};

const pathsValid = { by: 'name', limit: 3, maxLength: 4, collapseRepeats: false };
const pathsOutOfRange = [{ limit: 0 }, { maxLength: 1.5 }, { by: 'device' }];

// 10 customers (weeks), enough to identify BG/NBD and Pareto/NBD.
const histories = [
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 1, recency: 1.71, T: 38.86 },
  { frequency: 0, recency: 0, T: 38.86 },
  { frequency: 0, recency: 0, T: 38.86 },
  { frequency: 7, recency: 29.43, T: 38.86 },
  { frequency: 1, recency: 5, T: 38.86 },
  { frequency: 3, recency: 35, T: 38.86 },
  { frequency: 0, recency: 0, T: 38.86 },
  { frequency: 2, recency: 10, T: 38.86 },
  { frequency: 4, recency: 37, T: 38.86 },
];
const fitCases = [{ timeUnit: 'fortnight' }, { maxIterations: 0 }, { maxIterations: 2.5 }];
const spend = readCsv('cdnow_customers_summary_with_transactions.csv').map((r) => ({
  frequency: r.x as number,
  monetaryValue: r.zbar as number,
}));
const bgModel = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, timeUnit: 'week' } as const;
const sixMonths = [
  { time: 1, event: true },
  { time: 2, event: false },
  { time: 3, event: true },
  { time: 4, event: true },
];

/** Interactions for the accumulator laws: ids unique within a list; ties are broken by what an event matches. */
const interactionsArb = fc
  .array(
    fc.record({
      actor: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
      name: fc.constantFrom('view', 'cart', 'buy', 'refund', 'other'),
      minute: fc.integer({ min: 0, max: 600 }),
      channel: fc.constantFrom('web' as const, 'email' as const),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      event(`e${i}`, r.actor, r.name, new Date(Date.UTC(2026, 0, 1) + r.minute * 60_000).toISOString(), {
        channel: r.channel,
      }),
    ),
  );
const accumulatorOptions = {
  steps: [{ name: 'view' }, { name: 'cart' }, { name: 'buy' }],
  window: { hours: 3 },
  exclusions: [{ name: 'refund', fromStep: 1 }],
  breakdown: { field: 'channel' as const },
};

export const metricsJourneyPart: JourneyContractPart = {
  options: [
    // journey
    { name: 'funnel', call: (o) => m.funnel(events, o as never), ...funnelCase },
    { name: 'FunnelAccumulator', call: (o) => new m.FunnelAccumulator(o as never), ...funnelCase },
    {
      name: 'funnelColumns',
      call: (o) => m.funnelColumns(m.buildInteractionColumns(events), o as never),
      ...funnelCase,
    },
    {
      name: 'journeyCsv',
      // Checks its options synchronously; the returned promise (a valid run over a four-event file) settles later.
      call: (o) => {
        void m.journeyCsv(journeyCsvFile, o as never).catch(() => {});
      },
      valid: {
        funnel: { steps: [{ name: 'view' }, { name: 'buy' }], window: { days: 1 } },
        paths: { by: 'name', limit: 2 },
        partitions: 2,
        bufferEvents: 16,
        tempDirectory: tmpdir(),
        csv: { delimiter: ',', chunkBytes: 65_536, workers: 0 },
      },
      typoOf: 'partitions',
      outOfRange: [
        { partitions: 0 },
        { partitions: 5000 },
        { bufferEvents: 0 },
        { csv: { delimiter: ';;' } },
        { csv: { workers: -1 } },
        { funnel: { steps: [] } },
        { paths: { limit: 0 } },
        { funnel: { steps: [{ name: 'buy', properties: { revenue: 1 } }] } },
      ],
      optionsOptional: false,
    },
    {
      name: 'abandonment',
      call: (o) => m.abandonment(events, o as never),
      valid: { start: { name: 'cart' }, finish: { name: 'buy' }, window: { hours: 1 }, counting: 'uniques' },
      typoOf: 'counting',
      outOfRange: [{ window: 86_400_000 }, { counting: 'all' }, { start: {} }],
      optionsOptional: false,
    },
    {
      name: 'desiredActions',
      call: (o) => m.desiredActions(events, journey, o as never),
      valid: { window: { days: 1 } },
      typoOf: 'window',
      outOfRange: [{ window: { days: -1 } }, { window: 86_400_000 }],
    },
    {
      name: 'topPaths',
      call: (o) => m.topPaths(events, o as never),
      valid: pathsValid,
      typoOf: 'maxLength',
      outOfRange: pathsOutOfRange,
    },
    {
      name: 'topPathsColumns',
      call: (o) => m.topPathsColumns(m.buildInteractionColumns(events), o as never),
      valid: pathsValid,
      typoOf: 'collapseRepeats',
      outOfRange: pathsOutOfRange,
    },
    {
      name: 'pathsAround',
      call: (o) => m.pathsAround(events, o as never),
      valid: {
        anchor: { name: 'buy' },
        direction: 'before',
        steps: 2,
        by: 'name',
        limit: 2,
        collapseRepeats: true,
      },
      typoOf: 'direction',
      outOfRange: [{ steps: 0 }, { direction: 'around' }, { anchor: { nmae: 'buy' } }],
      optionsOptional: false,
    },
    {
      name: 'pathTransitions',
      call: (o) => m.pathTransitions(events, o as never),
      valid: { by: 'stageId', maxLength: 3, collapseRepeats: false, includeExit: false },
      typoOf: 'includeExit',
      outOfRange: [{ maxLength: 0 }, { by: 'touchpoint' }],
    },
    {
      name: 'stageHealth',
      call: (o) => m.stageHealth(events, journey, o as never),
      valid: {
        surveys: [],
        feedback: [],
        failureNames: ['payment_failed'],
        repeatedFailureMin: 2,
        supportChannels: ['phone'],
        supportNames: ['ticket_created'],
        negativeScoreBelow: 0.4,
        negativeRatingMax: 2,
        percentiles: [50],
      },
      typoOf: 'repeatedFailureMin',
      outOfRange: [
        { repeatedFailureMin: 0 },
        { negativeScoreBelow: 2 },
        { percentiles: [-1] },
        { failureNames: [''] },
      ],
    },
    {
      name: 'timeBetweenStages',
      call: (o) => m.timeBetweenStages(events, o as never),
      valid: { stages: ['consideration', 'decision'], journey, percentiles: [50] },
      typoOf: 'stages',
      outOfRange: [{ stages: ['consideration'] }, { percentiles: [200] }],
      optionsOptional: false,
    },
    {
      name: 'omnichannel',
      call: (o) => m.omnichannel(events, o as never),
      valid: { journey },
      typoOf: 'journey',
      outOfRange: [],
    },
    // lifetime
    {
      name: 'fitBgNbd',
      call: (o) => m.fitBgNbd(histories, o as never),
      valid: { timeUnit: 'week', maxIterations: 20_000 },
      typoOf: 'timeUnit',
      outOfRange: fitCases,
      optionsOptional: false,
    },
    {
      name: 'fitParetoNbd',
      call: (o) => m.fitParetoNbd(histories, o as never),
      valid: { timeUnit: 'week', maxIterations: 20_000 },
      typoOf: 'maxIterations',
      outOfRange: fitCases,
      optionsOptional: false,
    },
    {
      name: 'fitGammaGamma',
      call: (o) => m.fitGammaGamma(spend, o as never),
      valid: { maxIterations: 20_000 },
      typoOf: 'maxIterations',
      outOfRange: [{ maxIterations: 0 }, { maxIterations: 1e8 }],
    },
    {
      name: 'fitSbg',
      call: (o) => m.fitSbg([1000, 869, 743, 653, 593, 551, 517, 491], o as never),
      valid: { start: { alpha: 1, beta: 2 }, maxIterations: 20_000 },
      typoOf: 'start',
      outOfRange: [{ start: { alpha: 0, beta: 1 } }, { start: { alpha: 1 } }, { maxIterations: -1 }],
    },
    {
      name: 'customerLifetimeValue',
      call: (o) => m.customerLifetimeValue(bgModel, histories[0] as m.RepeatPurchaseHistory, o as never),
      valid: { spendPerPurchase: 25, periods: 12, periodLength: 1, periodUnit: 'month', discountRate: 0.01 },
      typoOf: 'discountRate',
      outOfRange: [
        { periods: 0 },
        { periods: 10_001 },
        { discountRate: -0.1 },
        { periodLength: 0 },
        { periodUnit: 'fortnight' },
        { spendPerPurchase: Number.NaN },
      ],
      optionsOptional: false,
    },
    {
      name: 'rfmSummary',
      call: (o) => m.rfmSummary([{ customerId: 'c1', at: '2024-01-01', amount: 10 }], o as never),
      valid: {
        calibrationEnd: '2024-01-29',
        holdoutEnd: '2024-02-29',
        timeUnit: 'week',
        timeZone: 'Europe/Warsaw',
      },
      typoOf: 'calibrationEnd',
      outOfRange: [
        { calibrationEnd: '2024-02-30' },
        { timeZone: 'Mars/Base' },
        { holdoutEnd: '2023-01-01' },
        { timeUnit: 'fortnight' },
      ],
      optionsOptional: false,
    },
    {
      name: 'retentionWhatIf',
      call: (o) => m.retentionWhatIf({ alpha: 0.704, beta: 1.182, cohortSize: 1000 }, o as never),
      valid: { lift: 0.05, periods: 5, cohortSize: 100, valuePerPeriod: 10, discountRate: 0.1 },
      typoOf: 'valuePerPeriod',
      outOfRange: [
        { lift: 2 },
        { periods: 0 },
        { periods: 10_001 },
        { discountRate: -1 },
        { cohortSize: -5 },
      ],
      optionsOptional: false,
    },
    {
      name: 'kaplanMeier',
      call: (o) => m.kaplanMeier(sixMonths, o as never),
      valid: { level: 0.9, method: 'log' },
      typoOf: 'method',
      outOfRange: [{ level: 95 }, { level: 0 }, { level: 1 }, { method: 'arcsine' }],
    },
  ],
  accumulators: [
    defineAccumulator<m.FunnelAccumulator, Interaction>({
      name: 'FunnelAccumulator',
      make: () => new m.FunnelAccumulator(accumulatorOptions),
      makeOther: () => new m.FunnelAccumulator({ ...accumulatorOptions, window: { hours: 4 } }),
      restore: (snapshot) => m.FunnelAccumulator.restore(snapshot),
      inputs: interactionsArb,
      add: (acc, interaction) => {
        acc.add(interaction);
      },
      result: (acc) => acc.result(),
    }),
  ],
  exempt: {
    stageProgress:
      'has no options yet: any key and null throw CxOptionsError through parseOptions (stage-progress.test.ts); no option exists to misspell',
    funnelAsync:
      'asynchronous: checks the same options as funnel before reading the stream and rejects with CxOptionsError (funnel-options.test.ts)',
    JourneyEvents:
      'an input buffer of interactions, no options and no result of its own (it holds the records themselves)',
    bgNbdConditionalExpectedPurchases:
      'takes a model, a history and a horizon; checks each (CxValidationError), no options',
    bgNbdExpectedPurchases: 'takes a model and a horizon; checks both (CxValidationError), no options',
    bgNbdProbabilityAlive: 'takes a model and a history; checks both (CxValidationError), no options',
    bgNbdProbabilityOfPurchases:
      'takes a model, a horizon and a count; checks each (CxValidationError), no options',
    paretoNbdConditionalExpectedPurchases:
      'takes a model, a history and a horizon; checks each (CxValidationError), no options',
    paretoNbdExpectedPurchases: 'takes a model and a horizon; checks both (CxValidationError), no options',
    paretoNbdProbabilityAlive: 'takes a model and a history; checks both (CxValidationError), no options',
    gammaGammaExpectedSpend: 'takes a model and a spend history; checks both (CxValidationError), no options',
    sbgDiscountedResidualLifetime:
      'takes a model and two numbers; checks each (CxValidationError), no options',
    sbgProject:
      'takes a model, a period count and a cohort size; checks each (CxValidationError, CxLimitError)',
    sbgRetentionRate: 'takes a model and a period; checks both (CxValidationError), no options',
    sbgSurvival: 'takes a model and a period; checks both (CxValidationError), no options',
    survivalAt: 'takes a kaplanMeier result and a time; checks the time (CxValidationError), no options',
    logRankTest: 'takes grouped observations only, checked as data (CxValidationError), no options',
    convertDuration: 'takes a number and two time units; checks each (CxValidationError), no options',
  },
};
