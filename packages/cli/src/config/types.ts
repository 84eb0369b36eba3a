import type { IngestFormat, TextEncodingName } from '@cx/ingest';
import type { Duration } from '@cx/model';
import type { ReportSectionId } from '@cx/report';

/**
 * One source file of a {@link CxConfig}: where it is, how its rows become records (a `@cx/ingest` mapping in JSON),
 * and how to read it.
 *
 * @example
 * ```ts
 * import type { CxSource } from '@cx/cli';
 * const orders: CxSource = {
 *   path: 'data/orders.csv',
 *   delimiter: ';',
 *   mapping: { kind: 'order', timeZone: 'Europe/Warsaw', decimal: ',', fields: { id: 'Nr', customerId: 'E-mail', orderedAt: 'Data', amount: 'Kwota', status: { value: 'paid' } } },
 *   maxRejected: { share: 0.05 },
 * };
 * console.log(orders.mapping.kind); // 'order'
 * ```
 * @category Config
 * @since 0.1.0
 */
export interface CxSource {
  /** The file, relative to the config: `.csv`, `.tsv`, `.ndjson`, `.jsonl` or `.parquet`, each optionally `.gz`. */
  readonly path: string;
  /**
   * The mapping of `@cx/ingest` (see docs/ingest.md), in JSON: `kind`, `fields` (model field → column name,
   * `{ column, values, default, epoch, timeZone, decimal }`, `{ value }` or `{ generate }`), `properties`,
   * `timeZone`, `disambiguation`, `decimal`, `numbers`, and `skip: { column, equals }` for rows that are not records
   * (skipped when the cell equals the text, or one of the texts; an empty or absent cell equals `""`).
   */
  readonly mapping: {
    readonly kind: 'order' | 'surveyResponse' | 'interaction' | 'subscription' | 'customer' | 'feedback';
    readonly fields: Readonly<Record<string, unknown>>;
    readonly properties?: 'rest' | readonly string[];
    readonly timeZone?: string;
    readonly disambiguation?: 'reject' | 'earlier' | 'later' | 'compatible';
    readonly decimal?: '.' | ',' | 'auto';
    readonly numbers?: Readonly<Record<string, unknown>>;
    readonly skip?: { readonly column: string; readonly equals: string | readonly string[] };
  };
  /** `csv`, `ndjson` or `parquet`; default from the extension. */
  readonly format?: IngestFormat;
  /** CSV delimiter, or `auto`; default `,` (tab for `.tsv`). */
  readonly delimiter?: string;
  /** Text encoding; default `utf-8`. */
  readonly encoding?: TextEncodingName;
  /** Fail when more rows than this are rejected: a count or a share of the rows. */
  readonly maxRejected?: { readonly count?: number; readonly share?: number };
}

/**
 * The config of `cx report` (`cx.config.json`): the time zone of every calendar, the sources, and the report.
 *
 * @example
 * ```ts
 * import type { CxConfig } from '@cx/cli';
 * const config: CxConfig = {
 *   timeZone: 'Europe/Warsaw',
 *   out: 'out',
 *   sources: {
 *     survey: { path: 'nps.csv', mapping: { kind: 'surveyResponse', timeZone: 'UTC', fields: { id: '#', score: 'Score', respondedAt: 'Submitted', surveyId: { value: 'nps' }, metric: { value: 'nps' }, scale: { value: { min: 0, max: 10 } } } } },
 *   },
 *   report: { title: 'Shop report', interval: 'month', churn: { inactiveDays: 90 } },
 * };
 * console.log(Object.keys(config.sources)); // [ 'survey' ]
 * ```
 * @category Config
 * @since 0.1.0
 */
export interface CxConfig {
  /** A JSON Schema reference for editors; not read. */
  readonly $schema?: string;
  /** IANA zone of every calendar period (months of NPS, cohorts, churn). */
  readonly timeZone: string;
  /** Output folder, relative to the config; default `cx-report`. */
  readonly out?: string;
  /** The files, by name (lower-case letters, digits and dashes; the name of each dead-letter file). */
  readonly sources: Readonly<Record<string, CxSource>>;
  readonly report: {
    readonly title: string;
    /** Calendar period of trends, cohorts and churn; default `month`. */
    readonly interval?: 'day' | 'week' | 'month' | 'quarter' | 'year';
    /** Confidence level of every interval; default 0.95. */
    readonly level?: number;
    /** The instant the data is complete up to; default the latest instant in the data. */
    readonly asOf?: string;
    /** A journey-map document (JSON or YAML, `@cx/map`), relative to the config: stages, touchpoints, pain points. */
    readonly journey?: string;
    /** The journey's stages in order, when there is no journey map. */
    readonly stages?: ReadonlyArray<{ readonly id: string; readonly label: string }>;
    /** A funnel of interaction names, within a window such as `{ days: 7 }`. */
    readonly funnel?: {
      readonly steps: ReadonlyArray<{ readonly name: string; readonly label?: string }>;
      readonly window: Duration;
    };
    /** Periods after each cohort's own; default 6. */
    readonly retention?: { readonly periods: number };
    /** Activity churn: a customer is lost after this many days without an order or interaction. */
    readonly churn?: { readonly inactiveDays: number };
    /** Interaction names that are failed attempts and support contacts, for the pain signals of each stage. */
    readonly stageHealth?: {
      readonly failureNames?: readonly string[];
      readonly supportNames?: readonly string[];
    };
    /** Sections to show, in order; default all that have data. */
    readonly sections?: readonly ReportSectionId[];
    /** Closing notes of the report. */
    readonly notes?: readonly string[];
  };
}
