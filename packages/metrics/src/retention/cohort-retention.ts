import type { Interaction } from '@cx/model';
import { CxValidationError } from '@cx/model';
import { buildInteractionColumns } from '../columnar/build.js';
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import { PeriodCalendar } from './calendar.js';
import type { RetentionMatrix } from './matrix.js';
import { RetentionAccumulator, rollingDays } from './matrix.js';
import type { CohortRetentionOptions, EventMatcher, NormalizedRetentionOptions } from './options.js';
import { acceptedIndices, normalizeRetentionOptions } from './options.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Per-dictionary acceptance flags of an {@link EventMatcher} (internal). */
export interface CompiledMatcher {
  readonly name: Uint8Array | undefined;
  readonly channel: Uint8Array | undefined;
  readonly touchpoint: Uint8Array | undefined;
  readonly stage: Uint8Array | undefined;
}

/** Dictionaries a matcher is compiled against (internal). */
export interface MatcherDictionaries {
  readonly names: readonly string[];
  readonly channels: readonly string[];
  readonly touchpoints: readonly string[];
  readonly stages: readonly string[];
}

/** Compiles a matcher against dictionaries (internal). */
export function compileMatcher(matcher: EventMatcher, d: MatcherDictionaries): CompiledMatcher {
  return {
    name: acceptedIndices(d.names, matcher.name),
    channel: acceptedIndices(d.channels, matcher.channel),
    touchpoint: acceptedIndices(d.touchpoints, matcher.touchpoint),
    stage: acceptedIndices(d.stages, matcher.stage),
  };
}

/** Whether event `i` of the given columns satisfies the matcher (internal). */
export function matches(
  m: CompiledMatcher,
  name: Int32Array,
  channel: Int32Array,
  touchpoint: Int32Array,
  stage: Int32Array,
  i: number,
): boolean {
  if (m.name !== undefined && m.name[name[i] as number] !== 1) return false;
  if (m.channel !== undefined && m.channel[channel[i] as number] !== 1) return false;
  if (m.touchpoint !== undefined && m.touchpoint[touchpoint[i] as number] !== 1) return false;
  if (m.stage !== undefined && m.stage[stage[i] as number] !== 1) return false;
  return true;
}

function isColumns(source: unknown): source is InteractionColumns {
  return typeof source === 'object' && source !== null && 'actorOffsets' in source && 'time' in source;
}

/**
 * Cohort retention matrix from interactions, with the options of PostHog, Amplitude and Mixpanel (see
 * `docs/retention.md` for which options reproduce which tool).
 *
 * Actors are grouped into cohorts by the period of their start event; column `k` counts the actors who did the
 * return event in period `k` after it ("on") or in period `k` or later ("on or after"). Column 0 is the cohort
 * itself. Cells whose time has not fully elapsed by `asOf` are flagged and left out of the size-weighted
 * average row.
 *
 * @param source - Interactions in any order, or their columns ({@link buildInteractionColumns}).
 * @param options - Cohort type, start and return events, interval, windows, brackets, aggregation, … .
 * @returns The matrix with labels, cohort rows and the weighted average row.
 * @throws {@link @cx/model!CxValidationError} for unknown units, time zones or option values, an aggregated
 *   property that is not a numeric column, and (for interaction input) bad interactions.
 * @example
 * ```ts
 * import { cohortRetention } from '@cx/metrics';
 * const e = (customerId: string, timestamp: string) =>
 *   ({ id: `${customerId}${timestamp}`, customerId, timestamp, name: 'open', channel: 'mobile-app' as const, properties: {} });
 * const matrix = cohortRetention(
 *   [e('a', '2026-01-01T10:00:00Z'), e('a', '2026-01-02T09:00:00Z'), e('b', '2026-01-01T12:00:00Z')],
 *   { interval: 'day', periods: 2, asOf: '2026-01-10T00:00:00Z' },
 * );
 * console.log(matrix.labels, matrix.cohorts[0]?.counts, matrix.average.rates); // [ 'Day 0', 'Day 1', 'Day 2' ] [ 2, 1, 0 ] [ 1, 0.5, 0 ]
 * ```
 * @category Retention
 * @since 0.1.0
 */
