// The calendar every measure of one report shares: interval, time zone, confidence level and the instants the data
// spans (asOf is the config's, or the latest instant in the data).
import type { CalendarInterval } from '@cx/model';
import { epochMsToInstant, instantToEpochMs } from '@cx/model';
import type { SourceRecords } from '../read-sources.js';

/** The report's calendar. */
export interface Calendar {
  readonly interval: CalendarInterval;
  readonly timeZone: string;
  readonly level: number;
  /** First instant in the data. */
  readonly from: string;
  /** The instant the data is complete up to: periods ending after it are not over yet. */
  readonly asOf: string;
}

/** Every instant of the records, as epoch milliseconds. */
function* instants(records: SourceRecords): Generator<number> {
  for (const o of records.orders) yield instantToEpochMs(o.orderedAt);
  for (const r of records.surveyResponses) yield instantToEpochMs(r.respondedAt);
  for (const i of records.interactions) yield instantToEpochMs(i.timestamp);
  for (const f of records.feedback) yield instantToEpochMs(f.createdAt);
  for (const s of records.subscriptions) {
    yield instantToEpochMs(s.startedAt);
    if (s.endedAt !== undefined) yield instantToEpochMs(s.endedAt);
  }
}

/** The calendar of a report: `asOf` from the config, else the data's latest instant. */
export function reportCalendar(
  records: SourceRecords,
  settings: {
    readonly interval: CalendarInterval;
    readonly timeZone: string;
    readonly level: number;
    readonly asOf?: string | undefined;
  },
): Calendar | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const t of instants(records)) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (!Number.isFinite(min)) return undefined;
  return {
    interval: settings.interval,
    timeZone: settings.timeZone,
    level: settings.level,
    from: epochMsToInstant(min),
    asOf: settings.asOf ?? epochMsToInstant(max),
  };
}
