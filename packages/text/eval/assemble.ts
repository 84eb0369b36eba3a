// Builds the split files and MANIFEST.json from the raw batches, in memory. split.ts writes them; the tests
// compare them with what is committed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertUnique,
  assignSplits,
  type EvalText,
  LABELS,
  LANGUAGES,
  languageOf,
  parseJsonl,
  SOURCES,
  SPLIT_FRACTIONS,
  SPLIT_SEED,
  SPLITS,
  type Split,
  type Summary,
  serializeRow,
  sha256,
  summarize,
} from './corpus';

/** Folder of this corpus. */
export const EVAL_DIR = import.meta.dirname;

/** The split files, relative to {@link EVAL_DIR}, in a fixed order. */
export const SPLIT_FILES = LANGUAGES.flatMap((language) =>
  (['train', 'dev', 'test'] as const).map((split) => ({
    language,
    split,
    path: `${language}/${split}.jsonl`,
  })),
);

/** Reads and validates every raw batch (`raw/<language>-<source>-<nn>.jsonl`), in file-name order. */
export function readRaw(evalDir: string = EVAL_DIR): EvalText[] {
  const names = readdirSync(join(evalDir, 'raw'))
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  return names.flatMap((name) => {
    const match = /^(en|pl)-([a-z_]+)-\d{2}\.jsonl$/.exec(name);
    const language = match?.[1] as 'en' | 'pl' | undefined;
    if (match === null || language === undefined || !(SOURCES as readonly string[]).includes(match[2]!)) {
      throw new Error(`raw/${name}: expected a name like pl-review-01.jsonl`);
    }
    const rows = parseJsonl(readFileSync(join(evalDir, 'raw', name), 'utf8'), `raw/${name}`, language);
    const stray = rows.find((row) => row.source !== match[2]);
    if (stray !== undefined) throw new Error(`raw/${name}: ${stray.id} has source ${stray.source}`);
    return rows;
  });
}

export interface Manifest {
  readonly corpus: string;
  readonly licence: string;
  readonly seed: string;
  readonly fractions: typeof SPLIT_FRACTIONS;
  readonly stratifiedBy: string;
  readonly languages: Record<string, Record<'all' | Split, Summary>>;
  readonly files: Record<string, { readonly texts: number; readonly sha256: string }>;
}

/** The content of every split file and of MANIFEST.json for the given raw rows. */
export function buildOutputs(rows: readonly EvalText[]): { files: Map<string, string>; manifest: Manifest } {
  assertUnique(rows);
  const assigned = assignSplits(rows, SPLIT_SEED);
  const byId = (a: EvalText, b: EvalText) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const files = new Map<string, string>();
  const manifestFiles: Record<string, { texts: number; sha256: string }> = {};
  const languages: Record<string, Record<'all' | Split, Summary>> = {};
  for (const language of LANGUAGES) {
    const own = rows.filter((row) => languageOf(row) === language).sort(byId);
    const perSplit = Object.fromEntries(
      SPLITS.map((split) => [split, own.filter((row) => assigned.get(row.id) === split)]),
    ) as Record<Split, EvalText[]>;
    languages[language] = {
      all: summarize(own),
      train: summarize(perSplit.train),
      dev: summarize(perSplit.dev),
      test: summarize(perSplit.test),
    };
  }
  for (const { language, split, path } of SPLIT_FILES) {
    const members = rows
      .filter((row) => languageOf(row) === language && assigned.get(row.id) === split)
      .sort(byId);
    const content = members.map((row) => `${serializeRow(row)}\n`).join('');
    files.set(path, content);
    manifestFiles[path] = { texts: members.length, sha256: sha256(content) };
  }
  const manifest: Manifest = {
    corpus: '@cx/text evaluation corpus: labelled customer texts for sentiment and aspect evaluation',
    licence: 'CC0-1.0',
    seed: SPLIT_SEED,
    fractions: SPLIT_FRACTIONS,
    stratifiedBy: 'language, label, source',
    languages,
    files: manifestFiles,
  };
  return { files, manifest };
}

/** Labels in a fixed order, re-exported for reports. */
export { LABELS };
