import type { ResolvedFunnel } from './funnel-resolve.js';

/** Per-step counts and conversion times of one group of attempts (internal, mergeable). */
export interface Tally {
  readonly counts: number[];
  readonly fromPrevious: number[][];
  readonly fromStart: number[][];
}

/** Everything a funnel run accumulates (internal, mergeable). */
export interface FunnelAggregate {
  readonly overall: Tally;
  readonly segments: Map<string | null, Tally>;
  excluded: number;
}

/** One attempt through the funnel (internal). */
export interface Attempt {
  reached: number;
  readonly times: Float64Array;
  done: number;
  firstSeg: number;
  lastSeg: number;
  readonly stepSeg: Int32Array | null;
}

/** Funnel state of one actor (internal). */
export interface ActorState {
  lastT: number;
  active: Attempt | null;
  overallDone: boolean;
  hadRemoved: boolean;
  usedSegs: Set<string | null> | null;
  /** Whether a finished attempt is kept in `spare` for reuse. */
  readonly recycle: boolean;
  /** A finished attempt whose arrays the next attempt may reuse (its times were recorded when it finished). */
  spare: Attempt | null;
}

/** Resolves a segment code to its value (`-1` = no value). */
export type SegmentName = (code: number) => string | null;

export const newTally = (n: number): Tally => ({
  counts: new Array<number>(n).fill(0),
  fromPrevious: Array.from({ length: n }, () => []),
  fromStart: Array.from({ length: n }, () => []),
});

export const newAggregate = (n: number): FunnelAggregate => ({
  overall: newTally(n),
  segments: new Map(),
  excluded: 0,
});

/**
 * A new actor's state (internal). With `recycle` (the columnar kernels, which run one state through every actor) a
 * finished attempt is kept for the next one to reuse; a state kept per actor (the accumulator) keeps none.
 */
export const newActorState = (recycle = false): ActorState => ({
  lastT: Number.NEGATIVE_INFINITY,
  active: null,
  overallDone: false,
  hadRemoved: false,
  usedSegs: null,
  recycle,
  spare: null,
});

/** Makes `s` the state of a new actor, keeping its spare attempt for reuse (internal; the columnar kernels). */
export function resetActorState(s: ActorState): void {
  s.lastT = Number.NEGATIVE_INFINITY;
  s.active = null;
  s.overallDone = false;
  s.hadRemoved = false;
  s.usedSegs = null;
}

/** Adds `b` into `a` (internal). */
export function mergeTally(a: Tally, b: Tally): void {
  for (let k = 0; k < a.counts.length; k++) {
    a.counts[k]! += b.counts[k] as number;
    for (const v of b.fromPrevious[k] as number[]) a.fromPrevious[k]!.push(v);
    for (const v of b.fromStart[k] as number[]) a.fromStart[k]!.push(v);
  }
}

/** Adds aggregate `b` into `a` (internal). */
export function mergeAggregate(a: FunnelAggregate, b: FunnelAggregate, n: number): void {
  mergeTally(a.overall, b.overall);
  for (const [key, tally] of b.segments) {
    let target = a.segments.get(key);
    if (target === undefined) a.segments.set(key, (target = newTally(n)));
    mergeTally(target, tally);
  }
  a.excluded += b.excluded;
}

function record(tally: Tally, a: Attempt): void {
  const t = a.times;
  tally.counts[0]!++;
  for (let k = 1; k < a.reached; k++) {
    tally.counts[k]!++;
    tally.fromPrevious[k]!.push((t[k] as number) - (t[k - 1] as number));
    tally.fromStart[k]!.push((t[k] as number) - (t[0] as number));
  }
}

function segmentOf(f: ResolvedFunnel, a: Attempt): number {
  const attribution = f.attribution as number;
  if (attribution === -2) return a.firstSeg;
  if (attribution === -1) return a.lastSeg;
  return attribution < a.reached ? (a.stepSeg?.[attribution] ?? -1) : -1;
}

function recordSegment(f: ResolvedFunnel, agg: FunnelAggregate, key: string | null, a: Attempt): void {
  let tally = agg.segments.get(key);
  if (tally === undefined) agg.segments.set(key, (tally = newTally(f.n)));
  record(tally, a);
}

