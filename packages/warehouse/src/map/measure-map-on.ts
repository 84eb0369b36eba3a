import {
  assembleMeasurements,
  type JourneyMap,
  type JourneyMapInput,
  type KpiStatistic,
  type MeasureMapOptions,
  type MeasurementPlan,
  measurementReach,
  planMeasurements,
  type ReadonlyDeep,
} from '@cx/map';
import { csatMetric, npsMetric, type SurveyMetric, type SurveyMetricResult } from '@cx/metrics';
import { CxOptionsError, CxValidationError, createCalendar, type Scale } from '@cx/model';
import { analyzeSentiment } from '@cx/text';
import type { Engine } from '../engine/engine.js';
import { optionsError } from '../engine/settings.js';
import { filteredFunnelQuery } from '../journey/funnel.js';
import type { TableName } from '../mapping/column.js';
import { epochMs } from '../mapping/expressions.js';
import { type FeedbackTable, feedbackRows, feedbackTable } from '../mapping/feedback.js';
import { type InteractionTable, interactionRows, interactionTable } from '../mapping/interactions.js';
import { scanInteractions } from '../mapping/scan.js';
import {
  type SurveyResponseField,
  type SurveyResponseTable,
  surveyResponseTable,
} from '../mapping/survey-responses.js';
import { periodOrdinal } from '../sql/calendar.js';
import type { Dialect } from '../sql/dialect.js';
import { raw, type SqlFragment, sql } from '../sql/fragment.js';
import { and, inList } from '../sql/match.js';
import { type ZoneOffsets, zoneOffsets } from '../sql/zone.js';
import { groupTallies, responseRows, scoreStatistics } from '../survey/statistics.js';

const NAME = 'measureMapOn';
const SOURCE = 'measureMapOn (@cx/warehouse)';

/**
 * Where the records of a journey map's measurements live: the interaction table (conversion, drop-off, volume of
 * interactions), the survey-response table (NPS, CSAT, volume of responses) and the feedback table (sentiment
 * share, volume of feedback). Only the tables the map's definitions read are needed.
 *
 * @category Journey maps
 * @since 0.2.0
 */
export interface MeasurementSources {
  /** Interactions ({@link interactionTable}). */
  readonly interactions?: InteractionTable;
  /** Survey responses ({@link surveyResponseTable}); `respondedAt` and `metric` mapped, and the scope's field. */
  readonly responses?: SurveyResponseTable;
  /** Feedback ({@link feedbackTable}). */
  readonly feedback?: FeedbackTable;
}

/**
 * Options of {@link measureMapOn}: those of `measureMap` in `@cx/map`, and the scale of CSAT scores (a response
 * table holds scores only; in process each response carries its scale).
 *
 * @category Journey maps
 * @since 0.2.0
 */
export interface MeasureMapOnOptions extends MeasureMapOptions {
  /** Scale of the CSAT scores in the response table; default 1–5, the default of `csat` in `@cx/metrics`. */
  readonly csatScale?: Scale;
}

/** What every KPI computation reads: the engine, the plan, the checked tables, the calendar (internal). */
interface Context {
  readonly engine: Engine;
  readonly plan: MeasurementPlan;
  readonly sources: MeasurementSources;
  readonly offsets: ZoneOffsets | null;
  /** Window index of each period number (`Calendar.indexOf`). */
  readonly windowOf: ReadonlyMap<number, number>;
  readonly csatScale: Scale | undefined;
}

