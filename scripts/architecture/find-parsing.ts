// Finds the places in package sources that turn text into instants or numbers: `Date.parse(…)`, `new Date(<text>)`,
// `Number(<text>)`, `parseFloat`/`parseInt` (global or on Number) of text, and unary `+<text>`. "Text" is decided by
// the type checker: an argument whose type is, or may be, a string (string, string literal, any, unknown).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface ParsingSite {
  /** File relative to the repository root. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** What is called: `Date.parse`, `new Date`, `Number`, `parseFloat`, `parseInt`, `unary +`. */
  readonly call: string;
  /** The source text of the call (one line, cut at 120 characters). */
  readonly text: string;
}

export const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === '__fixtures__' || name === 'node_modules' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The source files of every package (`packages/<name>/src`, tests and fixtures left out). */
export function packageSources(): string[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir)
    .filter((p) => statSync(join(packagesDir, p, 'src'), { throwIfNoEntry: false })?.isDirectory())
    .flatMap((p) => sources(join(packagesDir, p, 'src')));
}

/** Every parsing site in `files` (default: every package source), in file order. */
export function findParsingSites(files: readonly string[] = packageSources()): ParsingSite[] {
  const program = ts.createProgram([...files], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['@cx/source'],
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    resolveJsonModule: true,
  });
  const checker = program.getTypeChecker();
  const mayBeText = (node: ts.Expression | undefined): boolean => {
    if (node === undefined) return false;
    const type = checker.getTypeAtLocation(node);
    const check = (t: ts.Type): boolean =>
      (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 ||
      (t.isUnion() && t.types.some(check));
    return check(type);
  };
  const sites: ParsingSite[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) continue;
    const add = (node: ts.Node, call: string): void => {
      const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
      const text = node.getText(source).replace(/\s+/g, ' ');
      sites.push({
        file: relative(root, file),
        line: line + 1,
        column: character + 1,
        call,
        text: text.length > 120 ? `${text.slice(0, 119)}…` : text,
      });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = callee.getText(source);
        if (name === 'Date.parse') add(node, 'Date.parse');
        else if (
          (name === 'Number' ||
            name === 'parseFloat' ||
            name === 'parseInt' ||
            name === 'Number.parseFloat' ||
            name === 'Number.parseInt') &&
          mayBeText(node.arguments[0])
        )
          add(node, name.replace('Number.', ''));
      } else if (
        ts.isNewExpression(node) &&
        node.expression.getText(source) === 'Date' &&
        node.arguments?.length === 1 &&
        mayBeText(node.arguments[0])
      ) {
        add(node, 'new Date');
      } else if (
        ts.isPrefixUnaryExpression(node) &&
        node.operator === ts.SyntaxKind.PlusToken &&
        mayBeText(node.operand)
      ) {
        add(node, 'unary +');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}
