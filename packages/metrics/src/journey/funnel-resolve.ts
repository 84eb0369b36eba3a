import type { Interaction, ValidationIssue } from '@cx/model';
import { CxValidationError } from '@cx/model';
import { DEFAULT_PERCENTILES } from './duration-stats.js';
import { DEFAULT_FUNNEL_WINDOW_MS, type FunnelOptions, type FunnelStep } from './funnel-options.js';
import { compilePredicate, type Matcher, predicateIssues } from './predicate.js';

/** Most steps a funnel may have (steps are tracked in a 32-bit mask). */
export const MAX_FUNNEL_STEPS = 31;

/** A validated funnel (internal). */
export interface ResolvedFunnel {
  readonly n: number;
  readonly options: FunnelOptions;
  readonly labels: readonly string[];
  readonly steps: readonly Matcher[];
  readonly exclusions: readonly Matcher[];
  /** Bit mask of exclusions that apply when `reached` steps are done, indexed by `reached`. */
  readonly exclusionsAt: Int32Array;
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

const isNonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function stepLabel(step: FunnelStep, index: number): string {
  if (step.label !== undefined) return step.label;
  if (step.name !== undefined) return typeof step.name === 'string' ? step.name : step.name.join(' | ');
  return `step ${index + 1}`;
}

function windowIssues(value: unknown, path: ReadonlyArray<string | number>): ValidationIssue[] {
  return value === undefined || isNonNegative(value)
    ? []
    : [
        {
          path,
          message: `Expected a non-negative number of milliseconds, got ${String(value)}`,
          code: 'too_small',
        },
      ];
}

function oneOf(value: unknown, allowed: readonly string[], path: string[]): ValidationIssue[] {
  return value === undefined || allowed.includes(value as string)
    ? []
    : [
        {
          path,
          message: `Expected one of ${allowed.join(', ')}, got ${String(value)}`,
          code: 'invalid_value',
        },
      ];
}

/**
 * Validates funnel options and compiles them (internal).
 *
 * @param options - Options as given by the caller.
 * @returns The resolved funnel.
 * @throws {@link @cx/model!CxValidationError} listing every problem with its path.
 */
export function resolveFunnel(options: FunnelOptions): ResolvedFunnel {
  const issues: ValidationIssue[] = [];
  const steps = (options as { steps?: unknown }).steps;
  if (!Array.isArray(steps) || steps.length === 0) {
    issues.push({ path: ['steps'], message: 'Expected a non-empty list of steps', code: 'too_small' });
  } else if (steps.length > MAX_FUNNEL_STEPS) {
    issues.push({ path: ['steps'], message: `Expected at most ${MAX_FUNNEL_STEPS} steps`, code: 'too_big' });
  } else {
    steps.forEach((s: FunnelStep, k) => {
      issues.push(...predicateIssues(s, ['steps', k], ['label', 'windowMs']));
      issues.push(...windowIssues(s?.windowMs, ['steps', k, 'windowMs']));
      if (s?.windowMs !== undefined && (k === 0 || options.order === 'any')) {
        issues.push({
          path: ['steps', k, 'windowMs'],
          message: 'A step window applies from the previous step: not on the first step nor with order "any"',
          code: 'invalid_option',
        });
      }
    });
  }
  const n = Array.isArray(steps) ? steps.length : 0;
  issues.push(...windowIssues(options.windowMs, ['windowMs']));
  issues.push(...oneOf(options.order, ['sequential', 'strict', 'any'], ['order']));
  issues.push(...oneOf(options.counting, ['uniques', 'totals'], ['counting']));
  issues.push(...oneOf(options.exclusionEffect, ['remove', 'drop-off'], ['exclusionEffect']));
  issues.push(...oneOf(options.inputOrder, ['any', 'time-ordered'], ['inputOrder']));
  const exclusions = options.exclusions ?? [];
  exclusions.forEach((x, j) => {
    issues.push(...predicateIssues(x, ['exclusions', j], ['fromStep', 'toStep']));
    const from = x?.fromStep ?? 0;
    const to = x?.toStep ?? n - 1;
    if (!Number.isInteger(from) || from < 0 || from >= Math.max(n - 1, 1)) {
      issues.push({
        path: ['exclusions', j, 'fromStep'],
        message: `Expected a step index in 0…${n - 2}`,
        code: 'invalid_option',
      });
    } else if (!Number.isInteger(to) || to <= from || to > n - 1) {
      issues.push({
        path: ['exclusions', j, 'toStep'],
        message: `Expected a step index in ${from + 1}…${n - 1}`,
        code: 'invalid_option',
      });
    }
  });
  const breakdown = options.breakdown;
  let attribution: number | undefined;
  if (breakdown !== undefined) {
    if ((breakdown.field === undefined) === (breakdown.property === undefined)) {
      issues.push({
        path: ['breakdown'],
        message: 'Expected exactly one of field or property',
        code: 'invalid_option',
      });
    }
    issues.push(
      ...oneOf(breakdown.field, ['name', 'channel', 'touchpointId', 'stageId'], ['breakdown', 'field']),
    );
    const a = breakdown.attribution ?? 'first-touch';
    if (a === 'first-touch') attribution = -2;
    else if (a === 'last-touch') attribution = -1;
    else if (typeof a === 'object' && a !== null && Number.isInteger(a.step) && a.step >= 0 && a.step < n)
      attribution = a.step;
    else
      issues.push({
        path: ['breakdown', 'attribution'],
        message: `Expected first-touch, last-touch or { step: 0…${n - 1} }`,
        code: 'invalid_option',
      });
  }
  for (const [i, p] of (options.percentiles ?? []).entries()) {
    if (!(typeof p === 'number' && p >= 0 && p <= 100)) {
      issues.push({
        path: ['percentiles', i],
        message: 'Expected a percentile in 0…100',
        code: 'invalid_option',
      });
    }
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'funnel options' });

  const typedSteps = steps as readonly FunnelStep[];
  const exclusionsAt = new Int32Array(n + 1);
  exclusions.forEach((x, j) => {
    const from = x.fromStep ?? 0;
    const to = x.toStep ?? n - 1;
    // "reached" steps done: the attempt sits between step reached-1 and step reached.
    for (let reached = from + 1; reached <= to; reached++) exclusionsAt[reached]! |= 1 << j;
  });
  const property = breakdown?.property;
  const field = breakdown?.field;
  return {
    n,
    options,
    labels: typedSteps.map(stepLabel),
    steps: typedSteps.map((s) => compilePredicate(s)),
    exclusions: exclusions.map((x) => compilePredicate(x)),
    exclusionsAt,
    stepWindow: Float64Array.from(typedSteps, (s) => s.windowMs ?? Number.POSITIVE_INFINITY),
    windowMs: options.windowMs ?? DEFAULT_FUNNEL_WINDOW_MS,
    order: options.order ?? 'sequential',
    totals: options.counting === 'totals',
    remove: options.exclusionEffect !== 'drop-off',
    attribution,
    breakdownValue:
      breakdown === undefined
        ? undefined
        : field !== undefined
          ? (i) => (i[field] as string | undefined) ?? null
          : (i) => {
              const v = i.properties?.[property as string];
              return v === undefined || v === null
                ? null
                : typeof v === 'object'
                  ? JSON.stringify(v)
                  : String(v);
            },
    percentiles: options.percentiles ?? DEFAULT_PERCENTILES,
    timeOrdered: options.inputOrder === 'time-ordered',
  };
}
