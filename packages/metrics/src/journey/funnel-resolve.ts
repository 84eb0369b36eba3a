import { durationToMs, type Interaction, parseOptions } from '@cx/model';
import { FUNNEL_RENAMED, funnelOptionsSchema, type ParsedFunnelOptions } from './funnel-options.js';
import { ownValue } from './own.js';
import { compilePredicate, type Matcher } from './predicate.js';

/** A checked and compiled funnel (internal). */
export interface ResolvedFunnel {
  readonly n: number;
  /** The parsed options, defaults applied (what snapshots store and merges compare). */
  readonly options: ParsedFunnelOptions;
  readonly labels: readonly string[];
  readonly steps: readonly Matcher[];
  readonly exclusions: readonly Matcher[];
  /**
   * Per exclusion, the steps at which it applies, as a mask over `reached`: bit r set when the exclusion applies to
   * an attempt that has completed r steps. An event's exclusion word is the OR of the masks of the exclusions it
   * matches, so any number of exclusions fits in one word of at most {@link MAX_FUNNEL_STEPS} bits.
   */
  readonly exclusionSteps: Int32Array;
  /** Per-step window from the previous step (Infinity = none). */
  readonly stepWindow: Float64Array;
  readonly windowMs: number;
  readonly order: 'sequential' | 'strict' | 'any';
  readonly totals: boolean;
  readonly remove: boolean;
  /** -2 first touch, -1 last touch, k >= 0 step k; undefined without breakdown. */
  readonly attribution: number | undefined;
  readonly breakdownValue: ((i: Interaction) => string | null) | undefined;
  readonly percentiles: readonly number[];
  readonly timeOrdered: boolean;
}

function stepLabel(step: ParsedFunnelOptions['steps'][number], index: number): string {
  if (step.label !== undefined) return step.label;
  if (step.name !== undefined) return typeof step.name === 'string' ? step.name : step.name.join(' | ');
  return `step ${index + 1}`;
}

/** The breakdown value of an interaction's own property: `String` of a primitive, JSON of an object (internal). */
function propertyValue(property: string): (i: Interaction) => string | null {
  return (i) => {
    const v = ownValue(i.properties, property);
    return v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
}

/**
 * Checks funnel options with their strict schema and compiles them (internal).
 *
 * @param options - Options as given by the caller.
 * @param subject - The function or class, for the error message.
 * @returns The resolved funnel.
 * @throws {@link @cx/model!CxOptionsError} listing every problem with its path.
 */
export function resolveFunnel(options: unknown, subject: string): ResolvedFunnel {
  const o = parseOptions(funnelOptionsSchema, options, subject, { renamed: FUNNEL_RENAMED });
  const n = o.steps.length;
  const exclusionSteps = Int32Array.from(o.exclusions, (x) => {
    const from = x.fromStep ?? 0;
    const to = x.toStep ?? n - 1;
    let mask = 0;
    // "reached" steps done: the attempt sits between step reached-1 and step reached.
    for (let reached = from + 1; reached <= to; reached++) mask |= 1 << reached;
    return mask;
  });
  const a = o.breakdown?.attribution;
  const field = o.breakdown?.field;
  const property = o.breakdown?.property;
  return {
    n,
    options: o,
    labels: o.steps.map(stepLabel),
    steps: o.steps.map((s) => compilePredicate(s)),
    exclusions: o.exclusions.map((x) => compilePredicate(x)),
    exclusionSteps,
    stepWindow: Float64Array.from(o.steps, (s) =>
      s.window === undefined ? Number.POSITIVE_INFINITY : durationToMs(s.window),
    ),
    windowMs: durationToMs(o.window),
    order: o.order,
    totals: o.counting === 'totals',
    remove: o.exclusionEffect === 'remove',
    attribution: a === undefined ? undefined : a === 'first-touch' ? -2 : a === 'last-touch' ? -1 : a.step,
    breakdownValue:
      field !== undefined
        ? (i) => (i[field] as string | undefined) ?? null
        : property !== undefined
          ? propertyValue(property)
          : undefined,
    percentiles: o.percentiles,
    timeOrdered: o.inputOrder === 'time-ordered',
  };
}
