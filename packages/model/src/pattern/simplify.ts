import { type PatternNode, PatternProblemSignal } from './ast.js';
import { PATTERN_LIMITS } from './limits.js';

/** A literal or a class: one instruction that consumes a code point. */
export type CharsNode = Extract<PatternNode, { type: 'chars' | 'char' }>;

/** A node of the simplified tree with its instruction count. No node is empty: every one emits an instruction. */
export type Sized =
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
export function sizeTree(root: PatternNode): Sized | null {
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
