import { CxOptionsError, CxValidationError, type OptionIssue, type ValidationIssue } from '@cx/model';
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import {
  actorSettled,
  endActor,
  type FunnelAggregate,
  feed,
  newActorState,
  newAggregate,
  resetActorState,
} from './funnel-kernel.js';
import type { FunnelOptions } from './funnel-options.js';
import { type ResolvedFunnel, resolveFunnel } from './funnel-resolve.js';
import { type FunnelResult, funnelResultOf } from './funnel-result.js';
import type { InteractionPredicate } from './predicate.js';

type Field = 'name' | 'channel' | 'touchpointId' | 'stageId';

/**
 * Lookup table of one field: entry `(code + 1) * words + w` holds bit `p & 31` of word `w = p >> 5` when predicate
 * `p`'s condition on the field accepts the code (or it has none). ANDing the four fields' entries gives the predicates
 * an event matches, in as many 32-bit words as there are groups of 32 predicates: no limit on their number.
 */
function fieldTable(
  preds: readonly InteractionPredicate[],
  field: Field,
  dict: readonly string[],
  words: number,
): Int32Array {
  const table = new Int32Array((dict.length + 1) * words);
  preds.forEach((p, k) => {
    const w = k >> 5;
    const bit = 1 << (k & 31);
    const cond = p[field];
    const accepted = cond === undefined ? undefined : new Set(typeof cond === 'string' ? [cond] : cond);
    for (let c = 0; c <= dict.length; c++) {
      if (accepted === undefined || (c > 0 && accepted.has(dict[c - 1] as string)))
        table[c * words + w]! |= bit;
    }
  });
  return table;
}

/** A condition on a numeric property column of predicate `index` (internal). */
interface NumericCheck {
  readonly word: number;
  readonly bit: number;
  readonly column: Float64Array;
  readonly accepted: ReadonlySet<number>;
  readonly acceptsMissing: boolean;
}

function numericChecks(
  preds: readonly InteractionPredicate[],
  columns: InteractionColumns,
  root: string,
  dataIssues: ValidationIssue[],
  optionIssues: OptionIssue[],
): NumericCheck[] {
  const checks: NumericCheck[] = [];
  preds.forEach((p, k) => {
    for (const [key, cond] of Object.entries(p.properties ?? {})) {
      const list = Array.isArray(cond) ? cond : [cond];
      if (!list.every((v) => v === null || typeof v === 'number')) {
        optionIssues.push({
          path: [root, k, 'properties', key],
          message: 'Columns hold numeric properties only; use funnel() on interactions for other conditions',
          code: 'invalid_value',
        });
        continue;
      }
      const column = Object.hasOwn(columns.numeric, key) ? columns.numeric[key] : undefined;
      if (column === undefined) {
        dataIssues.push({
          path: [root, k, 'properties', key],
          message: `The columns hold only the numeric properties ${JSON.stringify(Object.keys(columns.numeric))}; build them with this property in options.numeric or use funnel() on interactions`,
          code: 'unsupported_on_columns',
        });
        continue;
      }
      checks.push({
        word: k >> 5,
        bit: 1 << (k & 31),
        column,
        accepted: new Set(list.filter((v): v is number => typeof v === 'number')),
        acceptsMissing: list.includes(null),
      });
    }
  });
  return checks;
}

/** Clears in `words` the bits of predicates whose numeric conditions event `e` fails (internal). */
function applyChecks(words: Int32Array, checks: readonly NumericCheck[], e: number): void {
  for (const c of checks) {
    if (((words[c.word] as number) & c.bit) === 0) continue;
    const v = c.column[e] as number;
    if (!(Number.isNaN(v) ? c.acceptsMissing : c.accepted.has(v))) words[c.word]! &= ~c.bit;
  }
}

/** The exclusion word of an event from the exclusions it matches (internal; see `ResolvedFunnel.exclusionSteps`). */
function exclusionWord(f: ResolvedFunnel, matched: Int32Array): number {
  let excl = 0;
  for (let w = 0; w < matched.length; w++) {
    let m = matched[w] as number;
    while (m !== 0) {
      const b = 31 - Math.clz32(m & -m);
      excl |= f.exclusionSteps[(w << 5) + b] as number;
      m &= m - 1;
    }
  }
  return excl;
}

/**
 * Computes a funnel over the columnar store (same semantics and result as {@link funnel}); the fast path for
 * millions of interactions.
 *
 * Ties in time keep the order of the store (its build order) rather than interaction ids. Property conditions
 * work on the store's numeric property columns only; breakdowns by `field` only.
 *
 * @param columns - Interactions in columns, from `buildInteractionColumns`.
 * @param options - See {@link FunnelOptions} (`inputOrder` does not apply: columns are time-sorted per actor).
 * @returns The funnel result.
 * @throws {@link @cx/model!CxOptionsError} for invalid options, a breakdown by property or a non-numeric property
 * condition (columns hold numeric properties only).
 * @throws {@link @cx/model!CxValidationError} (`unsupported_on_columns`) for a property condition on a property the
 * columns do not hold.
 * @example
 * ```ts
 * import { buildInteractionColumns, funnelColumns } from '@cx/metrics';
 * const e = (id: string, name: string, t: string) => ({ id, customerId: 'c1', timestamp: t, name, channel: 'web' as const, properties: {} });
 * const columns = buildInteractionColumns([e('1', 'view', '2026-01-01T10:00:00Z'), e('2', 'buy', '2026-01-01T11:00:00Z')]);
 * console.log(funnelColumns(columns, { steps: [{ name: 'view' }, { name: 'buy' }] }).converted); // 1
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function funnelColumns(columns: InteractionColumns, options: FunnelOptions): FunnelResult {
  const f = resolveFunnel(options, 'funnelColumns');
  const agg = newAggregate(f.n);
  funnelColumnsInto(columns, f, agg, 'funnelColumns');
  return funnelResultOf(f, agg);
}

/**
 * The kernel of {@link funnelColumns} (internal): feeds every actor of `columns` to `agg`. Aggregates of disjoint
 * sets of actors merge into the aggregate of their union (counts add; conversion times are sorted before any
 * statistic is taken), so a store split by actor can be run part by part into one aggregate.
 *
 * @param subject - The public function, for option errors.
 */
