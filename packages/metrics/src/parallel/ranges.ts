// Ranges claimed by threads (internal): the protocol every parallel kernel of the package shares. A job's ranges are
// claimed from one shared counter by the calling thread and the workers alike, so a range is run by whichever
// thread gets to it first, and a worker that is slow to start (or never starts) leaves its ranges to the calling
// thread, which therefore never waits for a range nobody has started.

/**
 * Control slots of a job's `Int32Array` on a SharedArrayBuffer (internal): the next range to claim, the number of
 * ranges done, then one status per range.
 */
export const NEXT = 0;
export const DONE = 1;
export const STATUS = 2;
export const PENDING = 0;
export const OK = 1;
export const FAILED = 2;

/** A control array for `ranges` ranges, in shared memory (internal). */
export const newControl = (ranges: number): Int32Array =>
  new Int32Array(new SharedArrayBuffer(4 * (STATUS + ranges)));

/**
 * Claims and runs ranges until none is left (internal). A range that throws is marked `FAILED` (the calling thread
 * runs it again into rows of its own, where the error surfaces), so a claimed range is always marked done.
 *
 * @returns The number of ranges this thread ran.
 */
export function runClaimedRanges(control: Int32Array, ranges: number, run: (range: number) => void): number {
  for (let ran = 0; ; ran++) {
    const r = Atomics.add(control, NEXT, 1);
    if (r >= ranges) return ran;
    let status = OK;
    try {
      run(r);
    } catch {
      status = FAILED;
    }
    Atomics.store(control, STATUS + r, status);
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

/**
 * Waits until every range is done or `timeoutMs` has passed (internal). The calling thread has run every range it
 * could claim, so it waits only for ranges a worker has started.
 *
 * @returns Whether range `r` finished without error, per range: the others are to be run again by the caller.
 */
export function awaitRanges(control: Int32Array, ranges: number, timeoutMs: number): (r: number) => boolean {
  const deadline = Date.now() + timeoutMs;
  for (let done = Atomics.load(control, DONE); done < ranges; done = Atomics.load(control, DONE)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    Atomics.wait(control, DONE, done, left);
  }
  return (r) => Atomics.load(control, STATUS + r) === OK;
}

/** A typed array in shared memory: `a` itself when it is already, else a copy (internal). */
export function shared<T extends Int32Array | Float64Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = (
    a instanceof Int32Array
      ? new Int32Array(new SharedArrayBuffer(a.byteLength))
      : new Float64Array(new SharedArrayBuffer(a.byteLength))
  ) as T;
  copy.set(a);
  return copy;
}

/** How the last split job went: ranges in all, ranges run on the calling thread (internal; for the tests). */
export const lastSplit = { ranges: 0, here: 0 };
