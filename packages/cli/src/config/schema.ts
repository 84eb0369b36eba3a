// The schema of cx.config.json: which files to read and how (a @cx/ingest mapping per source), the time zone of
// every calendar, the journey and what to measure. Strict at every level: an unknown key is an error naming the
// closest known one.

import { csvDelimiterOption, ingestFormatOption, maxRejectedOption, textEncodingOption } from '@cx/ingest';
import {
  durationSchema,
  instantSchema,
  intervalOption,
  isTimeZone,
  jsonValueSchema,
  levelOption,
} from '@cx/model';
import { REPORT_SECTIONS } from '@cx/report';
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
  error: 'Expected a name of lower-case letters, digits and dashes, such as "orders"',
});
const timeZone = z.string().refine(isTimeZone, { error: 'Expected an IANA time zone such as Europe/Warsaw' });

/** A JSON rule standing for ingest's `skip` function: skip a row when its cell equals one of the texts. */
const skipSchema = z.strictObject({
  column: z.string().min(1),
  equals: z.union([z.string(), z.array(z.string()).min(1)]),
});

const mappingSchema = z.strictObject({
  kind: z.enum(['order', 'surveyResponse', 'interaction', 'subscription', 'customer', 'feedback']),
  // Each field's source is checked by @cx/ingest's defineMapping (column, value map, default, epoch, constant,
  // generated id); here it only has to be JSON.
  fields: z.record(z.string(), jsonValueSchema),
  properties: z.union([z.literal('rest'), z.array(z.string().min(1))]).optional(),
  timeZone: timeZone.optional(),
  disambiguation: z.enum(['reject', 'earlier', 'later', 'compatible']).optional(),
  decimal: z.enum(['.', ',', 'auto']).optional(),
  numbers: z.record(z.string(), jsonValueSchema).optional(),
  skip: skipSchema.optional(),
});

const sourceSchema = z.strictObject({
  path: z.string().min(1),
  mapping: mappingSchema,
  // The reader options of @cx/ingest, composed: a config file is checked by the same rules as readRecords.
  format: ingestFormatOption,
  delimiter: csvDelimiterOption,
  encoding: textEncodingOption,
  maxRejected: maxRejectedOption,
});

const stepSchema = z.strictObject({ name: z.string().min(1), label: z.string().min(1).optional() });

const reportSchema = z.strictObject({
  title: z.string().min(1).max(300),
  interval: intervalOption.default('month'),
  level: levelOption,
  asOf: instantSchema.optional(),
  journey: z.string().min(1).optional(),
  stages: z
    .array(z.strictObject({ id: slug, label: z.string().min(1) }))
    .min(1)
    .optional(),
  funnel: z
    .strictObject({
      steps: z.array(stepSchema).min(2, { error: 'Expected at least two funnel steps' }),
      window: durationSchema,
    })
    .optional(),
  retention: z.strictObject({ periods: z.number().int().min(1).max(60) }).optional(),
  churn: z.strictObject({ inactiveDays: z.number().gt(0).max(36_500) }).optional(),
  stageHealth: z
    .strictObject({
      failureNames: z.array(z.string().min(1)).optional(),
      supportNames: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  sections: z.array(z.enum(REPORT_SECTIONS)).optional(),
  notes: z.array(z.string().min(1)).optional(),
});

/** The schema of `cx.config.json` (internal; `CxConfig` is its documented type). */
export const cxConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    timeZone,
    out: z.string().min(1).default('cx-report'),
    sources: z
      .record(slug, sourceSchema)
      .refine((s) => Object.keys(s).length > 0, { error: 'Expected at least one source' }),
    report: reportSchema,
  })
  .superRefine((config, ctx) => {
    if (config.report.journey !== undefined && config.report.stages !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['report', 'stages'],
        message: 'Give the stages either in the journey map ("journey") or as "stages", not both',
        params: { code: 'conflicting_options' },
      });
  });

/** `cx.config.json` after defaults. */
export type ParsedCxConfig = z.output<typeof cxConfigSchema>;
