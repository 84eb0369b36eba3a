// The runtime check of a ReportInput: the fields the report reads, with the ranges it relies on. Metric results are
// loose objects (their other fields pass through unread); everything the page prints is checked here, so a NaN, a
// share above 1 or a count below 0 is a CxValidationError naming its path, never a strange chart.
import { isTimeZone } from '@cx/model';
import { z } from 'zod';

const finite = z.number({ error: 'Expected a finite number' });
const count = z
  .number()
  .int({ error: 'Expected a whole count' })
  .nonnegative({ error: 'Expected a count ≥ 0' });
const share = z
  .number({ error: 'Expected a share from 0 to 1' })
  .min(0, { error: 'Expected a share from 0 to 1' })
  .max(1, { error: 'Expected a share from 0 to 1' });
const text = z.string().min(1, { error: 'Expected a non-empty text' }).max(10_000);
const interval = z.looseObject({ lower: finite, upper: finite, level: z.number().gt(0).lt(1) });
const proportion = z.looseObject({
  count: finite.nonnegative(),
  n: finite.nonnegative(),
  value: share.nullable(),
});

const npsResult = z.looseObject({
  n: count,
  score: finite.min(-100).max(100).nullable(),
  interval: interval.nullable(),
});
const csatResult = z.looseObject({ n: count, score: share.nullable(), interval: interval.nullable() });
const cesResult = z.looseObject({
  n: count,
  score: finite.nullable(),
  interval: interval.nullable(),
  scale: z.looseObject({ min: finite, max: finite }),
  lowEffort: proportion,
});
const change = z.looseObject({ significant: z.boolean().nullable() });
const trendBucket = z.looseObject({
  period: text,
  label: text,
  n: count,
  result: npsResult,
  smallSample: z.boolean(),
  change: change.nullable(),
});
const group = <R extends z.ZodType>(result: R) =>
  z.looseObject({ key: text.nullable(), n: count, result, smallSample: z.boolean() });
const retentionMatrix = z.looseObject({
  interval: text,
  timeZone: text,
  columns: z.array(text),
  cohorts: z.array(
    z.looseObject({
      period: text,
      label: text,
      size: count,
      counts: z.array(count),
      rates: z.array(share.nullable()),
      complete: z.array(z.boolean()),
    }),
  ),
  average: z.looseObject({
    rates: z.array(share.nullable()),
    sizes: z.array(count),
    cohorts: z.array(count),
  }),
});
const funnelResult = z.looseObject({
  counting: z.enum(['uniques', 'totals']),
  entered: count,
  converted: count,
  conversionRate: share.nullable(),
  steps: z
    .array(
      z.looseObject({
        label: text,
        count,
        conversionFromStart: share.nullable(),
        conversionFromPrevious: share.nullable(),
        dropOff: count,
      }),
    )
    .min(1),
});
const churnPeriod = z.looseObject({
  label: text,
  complete: z.boolean(),
  policy: z.enum(['exclude', 'eligible'], {
    error:
      'Expected churn under the "exclude" or "eligible" policy: the report shows churn as a share of customers, and an "exposure" rate is per customer-day',
  }),
  customersAtStart: count,
  lostCustomers: count,
  churnRate: share.nullable(),
});
const activityRow = z.looseObject({
  label: text,
  activeAtStart: count,
  lost: count,
  churnRate: share.nullable(),
  complete: z.boolean(),
});
const duration = z.looseObject({ n: count, median: finite.nonnegative().nullable() });
const signal = z.looseObject({
  kind: text,
  count,
  share: share.nullable(),
  evidence: z.looseObject({ description: text }),
});

/** The schema of a report's input (internal; the documented shape is `ReportInput`). */
export const reportInputSchema = z.strictObject({
  title: text.max(300),
  subtitle: text.max(1_000).optional(),
  timeZone: z.string().refine(isTimeZone, { error: 'Expected an IANA time zone such as Europe/Warsaw' }),
  facts: z.array(z.strictObject({ label: text.max(100), value: finite.nonnegative() })).optional(),
  stages: z.array(z.strictObject({ id: text, label: text })).optional(),
  nps: npsResult.optional(),
  csat: csatResult.optional(),
  ces: cesResult.optional(),
  npsTrend: z.array(trendBucket).optional(),
  journeyMap: z.looseObject({ journey: z.looseObject({ stages: z.array(z.unknown()) }) }).optional(),
  funnel: z
    .strictObject({ result: funnelResult, window: text.max(100), title: text.max(300).optional() })
    .optional(),
  retention: z.strictObject({ matrix: retentionMatrix, definition: text }).optional(),
  csatByStage: z.array(group(csatResult)).optional(),
  cesByStage: z.array(group(cesResult)).optional(),
  churn: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('subscription'), periods: z.array(churnPeriod) }),
      z.strictObject({
        kind: z.literal('activity'),
        inactiveDays: finite.positive(),
        periods: z.array(activityRow),
      }),
    ])
    .optional(),
  stageHealth: z
    .strictObject({
      progress: z.array(
        z.looseObject({
          stageId: text,
          label: text,
          reached: count,
          stoppedHere: count,
          continued: count.nullable(),
          continuationRate: share.nullable(),
        }),
      ),
      health: z
        .array(
          z.looseObject({
            stageId: text,
            label: text,
            reached: count,
            dwell: duration,
            signals: z.array(signal),
          }),
        )
        .optional(),
    })
    .optional(),
  sentimentByTopic: z
    .array(
      z.strictObject({
        topic: text,
        label: text.optional(),
        negative: count,
        neutral: count,
        positive: count,
      }),
    )
    .optional(),
  themes: z
    .array(
      z.strictObject({
        term: text.max(200),
        side: z.enum(['negative', 'positive']),
        texts: count,
        example: z.string().max(2_000).optional(),
      }),
    )
    .optional(),
  dataQuality: z
    .array(
      z.strictObject({
        source: text,
        kind: text,
        rowsIn: count,
        rowsOut: count,
        rejected: count,
        skipped: count,
        reasons: z.array(z.strictObject({ code: text, count })),
        examples: z.array(
          z.strictObject({
            line: count,
            column: count.optional(),
            field: text.optional(),
            raw: z.string().optional(),
            reason: text,
          }),
        ),
        deadLetters: text.optional(),
      }),
    )
    .optional(),
  notes: z.array(text).optional(),
});