/**
 * Measures a journey map on an engine: every KPI with a metric definition gets a measurement over the window and,
 * with `interval`, one per calendar period — the measurements `measureMap` of `@cx/map` computes in process from
 * the same records, with the same ids, values, n and intervals. The windows and ids come from `planMeasurements`
 * and the values are presented by `assembleMeasurements` of `@cx/map` (one code path for both); only the
 * statistics come from the engine:
 *
 * - NPS and CSAT: per distinct score the count, Σw and Σw² of the scope's responses (the survey tallies of
 *   {@link surveyMetricQuery}), one statement for the window and one grouped by period; `@cx/metrics` restores its
 *   accumulator from them;
 * - conversion and drop-off: the funnel of {@link funnelQuery} over the window's events (attempts in the window,
 *   completions up to `withinDays` after it), one streamed statement per window;
 * - volume: one `count(*)` grouped by period;
 * - sentiment share: the feedback texts of the scope and window are **streamed from the engine and scored in this
 *   process** by `analyzeSentiment` of `@cx/text` (no engine has the lexicon); Node holds one batch at a time.
 *
 * Period numbers are computed in SQL from the zone's offsets over the window, read from the same source as the
 * calendar of `@cx/model` (DST-correct, whatever zone database the engine ships). The interaction table is scanned
 * once and rejected, as in process, when a row lacks an actor, instant, name or channel.
 *
 * @param engine - The engine.
 * @param map - A map, parsed or built in code; its KPIs carry `definition`s.
 * @param sources - The tables the definitions read.
 * @param options - The options of `measureMap` (window required) and `csatScale`.
 * @returns The map with its measurements refreshed (`source`: `measureMapOn (@cx/warehouse)`).
 * @throws {@link @cx/model!CxOptionsError} for invalid options (as `measureMap`), a table a definition needs but
 *   not given, or a field it filters on not mapped (`missing_option`, e.g. at `sources.responses.fields.stageId`).
 * @throws {@link @cx/model!CxValidationError} for an invalid map, incomplete interaction rows, or survey scores off
 *   the metric's scale.
 * @throws {@link @cx/model!CxLimitError} when the window spans more than `maxPeriods` periods.
 * @example
 * ```ts
 * import { duckdbEngine, loadedSurveyResponseTable, loadSurveyResponses, measureMapOn } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * const scale = { min: 0, max: 10, direction: 'higher-is-better', integral: true } as const;
 * const response = (id: string, score: number) => ({
 *   id, surveyId: 's', metric: 'nps' as const, scale, score, weight: 1, respondedAt: '2026-03-02T10:00:00Z', stageId: 'use', properties: {},
 * });
 * await loadSurveyResponses(engine, 'answers', [response('a', 10), response('b', 9), response('c', 3)]);
 * const map = {
 *   formatVersion: 2 as const,
 *   journey: { id: 'j', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 *   kpis: [{ id: 'k-nps', name: 'NPS', stageId: 'use', definition: { kind: 'nps' as const, scope: { stageId: 'use' } } }],
 * };
 * const measured = await measureMapOn(engine, map, { responses: loadedSurveyResponseTable('answers') }, {
 *   window: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
 * });
 * console.log(measured.measurements[0]?.value, measured.measurements[0]?.n); // 33.333333333333336 3 (in process 33.33333333333333: equal to 1e-9)
 * await engine.close();
 * ```
 * @category Journey maps
 * @since 0.2.0
 */
export async function measureMapOn(
  engine: Engine,
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  sources: MeasurementSources,
  options: MeasureMapOnOptions,
): Promise<JourneyMap> {
  const { csatScale, rest } = splitOptions(options);
  const plan = planMeasurements(map, rest as MeasureMapOptions, NAME);
  const checked = checkSources(plan, sources);
  if (checked.interactions !== undefined) await scanInteractions(checked.interactions, engine);
  await checkInstants(engine, checked);
  const whole = plan.windows[0]!;
  const windowOf = new Map<number, number>();
  let offsets: ZoneOffsets | null = null;
  if (plan.calendar !== undefined) {
    const calendar = createCalendar(plan.calendar);
    plan.windows.forEach((w, i) => {
      if (i > 0) windowOf.set(calendar.indexOf(w.from), i);
    });
    offsets = zoneOffsets(plan.calendar.timeZone, whole.from - 1, whole.to);
  }
  const context: Context = { engine, plan, sources: checked, offsets, windowOf, csatScale };
  const statistics: KpiStatistic[][] = [];
  for (const { definition } of plan.kpis) {
    try {
      statistics.push(await measureKpi(context, definition));
    } catch (error) {
      if (error instanceof CxOptionsError && error.subject !== NAME)
        throw new CxOptionsError(NAME, error.issues, { cause: error });
      throw error;
    }
  }
  return assembleMeasurements(plan, statistics, SOURCE);
}

