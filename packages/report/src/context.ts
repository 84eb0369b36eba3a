// What every section needs besides its own data: stage names and order.
import type { ReportInput } from './input.js';

/** Stage labels and order, from `stages` or, without it, the journey map. */
export interface ReportContext {
  readonly input: ReportInput;
  /** The stage's label; the id itself when unknown; `Not set` for `null`. */
  readonly stageLabel: (id: string | null) => string;
  /** The stage's position in the journey; unknown stages after known ones. */
  readonly stageOrder: (id: string | null) => number;
}

/** Builds the context of a report. */
export function reportContext(input: ReportInput): ReportContext {
  const stages =
    input.stages ??
    (input.journeyMap?.journey.stages ?? []).map((s) => ({ id: s.id, label: s.labels.en ?? s.id }));
  const labels = new Map(stages.map((s) => [s.id, s.label]));
  const order = new Map(stages.map((s, k) => [s.id, k]));
  return {
    input,
    stageLabel: (id) => (id === null ? 'Not set' : (labels.get(id) ?? id)),
    stageOrder: (id) => (id === null ? Number.MAX_SAFE_INTEGER : (order.get(id) ?? stages.length)),
  };
}
