import { tzOffset } from '@date-fns/tz';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './constants.js';

const known = new Map<string, boolean>();

/**
 * Whether a value is an IANA time zone name the runtime knows, such as `Europe/Warsaw`, `America/New_York` or `UTC`.
 *
 * @param zone - The value to check.
 * @returns `true` for a known zone name.
 * @example
 * ```ts
 * import { isTimeZone } from '@cx/model';
 * console.log(isTimeZone('Europe/Warsaw'), isTimeZone('Mars/Olympus')); // true false
 * ```
 * @category Time
 * @since 0.2.0
 */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  const cached = known.get(zone);
  if (cached !== undefined) return cached;
  let ok = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone);
  if (ok) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      ok = false;
    }
  }
  if (known.size < 1024) known.set(zone, ok);
  return ok;
}

/** Offsets by zone, per UTC hour; `NaN` marks an hour that holds a transition (internal). */
const offsets = new Map<string, Map<number, number>>();
const MAX_CACHED_HOURS = 1 << 20;

function rawOffsetMs(zone: string, utcMs: number): number {
  return tzOffset(zone, new Date(utcMs)) * MS_PER_MINUTE;
}

/**
 * The offset of a zone from UTC at an instant, in milliseconds (`+3_600_000` for Warsaw in winter). Cached per UTC
 * hour; an hour that contains a transition is not cached (internal).
 */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  let cache = offsets.get(zone);
  if (cache === undefined) {
    cache = new Map();
    offsets.set(zone, cache);
  }
  const hour = Math.floor(utcMs / MS_PER_HOUR);
  const cached = cache.get(hour);
  if (cached !== undefined && !Number.isNaN(cached)) return cached;
  if (cached === undefined) {
    const start = rawOffsetMs(zone, hour * MS_PER_HOUR);
    const end = rawOffsetMs(zone, hour * MS_PER_HOUR + MS_PER_HOUR - 1);
    if (cache.size >= MAX_CACHED_HOURS) cache.clear();
    cache.set(hour, start === end ? start : Number.NaN);
    if (start === end) return start;
  }
  return rawOffsetMs(zone, utcMs);
}

/**
 * How a local wall-clock time that a zone skips (DST gap) or repeats (DST overlap) becomes an instant. The names and
 * meanings are those of TC39 Temporal:
 * - `reject` (default): a typed error;
 * - `earlier`: the earlier of the two instants of an overlap; for a gap, the wall time moved back by the gap's length;
 * - `later`: the later of the two instants of an overlap; for a gap, the wall time moved forward by the gap's length;
 * - `compatible`: `earlier` for overlaps and `later` for gaps (what most calendars and `Date` do).
 *
 * @example
 * ```ts
 * import type { Disambiguation } from '@cx/model';
 * const policy: Disambiguation = 'compatible';
 * console.log(policy);
 * ```
 * @category Time
 * @since 0.2.0
 */
export type Disambiguation = 'reject' | 'earlier' | 'later' | 'compatible';

/**
 * The instant of a local wall-clock time in a zone, or why there is no single one (internal).
 *
 * @param wallMs - The wall-clock time encoded as if it were UTC (`Date.UTC(y, m, d, h, min, s, ms)`).
 */
export function resolveLocalTime(
  wallMs: number,
  zone: string,
  disambiguation: Disambiguation,
): number | 'gap' | 'overlap' {
  const before = zoneOffsetMs(zone, wallMs - MS_PER_DAY);
  const after = zoneOffsetMs(zone, wallMs + MS_PER_DAY);
  const first = wallMs - before;
  const second = wallMs - after;
  const firstOk = zoneOffsetMs(zone, first) === before;
  const secondOk = zoneOffsetMs(zone, second) === after;
  if (firstOk && secondOk && first !== second) {
    if (disambiguation === 'reject') return 'overlap';
    return disambiguation === 'later' ? Math.max(first, second) : Math.min(first, second);
  }
  if (firstOk) return first;
  if (secondOk) return second;
  // A gap: the wall time does not exist. `before` is the offset before the transition, `after` the one after it.
  if (disambiguation === 'reject') return 'gap';
  return disambiguation === 'earlier' ? wallMs - after : wallMs - before;
}