/** `csatScale` apart from the options `planMeasurements` checks (internal). */
function splitOptions(options: MeasureMapOnOptions): { csatScale: Scale | undefined; rest: unknown } {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return { csatScale: undefined, rest: options };
  const { csatScale, ...rest } = options;
  if (csatScale !== undefined) {
    try {
      csatMetric({ scale: csatScale });
    } catch (error) {
      if (!(error instanceof CxOptionsError)) throw error;
      throw new CxOptionsError(
        NAME,
        error.issues.map((i) => ({ ...i, path: ['csatScale', ...i.path.slice(1)] })),
        { cause: error },
      );
    }
  }
  return { csatScale, rest };
}

type Definition = MeasurementPlan['kpis'][number]['definition'];

/**
 * Rejects response and feedback rows without an instant, as the in-process schemas do (internal): such a row would
 * otherwise fall silently outside every window.
 *
 * @throws {@link CxValidationError} (`invalid_instant`) naming the table and how many rows.
 */
async function checkInstants(engine: Engine, sources: MeasurementSources): Promise<void> {
  const d = engine.dialect;
  const checks: Array<[string, TableName, SqlFragment]> = [];
  if (sources.responses?.respondedAt !== undefined)
    checks.push([
      'responses',
      sources.responses.table,
      sql`SELECT count(*) AS n FROM (${responseRows(sources.responses, undefined, d)}) r WHERE ms IS NULL`,
    ]);
  if (sources.feedback !== undefined)
    checks.push([
      'feedback',
      sources.feedback.table,
      sql`SELECT count(*) AS n FROM (${feedbackRows(sources.feedback, d)}) f WHERE t IS NULL`,
    ]);
  for (const [name, table, query] of checks) {
    const [row] = await engine.query(query);
    const n = typeof row?.n === 'number' ? row.n : 0;
    if (n > 0)
      throw new CxValidationError([
        {
          path: [name],
          code: 'invalid_instant',
          message: `${n} row(s) of ${typeof table === 'string' ? table : table.join('.')} without an instant`,
        },
      ]);
  }
}

/** The tables the plan's definitions read, checked; a missing one is an options error (internal). */
function checkSources(plan: MeasurementPlan, sources: MeasurementSources): MeasurementSources {
  if (typeof sources !== 'object' || sources === null || Array.isArray(sources))
    throw optionsError(NAME, ['sources'], 'Expected an object of tables', 'invalid_type');
  const unknown = Object.keys(sources).filter((k) => !['interactions', 'responses', 'feedback'].includes(k));
  if (unknown.length > 0)
    throw optionsError(
      NAME,
      ['sources', unknown[0]!],
      'Expected interactions, responses or feedback',
      'unknown_option',
    );
  const needs = new Set(plan.kpis.map(({ definition }) => tableOf(definition)));
  const need = <T>(name: keyof MeasurementSources, check: (t: T) => T): T | undefined => {
    if (!needs.has(name)) return undefined;
    const table = sources[name] as T | undefined;
    if (table === undefined)
      throw optionsError(
        NAME,
        ['sources', name],
        `Expected the ${name} table: a KPI of the map is measured from it`,
        'missing_option',
      );
    return check(table);
  };
  const interactions = need('interactions', interactionTable);
  const responses = need('responses', surveyResponseTable);
  const feedback = need('feedback', feedbackTable);
  // Every field a definition selects responses by is mapped: checked before any SQL runs.
  if (responses !== undefined)
    for (const { definition } of plan.kpis) {
      const fields = responseFieldsOf(definition);
      if (fields.length > 0 && responses.respondedAt === undefined)
        throw optionsError(
          NAME,
          ['sources', 'responses', 'respondedAt'],
          'Expected respondedAt mapped',
          'missing_option',
        );
      for (const field of fields)
        if (responses.fields?.[field] === undefined)
          throw optionsError(
            NAME,
            ['sources', 'responses', 'fields', field],
            `Expected ${field} mapped: the KPI's definition selects responses by it`,
            'missing_option',
          );
    }
  return {
    ...(interactions === undefined ? {} : { interactions }),
    ...(responses === undefined ? {} : { responses }),
    ...(feedback === undefined ? {} : { feedback }),
  };
}

