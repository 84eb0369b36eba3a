// Subscription churn and activity churn as one kind of row: a period, who was there at its start, who was lost.
import type { ReportChurn } from '../input.js';

/** A churn period as the report shows it. */
export interface ChurnRow {
  readonly label: string;
  readonly complete: boolean;
  readonly atStart: number;
  readonly lost: number;
  /** `null` when nobody was there at the start, or when the period is not over yet. */
  readonly rate: number | null;
}

/** The rows of either kind of churn; a period not over yet has no rate. */
export function churnRows(churn: ReportChurn): ChurnRow[] {
  return churn.kind === 'subscription'
    ? churn.periods.map((p) => ({
        label: p.label,
        complete: p.complete,
        atStart: p.customersAtStart,
        lost: p.lostCustomers,
        rate: p.complete ? p.churnRate : null,
      }))
    : churn.periods.map((p) => ({
        label: p.label,
        complete: p.complete,
        atStart: p.activeAtStart,
        lost: p.lost,
        rate: p.complete ? p.churnRate : null,
      }));
}
