import { type PatternNode, PatternProblemSignal } from './ast.js';
import { closeOverCase } from './case-folding.js';
import { type CharSet, complementOf, unionOf } from './char-set.js';
import { PATTERN_LIMITS } from './limits.js';
import { OP_BEGIN, OP_CHARS, OP_END, OP_JUMP, OP_MATCH, OP_SPLIT, type Program } from './program.js';

type CharsNode = Extract<PatternNode, { type: 'chars' | 'char' }>;

/** A node of the simplified tree with its instruction count. No node is empty: every one emits an instruction. */
type Sized =
  | { readonly type: 'chars'; readonly node: CharsNode; readonly size: number }
  | { readonly type: 'begin' | 'end'; readonly size: number }
  | { readonly type: 'sequence'; readonly items: readonly Sized[]; readonly size: number }
  | { readonly type: 'alternation'; readonly alternatives: readonly Sized[]; readonly size: number }
  | {
      readonly type: 'repeat';
      readonly min: number;
      readonly max: number;
      readonly child: Sized;
      readonly size: number;
    };

const NO_CHILDREN: readonly PatternNode[] = [];

function children(node: PatternNode): readonly PatternNode[] {
  if (node.type === 'sequence') return node.items;
  if (node.type === 'alternation') return node.alternatives;
  if (node.type === 'repeat') return [node.child];
  return NO_CHILDREN;
}

function repeatSize(min: number, max: number, s: number): number {
  if (max === Infinity) return min === 0 ? s + 2 : min * s + 1;
  return min * s + (max - min) * (s + 1);
}

/** Builds a sized node from its simplified children (`null` = matches only the empty text, emits nothing). */
function simplify(node: PatternNode, parts: ReadonlyArray<Sized | null>): Sized | null {
  switch (node.type) {
    case 'char':
    case 'chars':
      return { type: 'chars', node, size: 1 };
    case 'begin':
    case 'end':
      return { type: node.type, size: 1 };
    case 'sequence': {
      const items = parts.filter((p): p is Sized => p !== null);
      if (items.length <= 1) return items[0] ?? null;
      return { type: 'sequence', items, size: items.reduce((sum, item) => sum + item.size, 0) };
    }
    case 'alternation': {
      const alternatives = parts.filter((p): p is Sized => p !== null);
      if (alternatives.length === 0) return null;
      const size = alternatives.reduce((sum, alt) => sum + alt.size, 0) + 2 * (alternatives.length - 1);
      const alt: Sized =
        alternatives.length === 1 ? (alternatives[0] as Sized) : { type: 'alternation', alternatives, size };
      // An empty alternative makes the whole optional: (a|) is a?.
      if (alternatives.length === parts.length) return alt;
      return { type: 'repeat', min: 0, max: 1, child: alt, size: repeatSize(0, 1, alt.size) };
    }
    case 'repeat': {
      const child = parts[0] ?? null;
      if (child === null || node.max === 0) return null;
      if (node.min === 1 && node.max === 1) return child;
      return {
        type: 'repeat',
        min: node.min,
        max: node.max,
        child,
        size: repeatSize(node.min, node.max, child.size),
      };
    }
  }
}

function tooLarge(node: PatternNode, size: number): PatternProblemSignal {
  const { maxInstructions } = PATTERN_LIMITS;
  const where = node.type === 'repeat' ? ' with the quantifier' : '';
  return new PatternProblemSignal({
    kind: 'limit',
    index: node.type === 'repeat' ? node.index : 0,
    message: `The pattern expands${where} to more than ${maxInstructions} matcher instructions (at least ${size})`,
    limit: maxInstructions,
    actual: size,
  });
}

/** Post-order walk with an explicit stack: simplifies and sizes every node, stopping at the instruction limit. */
function sizeTree(root: PatternNode): Sized | null {
  const nodes: PatternNode[] = [root];
  const expanded: boolean[] = [false];
  const results: Array<Sized | null> = [];
  while (nodes.length > 0) {
    const node = nodes.pop() as PatternNode;
    const kids = children(node);
    if (!expanded.pop()) {
      nodes.push(node);
      expanded.push(true);
      for (let i = kids.length - 1; i >= 0; i--) {
        nodes.push(kids[i] as PatternNode);
        expanded.push(false);
      }
      continue;
    }
    const parts = kids.length === 0 ? [] : results.splice(results.length - kids.length, kids.length);
    const sized = simplify(node, parts);
    // + 1 for the final match instruction.
    if (sized !== null && sized.size + 1 > PATTERN_LIMITS.maxInstructions)
      throw tooLarge(node, sized.size + 1);
    results.push(sized);
  }
  return results[0] ?? null;
}

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
