import {
  FunnelAccumulator,
  type FunnelOptions,
  type FunnelResult,
  type InteractionPredicate,
} from '@cx/metrics';
import type { Interaction } from '@cx/model';
import type { ResultRow } from '../engine/engine.js';
import { floatType, textType } from '../mapping/expressions.js';
import { type InteractionTable, interactionRows, interactionTable } from '../mapping/interactions.js';
import { scanInteractions } from '../mapping/scan.js';
import { WarehouseQuery } from '../query.js';
import type { Dialect } from '../sql/dialect.js';
import { join, raw, type SqlFragment, sql } from '../sql/fragment.js';
import { and, inList } from '../sql/match.js';

const FIELDS = [
  ['name', 'name'],
  ['channel', 'channel'],
  ['touchpointId', 'touchpoint'],
  ['stageId', 'stage'],
] as const;

/** SQL condition implied by a predicate's fields (its property conditions are checked in TypeScript) (internal). */
export function predicateFilter(p: InteractionPredicate): SqlFragment {
  return and(
    FIELDS.filter(([field]) => p[field] !== undefined).map(([field, column]) =>
      inList(raw(column), p[field]),
    ),
  );
}

/** Property names a funnel reads (internal). */
export function funnelProperties(options: FunnelOptions): string[] {
  const names = new Set<string>();
  for (const p of [...options.steps, ...(options.exclusions ?? [])])
    for (const k of Object.keys(p.properties ?? {})) names.add(k);
  if (options.breakdown?.property !== undefined) names.add(options.breakdown.property);
  return [...names];
}

/** Split of wanted properties into numeric and text columns of the mapping (internal). */
export function propertyColumns(
  table: InteractionTable,
  names: readonly string[],
): { numeric: string[]; text: string[] } {
  const numeric = names.filter((n) => Object.hasOwn(table.numeric ?? {}, n));
  return { numeric, text: names.filter((n) => !numeric.includes(n)) };
}

/** Events of interest ordered by actor, instant, id and tie order, as the in-process funnel orders them (internal). */
export function orderedEvents(
  table: InteractionTable,
  wanted: { numeric: string[]; text: string[] },
  filter: SqlFragment,
  d: Dialect,
): SqlFragment {
  const idOrder = d === 'postgres' ? sql`id COLLATE "C"` : sql`id`;
  return sql`SELECT * FROM (${interactionRows(table, wanted, d)}) ev WHERE actor IS NOT NULL AND t IS NOT NULL AND ${filter} ORDER BY actor, t, ${idOrder}, ord`;
}

/** An interaction rebuilt from an engine row, with the properties a metric reads (internal). */
export function rowInteraction(
  row: ResultRow,
  wanted: { numeric: string[]; text: string[] },
  index: number,
): Interaction {
  const properties: Record<string, string | number> = {};
  wanted.numeric.forEach((name, i) => {
    const v = row[`n_${i}`];
    if (typeof v === 'number') properties[name] = v;
  });
  wanted.text.forEach((name, i) => {
    const v = row[`s_${i}`];
    if (typeof v === 'string') properties[name] = v;
  });
  return {
    id: row.id === null ? `row-${index}` : String(row.id),
    customerId: String(row.actor),
    timestamp: new Date(row.t as number).toISOString(),
    name: String(row.name),
    channel: String(row.channel) as Interaction['channel'],
    ...(row.touchpoint === null ? {} : { touchpointId: String(row.touchpoint) }),
    ...(row.stage === null ? {} : { stageId: String(row.stage) as Interaction['stageId'] & string }),
    properties,
  };
}

/**
 * A funnel on an engine, with every option of `funnel` in `@cx/metrics` (ordered, strict or any-order steps,
 * conversion windows, exclusions, uniques or totals, breakdowns, time to convert). When no step or exclusion tests
 * a property, the engine decides every match: it streams the relevant events (every event for strict order) as
 * numbers only — actor, instant, step bits, exclusion bits, breakdown value — ordered by actor, instant, id and tie
 * order, and the funnel engine of `@cx/metrics` walks them (`FunnelAccumulator.addMatched`) without rebuilding an
 * interaction. With property conditions the engine streams the candidate events with their fields and each is
 * matched in TypeScript. Either way the result is the in-process one, and Node holds
 * one actor's events plus the conversion times (for exact percentiles).
 *
 * @param interactions - The interaction table.
 * @param options - The options of `funnel`.
 * @returns The query; `run(engine)` gives the funnel result.
 * @throws {@link @cx/model!CxOptionsError} for invalid options or mapping (before any SQL runs);
 *   {@link @cx/model!CxValidationError} at run
 *   time for rows without an actor, instant, name or channel.
 * @example
 * ```ts
 * import { duckdbEngine, funnelQuery, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE ev AS SELECT * FROM (VALUES
 *   ('1', 'a', 'view', TIMESTAMPTZ '2026-01-01 10:00:00+00'), ('2', 'a', 'buy', TIMESTAMPTZ '2026-01-02 10:00:00+00'),
 *   ('3', 'b', 'view', TIMESTAMPTZ '2026-01-01 10:00:00+00')) v(id, who, what, ts)`);
 * const result = await funnelQuery(
 *   { table: 'ev', timestamp: 'ts', fields: { id: 'id', customerId: 'who', name: 'what', channel: { constant: 'web' } } },
 *   { steps: [{ name: 'view' }, { name: 'buy' }], window: { days: 7 } },
 * ).run(engine);
 * console.log(result.steps.map((s) => s.count), result.conversionRate); // [ 2, 1 ] 0.5
 * await engine.close();
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function funnelQuery(
  interactions: InteractionTable,
  options: FunnelOptions,
): WarehouseQuery<FunnelResult> {
  const table = interactionTable(interactions);
  const settings: FunnelOptions = { ...options, inputOrder: 'time-ordered' };
  new FunnelAccumulator(settings);
  const wanted = propertyColumns(table, funnelProperties(options));
  const predicates = [...options.steps, ...(options.exclusions ?? [])];
  if (predicates.every((p) => p.properties === undefined || Object.keys(p.properties).length === 0)) {
    return matchedFunnel(table, options, settings, wanted);
  }
  return WarehouseQuery.streaming(
    'funnel',
    (d) =>
      orderedEvents(
        table,
        wanted,
        options.order === 'strict' ? sql`TRUE` : sql`(${join(predicates.map(predicateFilter), ' OR ')})`,
        d,
      ),
    async (batches, engine) => {
      await scanInteractions(table, engine);
      const acc = new FunnelAccumulator(settings);
      let previous: string | undefined;
      let index = 0;
      for await (const batch of batches) {
        for (const row of batch) {
          const actor = String(row.actor);
          if (previous !== undefined && actor !== previous) acc.flushActors();
          previous = actor;
          acc.add(rowInteraction(row, wanted, index++));
        }
      }
      return acc.flushActors().result();
    },
  );
}

/** Bits of the predicates an event matches, as an SQL integer: bit k for predicate k (internal). */
function matchBits(predicates: readonly InteractionPredicate[]): SqlFragment {
  if (predicates.length === 0) return sql`0`;
  return sql`(${join(
    predicates.map((p, k) => sql`CASE WHEN ${predicateFilter(p)} THEN ${2 ** k} ELSE 0 END`),
    ' + ',
  )})`;
}