/** The response fields a definition selects rows by (internal). */
function responseFieldsOf(definition: Definition): SurveyResponseField[] {
  const scope = (s: { readonly stageId?: string | undefined }): SurveyResponseField =>
    s.stageId !== undefined ? 'stageId' : 'touchpointId';
  if (definition.kind === 'nps' || definition.kind === 'csat')
    return [
      'metric',
      scope(definition.scope),
      ...(definition.surveyId === undefined ? [] : ['surveyId' as const]),
    ];
  if (definition.kind === 'volume' && definition.of === 'responses') return [scope(definition.scope)];
  return [];
}

/** The table a definition reads (internal). */
function tableOf(definition: Definition): keyof MeasurementSources {
  switch (definition.kind) {
    case 'nps':
    case 'csat':
      return 'responses';
    case 'conversion':
    case 'drop-off':
      return 'interactions';
    case 'sentiment-share':
      return 'feedback';
    case 'volume':
      return definition.of;
  }
}

/** Statistics of one KPI over every window of the plan (internal). */
async function measureKpi(c: Context, definition: Definition): Promise<KpiStatistic[]> {
  switch (definition.kind) {
    case 'nps':
    case 'csat':
      return surveyStatistics(c, definition);
    case 'conversion':
    case 'drop-off':
      return funnelStatistics(c, definition);
    case 'volume':
      return volumeStatistics(c, definition);
    case 'sentiment-share':
      return sentimentStatistics(c, definition);
  }
}

/**
 * The window key of an instant column: `NULL` outside the whole window, else the period number (with an interval)
 * or 0 (internal).
 */
function windowKey(c: Context, ms: SqlFragment, d: Dialect): SqlFragment {
  const w = c.plan.windows[0]!;
  const key = c.plan.calendar === undefined ? sql`0` : periodOrdinal(ms, c.plan.calendar, d, c.offsets);
  return sql`CASE WHEN ${ms} >= ${w.from} AND ${ms} < ${w.to} THEN ${key} END`;
}

/** Spreads per-key values over the windows: periods by their number, the whole window from `whole` (internal). */
function perWindow<T>(c: Context, byKey: ReadonlyMap<number, T>, whole: T, empty: T): T[] {
  return c.plan.windows.map((_, i) => {
    if (i === 0) return whole;
    for (const [key, index] of c.windowOf) if (index === i) return byKey.get(key) ?? empty;
    return empty;
  });
}

function scopeFilter(
  scope: { readonly stageId?: string | undefined; readonly touchpointId?: string | undefined },
  stage: SqlFragment,
  touchpoint: SqlFragment,
): SqlFragment {
  return scope.stageId !== undefined
    ? sql`${stage} = ${scope.stageId}`
    : sql`${touchpoint} = ${scope.touchpointId as string}`;
}

