import type { CharSet } from './char-set.js';

/** Consume one code point of the set `a`. */
export const OP_CHARS = 0;
/** Succeed only at the start of the text (`^`). */
export const OP_BEGIN = 1;
/** Succeed only at the end of the text (`$`). */
export const OP_END = 2;
/** Continue at both `a` and `b`. */
export const OP_SPLIT = 3;
/** Continue at `a`. */
export const OP_JUMP = 4;
/** The pattern matched. */
export const OP_MATCH = 5;

/**
 * A compiled pattern (internal): the instructions of a Thompson NFA as parallel arrays, in the style of Pike's VM
 * (Russ Cox, "Regular Expression Matching: the Virtual Machine Approach", 2009). Instruction `size - 1` is the match.
 */
export interface Program {
  readonly ops: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** Character sets, each as sorted inclusive ranges. */
  readonly sets: readonly CharSet[];
  /** For each set, its ASCII members as a 128-bit map (four 32-bit words), for a fast path on ASCII text. */
  readonly ascii: readonly Uint32Array[];
  /** Number of instructions. */
  readonly size: number;
  /**
   * The code points a match starting after the first position can begin with (sorted ranges), and its ASCII map:
   * where no thread is alive, the VM skips to the next such code point (or to the end, for an empty set such as
   * that of `^abc`). `null` when such a match can be empty.
   */
  readonly first: { readonly set: CharSet; readonly ascii: Uint32Array } | null;
}