export function cohortRetention(
  source: InteractionColumns | Iterable<Interaction>,
  options: CohortRetentionOptions = {},
): RetentionMatrix {
  const o = normalizeRetentionOptions(options);
  const property = o.aggregate?.property;
  const columns = isColumns(source)
    ? source
    : buildInteractionColumns(source, property === undefined ? {} : { numeric: [property] });
  let values: Float64Array | undefined;
  if (property !== undefined) {
    values = columns.numeric[property];
    if (values === undefined) {
      throw new CxValidationError([
        {
          path: ['aggregate', 'property'],
          message: `Expected a numeric column named ${JSON.stringify(property)}; build the columns with numeric: [${JSON.stringify(property)}]`,
          code: 'missing_column',
        },
      ]);
    }
  }
  return computeRetention(columns, o, values);
}

function computeRetention(
  cols: InteractionColumns,
  o: NormalizedRetentionOptions,
  values: Float64Array | undefined,
): RetentionMatrix {
  const { time, name, channel, touchpoint, stage, actorOffsets } = cols;
  const ncols = o.labels.length;
  const acc = new RetentionAccumulator(ncols);
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  const actors = cols.actorIds.length;
  for (let a = 0; a < actors; a++) {
    const from = actorOffsets[a] as number;
    const to = actorOffsets[a + 1] as number;
    if (to > from) {
      if ((time[from] as number) < minTime) minTime = time[from] as number;
      if ((time[to - 1] as number) > maxTime) maxTime = time[to - 1] as number;
    }
  }
  if (minTime === Number.POSITIVE_INFINITY) minTime = maxTime = o.asOf ?? 0;
  const asOf = o.asOf ?? maxTime;
  const calendar = new PeriodCalendar(o.calendar, minTime, Math.max(maxTime, asOf));
  const days =
    o.window === 'rolling' && o.rollingTruncation === 'day'
      ? new PeriodCalendar({ ...o.calendar, interval: 'day' }, minTime, maxTime)
      : undefined;
  const starts = calendar.starts;
  const lastPeriod = calendar.periods - 1;
  const start = compileMatcher(o.startEvent, cols);
  const ret = compileMatcher(o.returnEvent, cols);
  const startNameOnly: CompiledMatcher = {
    name: start.name,
    channel: undefined,
    touchpoint: undefined,
    stage: undefined,
  };
  const offsetColumn = o.offsetColumn;
  const maxOffset = offsetColumn.length - 1;
  const windowMs = rollingDays(o.interval) * DAY_MS;
  const windowDays = rollingDays(o.interval);
  const occurrences = new Int32Array(ncols);
  const returned = new Uint8Array(ncols);
  const hasValue = new Uint8Array(ncols);
  const sums = new Float64Array(ncols);
  const onOrAfter = o.retention === 'on-or-after';
  const recurring = o.cohortType === 'recurring';
  const startPeriods: number[] = [];

  for (let a = 0; a < actors; a++) {
    const from = actorOffsets[a] as number;
    const to = actorOffsets[a + 1] as number;
    if (recurring) {
      recurringActor(from, to);
      continue;
    }
    // Find the start event.
    let j0 = -1;
    if (o.cohortType === 'first-time') {
      for (let j = from; j < to; j++) {
        if (matches(start, name, channel, touchpoint, stage, j)) {
          j0 = j;
          break;
        }
      }
    } else {
      for (let j = from; j < to; j++) {
        if (matches(startNameOnly, name, channel, touchpoint, stage, j)) {
          j0 = j;
          break;
        }
      }
      if (j0 >= 0 && !matches(start, name, channel, touchpoint, stage, j0)) j0 = -1;
    }
    if (j0 < 0) continue;
    const t0 = time[j0] as number;
    const cohort = calendar.indexOf(t0);
    const cohortStart = starts[cohort] as number;
    if (cohortStart < o.from || cohortStart >= o.to) continue;
    occurrences.fill(0);
    returned.fill(0);
    if (values !== undefined) {
      hasValue.fill(0);
      sums.fill(0);
    }
    let p = cohort;
    const t0Hour = t0 - (((t0 % HOUR_MS) + HOUR_MS) % HOUR_MS);
    let day0 = 0;
    let d = 0;
    if (days !== undefined) {
      d = days.indexOf(t0);
      day0 = d;
    }
    for (let j = j0; j < to; j++) {
      const t = time[j] as number;
      let offset: number;
      if (o.window === 'calendar') {
        while (p < lastPeriod && (starts[p + 1] as number) <= t) p++;
        offset = p - cohort;
      } else if (o.rollingTruncation === 'none') {
        offset = Math.floor((t - t0) / windowMs);
      } else if (o.rollingTruncation === 'hour') {
        offset = Math.floor((t - (((t % HOUR_MS) + HOUR_MS) % HOUR_MS) - t0Hour) / windowMs);
      } else {
        const dayStarts = (days as PeriodCalendar).starts;
        const lastDay = (days as PeriodCalendar).periods - 1;
        while (d < lastDay && (dayStarts[d + 1] as number) <= t) d++;
        offset = Math.floor((d - day0) / windowDays);
      }
      if (offset > maxOffset) break;
      if (!matches(ret, name, channel, touchpoint, stage, j)) continue;
      const c = offsetColumn[offset] as number;
      occurrences[c]! += 1;
      if (values !== undefined) {
        const v = values[j] as number;
        hasValue[c] = 1;
        if (!Number.isNaN(v)) sums[c]! += v;
      }
    }
    for (let c = 1; c < ncols; c++) if ((occurrences[c] as number) >= o.minimumOccurrences) returned[c] = 1;
    acc.addActor(cohort, returned, onOrAfter);
    if (values !== undefined) addValues(cohort);
  }

  function addValues(cohort: number): void {
    const rowSums = acc.row(acc.values, cohort);
    const rowActors = acc.row(acc.valueActors, cohort);
    for (let c = 0; c < ncols; c++) {
      if (hasValue[c] === 1) {
        rowSums[c]! += sums[c] as number;
        rowActors[c]! += 1;
      }
    }
  }

  function recurringActor(from: number, to: number): void {
    startPeriods.length = 0;
    let p = 0;
    for (let j = from; j < to; j++) {
      if (!matches(start, name, channel, touchpoint, stage, j)) continue;
      const t = time[j] as number;
      while (p < lastPeriod && (starts[p + 1] as number) <= t) p++;
      if (startPeriods[startPeriods.length - 1] !== p) startPeriods.push(p);
    }
    for (const cohort of startPeriods) {
      const cohortStart = starts[cohort] as number;
      if (cohortStart < o.from || cohortStart >= o.to) continue;
      occurrences.fill(0);
      returned.fill(0);
      if (values !== undefined) {
        hasValue.fill(0);
        sums.fill(0);
      }
      let q = cohort;
      // Return events from the start of the cohort period on (period 0 only feeds aggregation).
      for (let j = from; j < to; j++) {
        const t = time[j] as number;
        if (t < cohortStart) continue;
        while (q < lastPeriod && (starts[q + 1] as number) <= t) q++;
        const offset = q - cohort;
        if (offset > maxOffset) break;
        if (!matches(ret, name, channel, touchpoint, stage, j)) continue;
        const c = offsetColumn[offset] as number;
        occurrences[c]! += 1;
        if (values !== undefined) {
          const v = values[j] as number;
          hasValue[c] = 1;
          if (!Number.isNaN(v)) sums[c]! += v;
        }
      }
      for (let c = 1; c < ncols; c++) if ((occurrences[c] as number) >= o.minimumOccurrences) returned[c] = 1;
      acc.addActor(cohort, returned, onOrAfter);
      if (values !== undefined) addValues(cohort);
    }
  }

  return acc.finish(o, calendar, asOf);
}