/** NPS and CSAT from the survey tallies of the scope's responses (internal). */
async function surveyStatistics(
  c: Context,
  definition: Extract<Definition, { kind: 'nps' | 'csat' }>,
): Promise<KpiStatistic[]> {
  const base = c.sources.responses as SurveyResponseTable;
  const respondedAt = base.respondedAt!; // mapped: checked by checkSources
  const wanted: Array<[SurveyResponseField, string]> = [['metric', definition.kind]];
  if (definition.scope.stageId !== undefined) wanted.push(['stageId', definition.scope.stageId]);
  else wanted.push(['touchpointId', definition.scope.touchpointId as string]);
  if (definition.surveyId !== undefined) wanted.push(['surveyId', definition.surveyId]);
  const where: Record<string, string | readonly string[]> = { ...base.where };
  for (const [field, value] of wanted) {
    const own = where[field];
    const list =
      own === undefined ? [value] : (typeof own === 'string' ? [own] : own).filter((v) => v === value);
    // The table's own filter excludes every response the definition selects: nothing to measure.
    if (list.length === 0) return c.plan.windows.map(() => ({ kind: 'none' }));
    where[field] = list;
  }
  const table: SurveyResponseTable = { ...base, where };
  const level = c.plan.level;
  const metric: SurveyMetric<SurveyMetricResult> =
    definition.kind === 'nps'
      ? npsMetric({ level })
      : csatMetric({
          positive: definition.positive,
          level,
          ...(c.csatScale === undefined ? {} : { scale: c.csatScale }),
        });
  const statistic = (result: SurveyMetricResult): KpiStatistic =>
    definition.kind === 'nps'
      ? { kind: 'nps', result: result as never }
      : { kind: 'csat', result: result as never };
  const run = async (key: (d: Dialect) => SqlFragment) => {
    const rows = await c.engine.query(scoreStatistics(table, key(c.engine.dialect), c.engine.dialect));
    const tallies = await groupTallies(rows, metric, table, key, c.engine);
    const empty = metric.create().snapshot();
    const out = new Map<number, KpiStatistic>();
    for (const [k, state] of tallies)
      if (typeof k === 'number') out.set(k, statistic(metric.restore({ ...empty, state }).result()));
    return out;
  };
  const inWindow = (d: Dialect, key: SqlFragment) => {
    const ms = epochMs(respondedAt, d);
    const w = c.plan.windows[0]!;
    return sql`CASE WHEN ${ms} >= ${w.from} AND ${ms} < ${w.to} THEN ${key} END`;
  };
  const whole = (await run((d) => inWindow(d, sql`0`))).get(0) ?? { kind: 'none' };
  if (c.plan.calendar === undefined) return [whole];
  const periods = await run((d) => windowKey(c, epochMs(respondedAt, d), d));
  return perWindow(c, periods, whole, { kind: 'none' });
}

/** Conversion and drop-off: the funnel of each window's events (internal). */
async function funnelStatistics(
  c: Context,
  definition: Extract<Definition, { kind: 'conversion' | 'drop-off' }>,
): Promise<KpiStatistic[]> {
  const table = c.sources.interactions as InteractionTable;
  const journey = c.plan.map.journey;
  const within = measurementReach(definition);
  let steps: Parameters<typeof filteredFunnelQuery>[1]['steps'];
  let attempt: SqlFragment;
  if (definition.kind === 'conversion') {
    const action = journey.desiredActions.find((a) => a.id === definition.desiredActionId)!;
    const completion = journey.completedActions
      .filter((a) => a.desiredActionId === action.id)
      .flatMap((a) => a.interactionNames);
    if (completion.length === 0) return c.plan.windows.map(() => ({ kind: 'none' }));
    steps = [
      {
        name: action.interactionNames,
        ...(action.touchpointId === undefined ? {} : { touchpointId: action.touchpointId }),
      },
      { name: completion },
    ];
    attempt = inList(raw('name'), action.interactionNames);
  } else {
    steps = [{ stageId: definition.fromStageId }, { stageId: definition.toStageId }];
    // NULL-safe: an event without a stage is no attempt (in process, `undefined !== fromStageId`).
    attempt = sql`(stage IS NOT NULL AND stage = ${definition.fromStageId})`;
  }
  const out: KpiStatistic[] = [];
  for (const w of c.plan.windows) {
    // Attempts in the window; completions up to `withinDays` after it ends.
    const filter = () =>
      and([sql`t >= ${w.from}`, sql`t < ${w.to + within}`, sql`(NOT (${attempt}) OR t < ${w.to})`]);
    const result = await filteredFunnelQuery(
      table,
      { steps, window: { days: definition.withinDays } },
      filter,
    ).run(c.engine);
    out.push(
      definition.kind === 'conversion'
        ? { kind: 'share', count: result.converted, n: result.entered }
        : { kind: 'share', count: result.entered - result.converted, n: result.entered },
    );
  }
  return out;
}

