import { setHas } from './char-set.js';
import { OP_BEGIN, OP_CHARS, OP_END, OP_JUMP, OP_MATCH, OP_SPLIT, type Program } from './program.js';

/** The answer of {@link runProgram} and the work it took. */
export interface Run {
  readonly matched: boolean;
  /**
   * Instructions executed: each thread followed through an instruction, each thread tested against a code point,
   * and each code point skipped while no thread is alive. At most `2 · program.size` per code point of the text,
   * plus `2 · program.size` at the start.
   */
  readonly steps: number;
}

const MAX_GENERATION = 2 ** 30;

/**
 * Searches a text for a match of a program anywhere, the way `RegExp.prototype.test` does, over code points as with
 * the `u` flag.
 *
 * Pike's VM: all threads advance in lock step over the text; a thread is a program counter, and two threads at the
 * same instruction and position are one (`mark`), so each position costs at most one visit per instruction,
 * whatever the pattern. Nothing backtracks and nothing recurses. A new thread starts at every position while others
 * are alive; when none is, the VM skips to the next code point a match can begin with (`program.first`). The
 * buffers are reused from one run to the next.
 */
export class PikeVm {
  private current: Int32Array;
  private next: Int32Array;
  private readonly stack: Int32Array;
  /** `mark[pc] === generation`: `pc` is already in the list being built for the current position. */
  private readonly mark: Int32Array;
  private generation = 0;
  private end = 0;
  /** Instructions executed by the last run (see {@link Run.steps}). */
  steps = 0;

  constructor(private readonly program: Program) {
    this.current = new Int32Array(program.size);
    this.next = new Int32Array(program.size);
    this.stack = new Int32Array(program.size);
    this.mark = new Int32Array(program.size);
  }

  /** Whether the program matches somewhere in `text`; `steps` then holds the work it took. */
  run(text: string): boolean {
    const { a, sets, ascii } = this.program;
    const end = text.length;
    this.end = end;
    this.steps = 0;
    this.advanceGeneration();
    let count = this.addThread(this.current, 0, 0, 0);
    // Whether a thread was started at `pos` (so a skip looks from the next position on).
    let started = true;
    let pos = 0;
    while (count >= 0) {
      if (count === 0) {
        const from = started
          ? pos < end
            ? pos + ((text.codePointAt(pos) as number) > 0xffff ? 2 : 1)
            : end + 1
          : pos;
        if (from > end) break;
        pos = this.skip(text, from);
        this.advanceGeneration();
        count = this.addThread(this.current, 0, 0, pos);
        started = true;
        continue;
      }
      if (pos >= end) break;
      const cp = text.codePointAt(pos) as number;
      const after = pos + (cp > 0xffff ? 2 : 1);
      const current = this.current;
      const next = this.next;
      this.advanceGeneration();
      let nextCount = 0;
      for (let i = 0; i < count && nextCount >= 0; i++) {
        const pc = current[i] as number;
        const set = a[pc] as number;
        const hit =
          cp < 128
            ? (((ascii[set] as Uint32Array)[cp >> 5] as number) & (1 << (cp & 31))) !== 0
            : setHas(sets[set] as readonly number[], cp);
        if (hit) nextCount = this.addThread(next, nextCount, pc + 1, after);
      }
      this.steps += count;
      started = nextCount > 0;
      if (started) nextCount = this.addThread(next, nextCount, 0, after);
      this.current = next;
      this.next = current;
      count = nextCount;
      pos = after;
    }
    return count < 0;
  }

  /** The first position from `from` on where a match can start: a code point in `program.first`, or the end. */
  private skip(text: string, from: number): number {
    const { first } = this.program;
    const end = text.length;
    if (first === null) return from;
    // Nothing can start a match in the middle of the text (`^…`): only the end is left to try (for `…|$`).
    if (first.set.length === 0) return end;
    let pos = from;
    while (pos < end) {
      const cp = text.codePointAt(pos) as number;
      this.steps++;
      const hit =
        cp < 128 ? ((first.ascii[cp >> 5] as number) & (1 << (cp & 31))) !== 0 : setHas(first.set, cp);
      if (hit) return pos;
      pos += cp > 0xffff ? 2 : 1;
    }
    return end;
  }

  private advanceGeneration(): void {
    if (++this.generation === MAX_GENERATION) {
      this.mark.fill(0);
      this.generation = 1;
    }
  }

  /** Adds the thread at `pc` and every thread it reaches without consuming; -1 when one of them matches. */
  private addThread(list: Int32Array, length: number, pc: number, pos: number): number {
    const { ops, a, b } = this.program;
    const { stack, mark, generation } = this;
    if (mark[pc] === generation) return length;
    let n = length;
    let sp = 0;
    mark[pc] = generation;
    stack[sp++] = pc;
    while (sp > 0) {
      const at = stack[--sp] as number;
      this.steps++;
      let target = -1;
      switch (ops[at]) {
        case OP_MATCH:
          return -1;
        case OP_CHARS:
          list[n++] = at;
          break;
        case OP_BEGIN:
          if (pos === 0) target = at + 1;
          break;
        case OP_END:
          if (pos === this.end) target = at + 1;
          break;
        case OP_JUMP:
          target = a[at] as number;
          break;
        case OP_SPLIT: {
          target = a[at] as number;
          const other = b[at] as number;
          if (mark[other] !== generation) {
            mark[other] = generation;
            stack[sp++] = other;
          }
          break;
        }
      }
      if (target >= 0 && mark[target] !== generation) {
        mark[target] = generation;
        stack[sp++] = target;
      }
    }
    return n;
  }
}

/** Runs a program once on `text` (a fresh VM; {@link PikeVm} reuses its buffers across runs). */
export function runProgram(program: Program, text: string): Run {
  const vm = new PikeVm(program);
  const matched = vm.run(text);
  return { matched, steps: vm.steps };
}
