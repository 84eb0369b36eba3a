// Every public export has TSDoc with a summary; every exported value (function, class, constant) has an @example,
// and in @cx/model, the vocabulary every package speaks, every export (types too) has one.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageNames, root } from './extract.js';

function exportsWithoutDocs(pkg: string, examplesOnTypes: boolean): string[] {
  const entry = join(root, 'packages', pkg, 'src', 'index.ts');
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['@cx/source'],
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) return [];
  const problems: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const isValue =
      (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable)) !== 0;
    const tags = symbol.getJsDocTags(checker).map((t) => t.name);
    if (summary === '') problems.push(`${exported.name}: no summary`);
    else if ((isValue || examplesOnTypes) && !tags.includes('example'))
      problems.push(`${exported.name}: no @example`);
  }
  return problems;
}

describe('TSDoc on every public export', () => {
  for (const pkg of packageNames()) {
    // A package's program holds the sources of every package it imports: @cx/cli's holds nearly all of them, which
    // takes longer than the default 30 s on a loaded two-core machine.
    it(`@cx/${pkg}`, { timeout: 120_000 }, () => {
      expect(exportsWithoutDocs(pkg, pkg === 'model')).toEqual([]);
    });
  }
});