/** Volume: a count of the scope's records per period (internal). */
async function volumeStatistics(
  c: Context,
  definition: Extract<Definition, { kind: 'volume' }>,
): Promise<KpiStatistic[]> {
  const d = c.engine.dialect;
  let rows: SqlFragment;
  if (definition.of === 'interactions') {
    const table = c.sources.interactions as InteractionTable;
    const names =
      definition.interactionNames === undefined
        ? sql`TRUE`
        : inList(raw('name'), definition.interactionNames);
    rows = sql`SELECT ${windowKey(c, raw('t'), d)} AS k FROM (${interactionRows(table, {}, d)}) ev WHERE ${names} AND ${scopeFilter(definition.scope, raw('stage'), raw('touchpoint'))}`;
  } else if (definition.of === 'feedback') {
    const table = c.sources.feedback as FeedbackTable;
    rows = sql`SELECT ${windowKey(c, raw('t'), d)} AS k FROM (${feedbackRows(table, d)}) fb WHERE ${scopeFilter(definition.scope, raw('stage'), raw('touchpoint'))}`;
  } else {
    const table = c.sources.responses as SurveyResponseTable;
    const field = definition.scope.stageId !== undefined ? 'stageId' : 'touchpointId';
    const key = windowKey(c, epochMs(table.respondedAt!, d), d); // both mapped: checked by checkSources
    const scoped: SurveyResponseTable = {
      ...table,
      where: { ...table.where, [field]: definition.scope[field] as string },
    };
    const own = table.where?.[field];
    if (
      own !== undefined &&
      !(typeof own === 'string' ? [own] : own).includes(definition.scope[field] as string)
    )
      return c.plan.windows.map(() => ({ kind: 'count', n: 0 }));
    rows = sql`SELECT k FROM (${responseRows(scoped, key, d)}) r`;
  }
  const counts = await c.engine.query(
    sql`SELECT k, count(*) AS n FROM (${rows}) x WHERE k IS NOT NULL GROUP BY k`,
  );
  const byKey = new Map<number, KpiStatistic>();
  let total = 0;
  for (const row of counts) {
    const n = row.n as number;
    total += n;
    byKey.set(row.k as number, { kind: 'count', n });
  }
  return perWindow(c, byKey, { kind: 'count', n: total }, { kind: 'count', n: 0 });
}

/** Sentiment share: the scope's feedback texts streamed from the engine and scored here by @cx/text (internal). */
async function sentimentStatistics(
  c: Context,
  definition: Extract<Definition, { kind: 'sentiment-share' }>,
): Promise<KpiStatistic[]> {
  const d = c.engine.dialect;
  const table = c.sources.feedback as FeedbackTable;
  const query = sql`SELECT k, body, language, id FROM (SELECT ${windowKey(c, raw('t'), d)} AS k, body, language, stage, touchpoint, id FROM (${feedbackRows(table, d)}) fb) x WHERE k IS NOT NULL AND ${scopeFilter(definition.scope, raw('stage'), raw('touchpoint'))}`;
  const tallies = new Map<number, { count: number; n: number }>();
  const whole = { count: 0, n: 0 };
  for await (const batch of c.engine.stream(query)) {
    for (const row of batch) {
      if (typeof row.body !== 'string')
        throw new CxValidationError([
          {
            path: ['feedback', row.id === null ? '?' : String(row.id), 'text'],
            code: 'missing_field',
            message: 'Feedback without text',
          },
        ]);
      const label = analyzeSentiment(
        row.body,
        typeof row.language === 'string' ? { language: row.language } : {},
      ).label;
      if (label === null) continue;
      const k = row.k as number;
      const t = tallies.get(k) ?? { count: 0, n: 0 };
      t.n++;
      whole.n++;
      if (label === definition.label) {
        t.count++;
        whole.count++;
      }
      tallies.set(k, t);
    }
  }
  const share = (t: { count: number; n: number }): KpiStatistic => ({ kind: 'share', ...t });
  return perWindow(
    c,
    new Map([...tallies].map(([k, t]) => [k, share(t)])),
    share(whole),
    share({ count: 0, n: 0 }),
  );
}