/**
 * The relevant events (every event for strict order) as numbers only — actor, instant, step bits, exclusion bits
 * and breakdown value — ordered by actor, instant, id and tie order (internal). Used when no step or exclusion
 * tests a property, so that every match is decided by the engine.
 */
function matchedSql(
  table: InteractionTable,
  options: FunnelOptions,
  wanted: { numeric: string[]; text: string[] },
  d: Dialect,
  rowFilter: SqlFragment = sql`TRUE`,
): SqlFragment {
  const b = options.breakdown;
  const segment =
    b === undefined
      ? sql`CAST(NULL AS ${textType(d)})`
      : b.field !== undefined
        ? raw((FIELDS.find(([field]) => field === b.field) as readonly [string, string])[1])
        : b.property !== undefined && wanted.numeric.includes(b.property)
          ? raw(`n_${wanted.numeric.indexOf(b.property)}`)
          : raw(`s_${wanted.text.indexOf(b.property as string)}`);
  const relevant = options.order === 'strict' ? sql`` : sql` WHERE m <> 0 OR x <> 0`;
  const f = floatType(d);
  const idOrder = d === 'postgres' ? sql`id COLLATE "C"` : sql`id`;
  return sql`SELECT actor, t, m, x, seg FROM (SELECT actor, CAST(t AS ${f}) AS t, id, ord, CAST(${matchBits(options.steps)} AS ${f}) AS m, CAST(${matchBits(options.exclusions ?? [])} AS ${f}) AS x, ${segment} AS seg FROM (${interactionRows(table, wanted, d)}) ev WHERE actor IS NOT NULL AND t IS NOT NULL AND ${rowFilter}) me${relevant} ORDER BY actor, t, ${idOrder}, ord`;
}

/**
 * A funnel whose steps and exclusions test fields only (no property), over the rows of the table that pass
 * `rowFilter` — a condition on the normalised columns (`t`, `name`, `stage`, …) of `interactionRows` — without the
 * validating scan of the table (the caller scans once) (internal; `measureMapOn` reads its windows this way).
 */
export function filteredFunnelQuery(
  table: InteractionTable,
  options: FunnelOptions,
  rowFilter: (d: Dialect) => SqlFragment,
): WarehouseQuery<FunnelResult> {
  const settings: FunnelOptions = { ...options, inputOrder: 'time-ordered' };
  return matchedFunnel(table, options, settings, { numeric: [], text: [] }, rowFilter, false);
}

/** The funnel from the engine's matches: numbers only reach Node, no interaction is rebuilt (internal). */
function matchedFunnel(
  table: InteractionTable,
  options: FunnelOptions,
  settings: FunnelOptions,
  wanted: { numeric: string[]; text: string[] },
  rowFilter: (d: Dialect) => SqlFragment = () => sql`TRUE`,
  scan = true,
): WarehouseQuery<FunnelResult> {
  return WarehouseQuery.streaming(
    'funnel',
    (d) => matchedSql(table, options, wanted, d, rowFilter(d)),
    async (batches, engine) => {
      if (scan) await scanInteractions(table, engine);
      const acc = new FunnelAccumulator(settings);
      let previous: string | undefined;
      for await (const batch of batches) {
        for (const row of batch) {
          const actor = String(row.actor);
          if (previous !== undefined && actor !== previous) acc.flushActors();
          previous = actor;
          const seg = row.seg;
          acc.addMatched(
            actor,
            row.t as number,
            row.m as number,
            row.x as number,
            seg === null || seg === undefined ? null : String(seg),
          );
        }
      }
      return acc.flushActors().result();
    },
  );
}
