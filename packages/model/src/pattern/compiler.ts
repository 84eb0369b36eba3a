import type { PatternNode } from './ast.js';
import { closeOverCase } from './case-folding.js';
import { type CharSet, complementOf, unionOf } from './char-set.js';
import { OP_BEGIN, OP_CHARS, OP_END, OP_JUMP, OP_MATCH, OP_SPLIT, type Program } from './program.js';
import { type CharsNode, type Sized, sizeTree } from './simplify.js';

/** The code points a class node matches; with `ignoreCase`, closed over case before any complement. */
function materialize(node: CharsNode, ignoreCase: boolean): CharSet {
  if (node.type === 'char') return ignoreCase ? closeOverCase([node.cp, node.cp]) : [node.cp, node.cp];
  const sets = node.parts.map((part) => {
    const set = ignoreCase ? closeOverCase(part.set) : part.set;
    return part.complement ? complementOf(set) : set;
  });
  const union = unionOf(sets);
  return node.negated ? complementOf(union) : union;
}

function asciiMap(set: CharSet): Uint32Array {
  const map = new Uint32Array(4);
  for (let r = 0; r < set.length && (set[r] as number) < 128; r += 2) {
    const hi = Math.min(set[r + 1] as number, 127);
    for (let cp = set[r] as number; cp <= hi; cp++)
      map[cp >> 5] = (map[cp >> 5] as number) | (1 << (cp & 31));
  }
  return map;
}

/**
 * The code points that can start a match at a position other than the start and the end of the text: the sets of
 * the instructions reachable from the first without consuming, with `^` and `$` failing. `null` if the match
 * instruction is reachable that way (an empty match is possible anywhere).
 */
function firstChars(ops: Uint8Array, a: Int32Array, b: Int32Array, sets: readonly CharSet[]): CharSet | null {
  const seen = new Uint8Array(ops.length);
  const stack = [0];
  const found: CharSet[] = [];
  seen[0] = 1;
  while (stack.length > 0) {
    const pc = stack.pop() as number;
    const op = ops[pc];
    if (op === OP_MATCH) return null;
    if (op === OP_CHARS) found.push(sets[a[pc] as number] as CharSet);
    const targets =
      op === OP_SPLIT ? [a[pc] as number, b[pc] as number] : op === OP_JUMP ? [a[pc] as number] : [];
    for (const target of targets) {
      if (seen[target] === 1) continue;
      seen[target] = 1;
      stack.push(target);
    }
  }
  return unionOf(found);
}

/**
 * Compiles a syntax tree into a program of at most `PATTERN_LIMITS.maxInstructions` instructions. Sizes are known
 * before emission, so every jump target is computed, not patched; the walk uses an explicit stack.
 */
export function compileTree(root: PatternNode, ignoreCase: boolean): Program {
  const tree = sizeTree(root);
  const size = (tree?.size ?? 0) + 1;
  const ops = new Uint8Array(size);
  const a = new Int32Array(size);
  const b = new Int32Array(size);
  const sets: CharSet[] = [];
  // One entry per distinct set: a node repeated by a quantifier, or equal literals, share it.
  const setIndex = new Map<CharsNode, number>();
  const setByKey = new Map<string, number>();
  ops[size - 1] = OP_MATCH;
  const stack: Array<{ node: Sized; at: number }> = tree === null ? [] : [{ node: tree, at: 0 }];
  while (stack.length > 0) {
    const { node, at } = stack.pop() as { node: Sized; at: number };
    switch (node.type) {
      case 'chars': {
        let index = setIndex.get(node.node);
        if (index === undefined) {
          const set = materialize(node.node, ignoreCase);
          const key = set.join(',');
          index = setByKey.get(key) ?? sets.push(set) - 1;
          setByKey.set(key, index);
          setIndex.set(node.node, index);
        }
        ops[at] = OP_CHARS;
        a[at] = index;
        break;
      }
      case 'begin':
      case 'end':
        ops[at] = node.type === 'begin' ? OP_BEGIN : OP_END;
        break;
      case 'sequence': {
        let next = at;
        for (const item of node.items) {
          stack.push({ node: item, at: next });
          next += item.size;
        }
        break;
      }
      case 'alternation': {
        const end = at + node.size;
        let next = at;
        node.alternatives.forEach((alt, i) => {
          if (i === node.alternatives.length - 1) {
            stack.push({ node: alt, at: next });
            return;
          }
          ops[next] = OP_SPLIT;
          a[next] = next + 1;
          b[next] = next + alt.size + 2;
          stack.push({ node: alt, at: next + 1 });
          ops[next + alt.size + 1] = OP_JUMP;
          a[next + alt.size + 1] = end;
          next += alt.size + 2;
        });
        break;
      }
      case 'repeat': {
        const { min, max, child } = node;
        const s = child.size;
        const copies = max === Infinity && min > 0 ? min - 1 : min;
        for (let j = 0; j < copies; j++) stack.push({ node: child, at: at + j * s });
        let p = at + copies * s;
        if (max === Infinity && min === 0) {
          // L: split L+1, L+s+2; child; jump L
          ops[p] = OP_SPLIT;
          a[p] = p + 1;
          b[p] = p + s + 2;
          stack.push({ node: child, at: p + 1 });
          ops[p + s + 1] = OP_JUMP;
          a[p + s + 1] = p;
        } else if (max === Infinity) {
          // L: child; split L, L+s+1
          stack.push({ node: child, at: p });
          ops[p + s] = OP_SPLIT;
          a[p + s] = p;
          b[p + s] = p + s + 1;
        } else {
          // Each optional copy: split next, end; child. Skipping one skips the rest.
          const end = at + node.size;
          for (let j = min; j < max; j++, p += s + 1) {
            ops[p] = OP_SPLIT;
            a[p] = p + 1;
            b[p] = end;
            stack.push({ node: child, at: p + 1 });
          }
        }
        break;
      }
    }
  }
  const first = firstChars(ops, a, b, sets);
  return {
    ops,
    a,
    b,
    sets,
    ascii: sets.map(asciiMap),
    size,
    first: first === null ? null : { set: first, ascii: asciiMap(first) },
  };
}
