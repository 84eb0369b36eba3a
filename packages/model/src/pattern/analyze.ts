import { type PatternProblem, PatternProblemSignal } from './ast.js';
import { compileTree } from './compiler.js';
import { parsePattern } from './parser.js';
import type { Program } from './program.js';

/** A compiled program, or the first problem found (internal). */
export type Analysis = { readonly program: Program } | { readonly problem: PatternProblem };

/** Parses and compiles a pattern source; never throws for any string. */
export function analyzePattern(source: string, ignoreCase: boolean): Analysis {
  try {
    return { program: compileTree(parsePattern(source), ignoreCase) };
  } catch (error) {
    if (error instanceof PatternProblemSignal) return { problem: error.problem };
    throw error;
  }
}

/** The problem in words, with where it is: `at index 3 ("(?=a)…"): …`. */
export function describeProblem(source: string, problem: PatternProblem): string {
  const excerpt = source.slice(problem.index, problem.index + 12);
  const more = problem.index + 12 < source.length ? '…' : '';
  return `at index ${problem.index} (${JSON.stringify(excerpt + more)}): ${problem.message}`;
}