export function funnelColumnsInto(
  columns: InteractionColumns,
  f: ResolvedFunnel,
  agg: FunnelAggregate,
  subject: string,
): void {
  const { steps, exclusions, breakdown } = f.options;
  const dataIssues: ValidationIssue[] = [];
  const optionIssues: OptionIssue[] = [];
  const stepChecks = numericChecks(steps, columns, 'steps', dataIssues, optionIssues);
  const exclChecks = numericChecks(exclusions, columns, 'exclusions', dataIssues, optionIssues);
  if (breakdown?.property !== undefined) {
    optionIssues.push({
      path: ['breakdown', 'property'],
      message: 'Breakdown by property is not available on columns; use a field or funnel() on interactions',
      code: 'invalid_value',
    });
  }
  if (optionIssues.length > 0) throw new CxOptionsError(subject, optionIssues);
  if (dataIssues.length > 0) throw new CxValidationError(dataIssues, { subject: 'funnel columns' });

  const tables = (preds: readonly InteractionPredicate[], words: number) => [
    fieldTable(preds, 'name', columns.names, words),
    fieldTable(preds, 'channel', columns.channels, words),
    fieldTable(preds, 'touchpointId', columns.touchpoints, words),
    fieldTable(preds, 'stageId', columns.stages, words),
  ];
  const [sn, sc, st, ss] = tables(steps, 1) as [Int32Array, Int32Array, Int32Array, Int32Array];
  const W = (exclusions.length + 31) >> 5;
  const [xn, xc, xt, xs] = tables(exclusions, W) as [Int32Array, Int32Array, Int32Array, Int32Array];
  const stepWord = new Int32Array(1);
  const matched = new Int32Array(W);
  const { name, channel, touchpoint, stage, time, actorOffsets } = columns;
  const field = breakdown?.field;
  const segColumn =
    field === 'name'
      ? name
      : field === 'channel'
        ? channel
        : field === 'touchpointId'
          ? touchpoint
          : field === 'stageId'
            ? stage
            : undefined;
  const segDict =
    field === 'name'
      ? columns.names
      : field === 'channel'
        ? columns.channels
        : field === 'touchpointId'
          ? columns.touchpoints
          : columns.stages;
  const segName = (code: number) => (code < 0 ? null : (segDict[code] as string));
  const strict = f.order === 'strict';
  const actors = actorOffsets.length - 1;
  // The common funnel (steps by name only, no exclusions or numeric checks, no breakdown, not strict) reads one
  // column per event instead of four: the other fields' tables accept every code.
  const nameOnly =
    W === 0 &&
    stepChecks.length === 0 &&
    !strict &&
    segColumn === undefined &&
    acceptsAll(sc, steps.length) &&
    acceptsAll(st, steps.length) &&
    acceptsAll(ss, steps.length);
  const s = newActorState(true);
  if (nameOnly) {
    for (let a = 0; a < actors; a++) {
      resetActorState(s);
      const end = actorOffsets[a + 1] as number;
      for (let e = actorOffsets[a] as number; e < end; e++) {
        const mask = sn[(name[e] as number) + 1] as number;
        if (mask === 0) continue;
        feed(f, s, time[e] as number, mask, 0, -1, agg, segName);
        if (actorSettled(f, s)) break;
      }
      endActor(f, s, agg, segName, true);
    }
    return;
  }
  for (let a = 0; a < actors; a++) {
    resetActorState(s);
    const end = actorOffsets[a + 1] as number;
    for (let e = actorOffsets[a] as number; e < end; e++) {
      const n1 = (name[e] as number) + 1;
      const c1 = (channel[e] as number) + 1;
      const t1 = (touchpoint[e] as number) + 1;
      const s1 = (stage[e] as number) + 1;
      let mask = (sn[n1] as number) & (sc[c1] as number) & (st[t1] as number) & (ss[s1] as number);
      if (mask !== 0 && stepChecks.length > 0) {
        stepWord[0] = mask;
        applyChecks(stepWord, stepChecks, e);
        mask = stepWord[0] as number;
      }
      let excl = 0;
      if (W > 0) {
        let any = 0;
        for (let w = 0; w < W; w++) {
          const m =
            (xn[n1 * W + w] as number) &
            (xc[c1 * W + w] as number) &
            (xt[t1 * W + w] as number) &
            (xs[s1 * W + w] as number);
          matched[w] = m;
          any |= m;
        }
        if (any !== 0) {
          if (exclChecks.length > 0) applyChecks(matched, exclChecks, e);
          excl = exclusionWord(f, matched);
        }
      }
      if (mask === 0 && excl === 0 && !strict) continue;
      feed(
        f,
        s,
        time[e] as number,
        mask,
        excl,
        segColumn === undefined ? -1 : (segColumn[e] as number),
        agg,
        segName,
      );
      if (actorSettled(f, s)) break;
    }
    endActor(f, s, agg, segName, true);
  }
}

/** Whether a one-word field table accepts every code for all `n` predicates (internal). */
function acceptsAll(table: Int32Array, n: number): boolean {
  const all = n >= 32 ? -1 : (1 << n) - 1;
  for (let i = 0; i < table.length; i++) if (((table[i] as number) & all) !== all) return false;
  return true;
}
