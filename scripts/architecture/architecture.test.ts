// Architecture rule of the repository (CONVENTIONS.md, "Boundaries"): nothing parses instants or numbers from input
// text outside the ingestion layer (@cx/ingest) and the time module (@cx/model). See allowed.ts for the exceptions.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED, GRAMMAR_MODULES } from './allowed.js';
import { findParsingSites, type ParsingSite } from './find-parsing.js';

const sites = findParsingSites();
const allowedBy = (site: ParsingSite) =>
  ALLOWED.find((a) => a.file === site.file && a.call === site.call && site.text.includes(a.text));
const inGrammar = (site: ParsingSite): boolean =>
  GRAMMAR_MODULES.some((m) => (m.endsWith('/') ? site.file.startsWith(m) : site.file === m));

describe('architecture: one grammar for instants and numbers', () => {
  it('finds no parsing of text outside @cx/ingest and the time module', () => {
    const offending = sites.filter((s) => !inGrammar(s) && allowedBy(s) === undefined);
    const report = offending.map(
      (s) =>
        `  ${s.file}:${s.line}:${s.column}  ${s.call}: ${s.text}\n` +
        `    → Read input text with @cx/ingest (readRecords/readColumns with a mapping: numbers, money, instants with a\n` +
        `      time zone) or a model instant with @cx/model's time module (instantToEpochMs, parseInstant). If this is not\n` +
        `      input text (a format this package writes and reads itself, a number it computed), add an entry with the\n` +
        `      reason to ALLOWED in scripts/architecture/allowed.ts.`,
    );
    expect(
      offending.length,
      `Text parsed outside the ingestion and time modules:\n${report.join('\n')}`,
    ).toBe(0);
  });

  it('has no stale allow-list entries (the list only shrinks)', () => {
    const stale = ALLOWED.filter(
      (a) => !sites.some((s) => s.file === a.file && s.call === a.call && s.text.includes(a.text)),
    );
    expect(
      stale.map((a) => `${a.file} ${a.call} ${a.text}`),
      'Remove these entries from scripts/architecture/allowed.ts: the code they allowed is gone',
    ).toEqual([]);
  });

  it('detects each kind of parsing of text, and not numbers passed along (the rule can fail)', () => {
    const found = findParsingSites([join(import.meta.dirname, '__fixtures__', 'violations.ts')]);
    expect(found.map((s) => s.call)).toEqual([
      'Date.parse',
      'new Date',
      'Number',
      'parseFloat',
      'parseInt',
      'unary +',
      'Number',
    ]);
  });
});
