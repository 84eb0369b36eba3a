import { z } from 'zod';
import { optionsError, parseSettings } from '../engine/settings.js';
import {
  type FieldSource,
  fieldSourceSchema,
  type InstantSource,
  instantSourceSchema,
  type TableName,
  tableNameSchema,
} from './column.js';

/**
 * The fields of a survey response a table can map (the names of `SurveyResponse` in `@cx/model`).
 *
 * @category Mapping
 * @since 0.1.0
 */
export type SurveyResponseField =
  | 'id'
  | 'customerId'
  | 'surveyId'
  | 'questionId'
  | 'metric'
  | 'channel'
  | 'stageId'
  | 'touchpointId'
  | 'language';

/**
 * Survey responses in a table or view: which column holds each field, declared once.
 *
 * @category Mapping
 * @since 0.1.0
 */
export interface SurveyResponseTable {
  /** The table or view. */
  readonly table: TableName;
  /** The score column (numeric). */
  readonly score: string;
  /** The weight column; without it every response weighs 1. */
  readonly weight?: string;
  /** When the response was given. Needed for trends. */
  readonly respondedAt?: InstantSource;
  /** Text fields of a response, by their `SurveyResponse` name. */
  readonly fields?: Readonly<Partial<Record<SurveyResponseField, FieldSource>>>;
  /** Further segments by name (e.g. `persona`), as `properties` are in process. */
  readonly segments?: Readonly<Record<string, FieldSource>>;
  /** Only rows whose fields equal these values (one value or any of several), e.g. `{ metric: 'nps' }`. */
  readonly where?: Readonly<Record<string, string | readonly string[]>>;
}

const surveyResponseTableSchema = z.strictObject({
  table: tableNameSchema,
  score: z.string().min(1),
  weight: z.string().min(1).optional(),
  respondedAt: instantSourceSchema.optional(),
  fields: z
    .strictObject({
      id: fieldSourceSchema.optional(),
      customerId: fieldSourceSchema.optional(),
      surveyId: fieldSourceSchema.optional(),
      questionId: fieldSourceSchema.optional(),
      metric: fieldSourceSchema.optional(),
      channel: fieldSourceSchema.optional(),
      stageId: fieldSourceSchema.optional(),
      touchpointId: fieldSourceSchema.optional(),
      language: fieldSourceSchema.optional(),
    })
    .optional(),
  segments: z.record(z.string().min(1), fieldSourceSchema).optional(),
  where: z.record(z.string().min(1), z.union([z.string(), z.array(z.string()).min(1)])).optional(),
});

/**
 * Declares a survey-response table: checks the mapping once (strictly: unknown keys are errors) so every metric
 * can use it.
 *
 * @param mapping - Table, score, weight, instant, fields, segments and row filter.
 * @returns The checked mapping.
 * @throws {@link @cx/model!CxOptionsError} for unknown keys or invalid entries, with their paths.
 * @example
 * ```ts
 * import { surveyResponseTable } from '@cx/warehouse';
 * const responses = surveyResponseTable({
 *   table: ['analytics', 'survey_responses'], score: 'score', respondedAt: 'answered_at',
 *   fields: { metric: 'metric', channel: { column: 'src', values: { WEB: 'web' } } }, where: { metric: 'nps' },
 * });
 * console.log(responses.score); // 'score'
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function surveyResponseTable(mapping: SurveyResponseTable): SurveyResponseTable {
  const checked = parseSettings(
    surveyResponseTableSchema,
    mapping,
    'surveyResponseTable',
  ) as SurveyResponseTable;
  for (const key of Object.keys(checked.where ?? {})) {
    if (checked.fields?.[key as SurveyResponseField] === undefined && checked.segments?.[key] === undefined) {
      throw optionsError(
        'surveyResponseTable',
        ['where', key],
        `Expected a field mapped in fields or segments; ${JSON.stringify(key)} is not`,
      );
    }
  }
  return checked;
}
