import { CxValidationError, type ValidationIssue } from '@cx/model';
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import { actorSettled, endActor, feed, newActorState, newAggregate } from './funnel-kernel.js';
import type { FunnelOptions } from './funnel-options.js';
import { resolveFunnel } from './funnel-resolve.js';
import { type FunnelResult, funnelResultOf } from './funnel-result.js';
import type { InteractionPredicate } from './predicate.js';

type Field = 'name' | 'channel' | 'touchpointId' | 'stageId';

/** Lookup table: code + 1 -> bit mask of predicates the code satisfies on this field. */
function fieldMasks(
  preds: readonly InteractionPredicate[],
  field: Field,
  dict: readonly string[],
): Int32Array {
  const table = new Int32Array(dict.length + 1);
  preds.forEach((p, k) => {
    const cond = p[field];
    const accepted = cond === undefined ? undefined : new Set(typeof cond === 'string' ? [cond] : cond);
    if (accepted === undefined) {
      for (let c = 0; c < table.length; c++) table[c]! |= 1 << k;
    } else {
      dict.forEach((value, code) => {
        if (accepted.has(value)) table[code + 1]! |= 1 << k;
      });
    }
  });
  return table;
}

interface NumericCheck {
  readonly bit: number;
  readonly column: Float64Array;
  readonly accepted: ReadonlySet<number>;
  readonly acceptsMissing: boolean;
}

function numericChecks(
  preds: readonly InteractionPredicate[],
  columns: InteractionColumns,
  root: string,
  issues: ValidationIssue[],
): NumericCheck[] {
  const checks: NumericCheck[] = [];
  preds.forEach((p, k) => {
    for (const [key, cond] of Object.entries(p.properties ?? {})) {
      const list = Array.isArray(cond) ? cond : [cond];
      const column = columns.numeric[key];
      if (column === undefined || !list.every((v) => v === null || typeof v === 'number')) {
        issues.push({
          path: [root, k, 'properties', key],
          message: `Columns hold only the numeric properties ${JSON.stringify(Object.keys(columns.numeric))}; build them with this property in options.numeric or use funnel() on interactions`,
          code: 'unsupported_on_columns',
        });
        continue;
      }
      checks.push({
        bit: 1 << k,
        column,
        accepted: new Set(list.filter((v): v is number => typeof v === 'number')),
        acceptsMissing: list.includes(null),
      });
    }
  });
  return checks;
}

function applyChecks(mask: number, checks: readonly NumericCheck[], e: number): number {
  for (const c of checks) {
    if ((mask & c.bit) === 0) continue;
    const v = c.column[e] as number;
    if (!(Number.isNaN(v) ? c.acceptsMissing : c.accepted.has(v))) mask &= ~c.bit;
  }
  return mask;
}

/**
 * Computes a funnel over the columnar store (same semantics and result as {@link funnel}); the fast path for
 * millions of interactions.
 *
 * Ties in time keep the order of the store (its build order) rather than interaction ids. Property conditions
 * work on the store's numeric property columns only; breakdowns by `field` only.
 *
 * @param columns - Interactions in columns, from `buildInteractionColumns`.
 * @param options - See {@link FunnelOptions} (`inputOrder` is ignored: columns are time-sorted per actor).
 * @returns The funnel result.
 * @throws {@link @cx/model!CxValidationError} for invalid options, a property condition on a property the
 * columns do not hold, or a breakdown by property.
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
  const f = resolveFunnel(options);
  const steps = options.steps;
  const exclusions = options.exclusions ?? [];
  const issues: ValidationIssue[] = [];
  const stepChecks = numericChecks(steps, columns, 'steps', issues);
  const exclChecks = numericChecks(exclusions, columns, 'exclusions', issues);
  if (options.breakdown?.property !== undefined) {
    issues.push({
      path: ['breakdown', 'property'],
      message: 'Breakdown by property is not available on columns; use a field or funnel() on interactions',
      code: 'unsupported_on_columns',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'funnel options' });

  const tables = (preds: readonly InteractionPredicate[]) => [
    fieldMasks(preds, 'name', columns.names),
    fieldMasks(preds, 'channel', columns.channels),
    fieldMasks(preds, 'touchpointId', columns.touchpoints),
    fieldMasks(preds, 'stageId', columns.stages),
  ];
  const [sn, sc, st, ss] = tables(steps) as [Int32Array, Int32Array, Int32Array, Int32Array];
  const [xn, xc, xt, xs] = tables(exclusions) as [Int32Array, Int32Array, Int32Array, Int32Array];
  const { name, channel, touchpoint, stage, time, actorOffsets } = columns;
  const field = options.breakdown?.field;
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
  const hasExcl = exclusions.length > 0;
  const strict = f.order === 'strict';
  const agg = newAggregate(f.n);
  const actors = actorOffsets.length - 1;
  for (let a = 0; a < actors; a++) {
    const s = newActorState();
    const end = actorOffsets[a + 1] as number;
    for (let e = actorOffsets[a] as number; e < end; e++) {
      const n1 = (name[e] as number) + 1;
      const c1 = (channel[e] as number) + 1;
      const t1 = (touchpoint[e] as number) + 1;
      const s1 = (stage[e] as number) + 1;
      let mask = (sn[n1] as number) & (sc[c1] as number) & (st[t1] as number) & (ss[s1] as number);
      if (mask !== 0 && stepChecks.length > 0) mask = applyChecks(mask, stepChecks, e);
      let excl = 0;
      if (hasExcl) {
        excl = (xn[n1] as number) & (xc[c1] as number) & (xt[t1] as number) & (xs[s1] as number);
        if (excl !== 0 && exclChecks.length > 0) excl = applyChecks(excl, exclChecks, e);
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
  return funnelResultOf(f, agg);
}