/** Ends attempt `a`; `commit` false leaves the actor state untouched (for non-destructive results). */
function finish(
  f: ResolvedFunnel,
  s: ActorState,
  a: Attempt,
  excluded: boolean,
  agg: FunnelAggregate,
  segName: SegmentName,
  commit: boolean,
): void {
  if (commit) {
    s.active = null;
    if (s.recycle) s.spare = a;
  }
  if (excluded && f.remove) {
    if (f.totals) agg.excluded++;
    else if (commit) s.hadRemoved = true;
    return;
  }
  const key = f.attribution === undefined ? undefined : segName(segmentOf(f, a));
  if (f.totals) {
    record(agg.overall, a);
    if (key !== undefined) recordSegment(f, agg, key, a);
    return;
  }
  if (!s.overallDone) {
    record(agg.overall, a);
    if (commit) s.overallDone = true;
  }
  if (key !== undefined && !s.usedSegs?.has(key)) {
    recordSegment(f, agg, key, a);
    if (commit) (s.usedSegs ??= new Set()).add(key);
  }
}

function advance(a: Attempt, t: number, seg: number): void {
  a.times[a.reached] = t;
  if (seg >= 0) {
    if (a.firstSeg < 0) a.firstSeg = seg;
    a.lastSeg = seg;
  }
  if (a.stepSeg !== null) a.stepSeg[a.reached] = seg;
  a.reached++;
}

/**
 * Feeds one event of an actor, in time order, to the actor's funnel state (internal).
 *
 * @param mask - Bit k set when the event matches step k.
 * @param excl - Bit r set when the event matches an exclusion that applies after r completed steps (the OR of the
 *   `exclusionSteps` of the exclusions it matches).
 * @param seg - Breakdown value code of the event (-1 none).
 */
export function feed(
  f: ResolvedFunnel,
  s: ActorState,
  t: number,
  mask: number,
  excl: number,
  seg: number,
  agg: FunnelAggregate,
  segName: SegmentName,
): void {
  s.lastT = t;
  let a = s.active;
  if (a !== null) {
    const r = a.reached;
    if (
      t - (a.times[0] as number) > f.windowMs ||
      t - (a.times[r - 1] as number) > (f.stepWindow[r] as number)
    ) {
      finish(f, s, a, false, agg, segName, true);
      a = null;
    } else if (((excl >>> r) & 1) === 1) {
      finish(f, s, a, true, agg, segName, true);
      return;
    } else if (f.order === 'any') {
      const fresh = mask & ~a.done;
      if (fresh !== 0) {
        a.done |= fresh & -fresh;
        advance(a, t, seg);
        if (a.reached === f.n) finish(f, s, a, false, agg, segName, true);
      }
      return;
    } else if (((mask >>> r) & 1) === 1) {
      advance(a, t, seg);
      if (a.reached === f.n) finish(f, s, a, false, agg, segName, true);
      return;
    } else if (f.order === 'strict') {
      finish(f, s, a, false, agg, segName, true);
    } else {
      return;
    }
  }
  if (f.order === 'any' ? mask === 0 : (mask & 1) === 0) return;
  if (!f.totals && s.overallDone && f.attribution === undefined) return;
  const done = f.order === 'any' ? mask & -mask : 1;
  let attempt = s.spare;
  if (attempt === null) {
    attempt = {
      reached: 0,
      times: new Float64Array(f.n),
      done,
      firstSeg: -1,
      lastSeg: -1,
      stepSeg: f.attribution !== undefined && f.attribution >= 0 ? new Int32Array(f.n).fill(-1) : null,
    };
  } else {
    s.spare = null;
    attempt.reached = 0;
    attempt.done = done;
    attempt.firstSeg = -1;
    attempt.lastSeg = -1;
    attempt.stepSeg?.fill(-1);
  }
  advance(attempt, t, seg);
  s.active = attempt;
  if (f.n === 1) finish(f, s, attempt, false, agg, segName, true);
}

/** Whether further events of this actor can change the result (internal fast path). */
export const actorSettled = (f: ResolvedFunnel, s: ActorState): boolean =>
  s.overallDone && !f.totals && f.attribution === undefined;

/**
 * Ends an actor's data: closes the open attempt and counts an actor whose every attempt was excluded
 * (internal). With `commit` false the state is left as is, so more events may follow.
 */
export function endActor(
  f: ResolvedFunnel,
  s: ActorState,
  agg: FunnelAggregate,
  segName: SegmentName,
  commit: boolean,
): void {
  const active = s.active;
  if (active !== null) finish(f, s, active, false, agg, segName, commit);
  if (!f.totals && !s.overallDone && active === null && s.hadRemoved) agg.excluded++;
}

/** Deep copy of an aggregate (internal). */
export function cloneAggregate(agg: FunnelAggregate, n: number): FunnelAggregate {
  const copy = newAggregate(n);
  mergeAggregate(copy, agg, n);
  return copy;
}
