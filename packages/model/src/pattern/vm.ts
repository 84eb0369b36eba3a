import { setHas } from './char-set.js';
import { OP_BEGIN, OP_CHARS, OP_END, OP_JUMP, OP_MATCH, OP_SPLIT, type Program } from './program.js';

/** The answer of {@link runProgram} and the work it took. */
export interface Run {
  readonly matched: boolean;
  /**
   * Instructions executed: each thread followed through an instruction, and each thread tested against a code
   * point. At most `2 · program.size` per code point of the text, plus `2 · program.size` at the start.
   */
  readonly steps: number;
}

/**
 * Searches `text` for a match of `program` anywhere (or at the start only when the program is anchored), the way
 * `RegExp.prototype.test` does, over code points as with the `u` flag.
 *
 * Pike's VM: all threads advance in lock step over the text; a thread is a program counter, and two threads at the
 * same instruction and position are one (the `mark` array), so each position costs at most one visit per
 * instruction, whatever the pattern. Nothing backtracks and nothing recurses.
 */
export function runProgram(program: Program, text: string): Run {
  const { ops, a, b, sets, ascii, size, anchored } = program;
  const end = text.length;
  let current = new Int32Array(size);
  let next = new Int32Array(size);
  const stack = new Int32Array(size);
  // mark[pc] === generation: pc is already in the list being built for this position.
  const mark = new Int32Array(size);
  let generation = 0;
  let steps = 0;

  /** Adds the thread at `pc` and every thread it reaches without consuming; -1 when one of them matches. */
  const addThread = (list: Int32Array, length: number, pc: number, pos: number): number => {
    let n = length;
    let sp = 0;
    if (mark[pc] === generation) return n;
    mark[pc] = generation;
    stack[sp++] = pc;
    while (sp > 0) {
      const at = stack[--sp] as number;
      steps++;
      let target = -1;
      let other = -1;
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
          if (pos === end) target = at + 1;
          break;
        case OP_JUMP:
          target = a[at] as number;
          break;
        case OP_SPLIT:
          target = a[at] as number;
          other = b[at] as number;
          break;
      }
      if (other >= 0 && mark[other] !== generation) {
        mark[other] = generation;
        stack[sp++] = other;
      }
      if (target >= 0 && mark[target] !== generation) {
        mark[target] = generation;
        stack[sp++] = target;
      }
    }
    return n;
  };

  generation = 1;
  let count = addThread(current, 0, 0, 0);
  for (let pos = 0; count >= 0 && pos < end; ) {
    const cp = text.codePointAt(pos) as number;
    const after = pos + (cp > 0xffff ? 2 : 1);
    generation++;
    let nextCount = 0;
    for (let i = 0; i < count && nextCount >= 0; i++) {
      const pc = current[i] as number;
      steps++;
      const set = a[pc] as number;
      const hit =
        cp < 128
          ? (((ascii[set] as Uint32Array)[cp >> 5] as number) & (1 << (cp & 31))) !== 0
          : setHas(sets[set] as readonly number[], cp);
      if (hit) nextCount = addThread(next, nextCount, pc + 1, after);
    }
    if (nextCount >= 0 && !anchored) nextCount = addThread(next, nextCount, 0, after);
    if (nextCount === 0 && anchored) return { matched: false, steps };
    [current, next] = [next, current];
    count = nextCount;
    pos = after;
  }
  return { matched: count < 0, steps };
}
