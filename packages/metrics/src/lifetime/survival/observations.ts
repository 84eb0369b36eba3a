import { CxValidationError, type ValidationIssue } from '@cx/model';

/**
 * One subject of a survival analysis: the time to the event or to censoring.
 *
 * @category Survival
 * @since 0.1.0
 */
export interface SurvivalObservation {
  /** Time from the origin (e.g. signup) to the event or censoring, in any one unit, ≥ 0. */
  readonly time: number;
  /** `true` if the event (e.g. churn) was observed at `time`; `false` if the subject was censored then. */
  readonly event: boolean;
}

/**
 * A survival observation with the group it belongs to, for {@link logRankTest}.
 *
 * @category Survival
 * @since 0.1.0
 */
export interface GroupedSurvivalObservation extends SurvivalObservation {
  /** Group label, e.g. `pain-point` / `no-pain-point`. */
  readonly group: string;
}

/** Checks times and event flags; throws one CxValidationError listing every bad position. */
export function checkObservations(observations: readonly SurvivalObservation[], grouped = false): void {
  if (!Array.isArray(observations)) {
    throw new CxValidationError(
      [{ path: ['observations'], message: 'Expected a list of observations', code: 'invalid_type' }],
      { subject: 'survival observations' },
    );
  }
  const issues: ValidationIssue[] = [];
  observations.forEach((o, i) => {
    if (typeof o !== 'object' || o === null) {
      issues.push({ path: ['observations', i], message: 'Expected { time, event }', code: 'invalid_type' });
      return;
    }
    if (typeof o.time !== 'number' || !Number.isFinite(o.time) || o.time < 0) {
      issues.push({
        path: ['observations', i, 'time'],
        message: `Expected a finite time ≥ 0, got ${String(o.time)}`,
        code: 'out_of_range',
      });
    }
    if (typeof o.event !== 'boolean') {
      issues.push({
        path: ['observations', i, 'event'],
        message: `Expected a boolean, got ${String(o.event)}`,
        code: 'invalid_type',
      });
    }
    if (grouped && typeof (o as GroupedSurvivalObservation).group !== 'string') {
      issues.push({
        path: ['observations', i, 'group'],
        message: 'Expected a group label (string)',
        code: 'invalid_type',
      });
    }
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'survival observations' });
}

/** Distinct times in ascending order with events and censorings at each (ties: events before censorings). */
export function tabulate(
  observations: readonly SurvivalObservation[],
): { time: number; events: number; censored: number }[] {
  const byTime = new Map<number, { time: number; events: number; censored: number }>();
  for (const o of observations) {
    const row = byTime.get(o.time) ?? { time: o.time, events: 0, censored: 0 };
    if (o.event) row.events++;
    else row.censored++;
    byTime.set(o.time, row);
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}
