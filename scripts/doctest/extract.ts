// Finds the ```ts blocks of @example tags in the TSDoc comments of every package's sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocExample {
  /** Package folder name, e.g. `model`. */
  readonly pkg: string;
  /** Source file relative to the repository root. */
  readonly file: string;
  /** 1-based line of the code block's first line. */
  readonly line: number;
  /** The example's code. */
  readonly code: string;
}

export const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__fixtures__' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name) ? [path] : [];
  });
}

export function packageNames(): string[] {
  return readdirSync(join(root, 'packages')).filter((p) =>
    statSync(join(root, 'packages', p, 'src')).isDirectory(),
  );
}

export function extractExamples(pkg: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const path of sources(join(root, 'packages', pkg, 'src'))) {
    const lines = readFileSync(path, 'utf8').split('\n');
    let inExample = false;
    let block: string[] | undefined;
    let start = 0;
    lines.forEach((raw, i) => {
      const line = raw.replace(/^\s*\* ?/, '');
      if (/^\s*\*\//.test(raw) || /^\s*\/\*\*/.test(raw)) inExample = false;
      if (/^@example\b/.test(line.trim())) inExample = true;
      else if (/^@\w+/.test(line.trim()) && block === undefined) inExample = false;
      if (!inExample) return;
      if (block === undefined && /^```(ts|typescript)\s*$/.test(line.trim())) {
        block = [];
        start = i + 2;
      } else if (block !== undefined && /^```\s*$/.test(line.trim())) {
        examples.push({ pkg, file: relative(root, path), line: start, code: block.join('\n') });
        block = undefined;
      } else if (block !== undefined) {
        block.push(line);
      }
    });
  }
  return examples;
}
