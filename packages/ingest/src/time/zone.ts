// TEMPORARY SHIM of the issue-13 time module (zone offsets for local date-times): delete when `foundation:` commits
// land on main and use @cx/model's `parseInstant` options `timeZone` and `disambiguation` instead.
import { CxOptionsError } from '../internal/foundation.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The IANA zone's formatter, or a typed error for an unknown zone (internal). */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new CxOptionsError(
        [
          {
            path: ['timeZone'],
            code: 'invalid_value',
            message: `Expected an IANA time zone such as Europe/Warsaw, got ${JSON.stringify(timeZone)}`,
          },
        ],
        'ingest',
      );
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Checks that `timeZone` is a known IANA zone. @internal */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (local = UTC + offset). @internal */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const parts = formatter(timeZone).formatToParts(ms);
  const get = (type: string): number => {
    for (const p of parts)
      if (p.type === type) return p.value.charCodeAt(0) === 45 ? -digits(p.value.slice(1)) : digits(p.value);
    return 0;
  };
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Digits of a formatter part (ASCII digits only; the formatter is en-US). */
function digits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** How a local time that occurs twice (DST overlap) or never (DST gap) is read. @internal */
export type Disambiguation = 'reject' | 'earlier' | 'later' | 'compatible';

/** Result codes of {@link localToEpochMs} besides a number. @internal */
export const GAP = -1;
export const OVERLAP = -2;

const cache = new Map<string, Map<number, number[]>>();

/**
 * Epoch ms candidates of the wall time `local` (ms of the wall clock read as if UTC) in `timeZone`: one normally,
 * none in a DST gap, two (earlier first) in an overlap. Cached per zone and quarter hour of wall time. @internal
 */
export function localCandidates(timeZone: string, local: number): readonly number[] {
  let perZone = cache.get(timeZone);
  if (perZone === undefined) {
    perZone = new Map();
    cache.set(timeZone, perZone);
  }
  const key = Math.floor(local / 900_000);
  let offsets = perZone.get(key);
  if (offsets === undefined) {
    const base = key * 900_000;
    const found: number[] = [];
    for (const probe of [base - 86_400_000, base + 86_400_000]) {
      const offset = zoneOffsetMs(timeZone, probe);
      if (!found.includes(offset)) found.push(offset);
    }
    // Keep the offsets o for which base - o really is `base` on the wall clock.
    offsets = found.filter((o) => zoneOffsetMs(timeZone, base - o) === o).sort((a, b) => b - a);
    if (perZone.size > 100_000) perZone.clear();
    perZone.set(key, offsets);
  }
  return offsets.map((o) => local - o);
}

/**
 * Epoch ms of the wall time `local` in `timeZone`, or {@link GAP} / {@link OVERLAP} when the time does not exist or
 * is ambiguous and `disambiguation` is `reject`. `compatible` reads a gap time with the offset before the gap (so
 * 02:30 in a spring-forward gap becomes 03:30) and an overlap time as the earlier instant, as Temporal does. @internal
 */
export function localToEpochMs(timeZone: string, local: number, disambiguation: Disambiguation): number {
  const candidates = localCandidates(timeZone, local);
  if (candidates.length === 1) return candidates[0] as number;
  if (candidates.length === 2) {
    if (disambiguation === 'reject') return OVERLAP;
    return (disambiguation === 'later' ? candidates[1] : candidates[0]) as number;
  }
  if (disambiguation === 'reject') return GAP;
  const before = zoneOffsetMs(timeZone, local - 86_400_000);
  const after = zoneOffsetMs(timeZone, local + 86_400_000);
  // As Temporal: `later` and `compatible` read the wall time with the offset before the gap (02:30 → 03:30 after
  // spring-forward), `earlier` with the offset after it (02:30 → 01:30).
  return local - (disambiguation === 'earlier' ? after : before);
}
