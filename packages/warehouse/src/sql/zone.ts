import { MS_PER_HOUR, MS_PER_MINUTE } from '@cx/model';
import { tzOffset } from '@date-fns/tz';

/**
 * The UTC offsets of a time zone over a range of instants (internal): `offsets[0]` holds before `transitions[0]`,
 * `offsets[i]` from `transitions[i − 1]` on. Read from the same source as the calendar of `@cx/model` (`tzOffset` of
 * `@date-fns/tz`, whole minutes from the runtime's ICU data), so a local day computed in SQL from these offsets is
 * the one `Calendar.localDayOf` gives, whatever time-zone database the engine ships.
 */
export interface ZoneOffsets {
  readonly transitions: readonly number[];
  readonly offsets: readonly number[];
}

/** Offsets are sampled every 6 hours and each change is located to the millisecond by bisection. */
const STEP = 6 * MS_PER_HOUR;
/**
 * At most this many transitions are written into a query (a CASE tree of depth 7, evaluated in 7 comparisons per
 * row); a range with more — about 60 years of daylight saving time — uses the engine's own zone rules instead.
 */
export const MAX_TRANSITIONS = 128;

const offsetAt = (zone: string, ms: number): number => tzOffset(zone, new Date(ms)) * MS_PER_MINUTE;

/** Transitions per zone and UTC year, computed once per process (a year costs about 1,500 offset lookups). */
const years = new Map<string, readonly number[]>();
const MAX_CACHED_YEARS = 8192;

/** The transitions of `zone` in the UTC year `year`: every instant in it whose offset differs from the instant before. */
function transitionsIn(zone: string, year: number): readonly number[] {
  const key = `${zone}\u0000${year}`;
  const cached = years.get(key);
  if (cached !== undefined) return cached;
  const end = Date.UTC(year + 1, 0, 1) - 1;
  const found: number[] = [];
  let at = Date.UTC(year, 0, 1) - 1;
  let current = offsetAt(zone, at);
  while (at < end) {
    const next = Math.min(at + STEP, end);
    if (offsetAt(zone, next) === current) {
      at = next;
      continue;
    }
    // The first instant in (at, next] whose offset differs: offsetAt(lo) = current, offsetAt(hi) ≠ current.
    let lo = at;
    let hi = next;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offsetAt(zone, mid) === current) lo = mid;
      else hi = mid;
    }
    current = offsetAt(zone, hi);
    found.push(hi);
    at = hi;
  }
  if (years.size >= MAX_CACHED_YEARS) years.clear();
  years.set(key, found);
  return found;
}

/**
 * The offsets of `zone` from `fromMs` to `toMs` (internal), or `null` when the range holds more than
 * {@link MAX_TRANSITIONS} transitions: the caller then converts with the engine's zone rules. Work: about 1,500
 * offset lookups per year of the range the first time, none after.
 */
export function zoneOffsets(zone: string, fromMs: number, toMs: number): ZoneOffsets | null {
  if (zone === 'UTC' || zone === 'Etc/UTC') return { transitions: [], offsets: [0] };
  const first = new Date(fromMs).getUTCFullYear();
  const last = new Date(toMs).getUTCFullYear();
  if (!(last - first <= MAX_TRANSITIONS)) return null;
  const transitions: number[] = [];
  for (let year = first; year <= last; year++) {
    for (const t of transitionsIn(zone, year)) if (t > fromMs && t <= toMs) transitions.push(t);
    if (transitions.length > MAX_TRANSITIONS) return null;
  }
  return { transitions, offsets: [fromMs, ...transitions].map((t) => offsetAt(zone, t)) };
}
