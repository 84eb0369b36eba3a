// Builds the split files, the held-out files and MANIFEST.json from the raw batches, in memory. split.ts writes
// them; the tests compare them with what is committed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertUnique,
  assignSplits,
  type EvalText,
  HELD_OUT_SETS,
  type HeldOutSet,
  heldOutSetOf,
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

/** The held-out files (`<language>/<set>.jsonl`), relative to {@link EVAL_DIR}, in a fixed order. */
export const HELD_OUT_FILES = (Object.keys(HELD_OUT_SETS) as HeldOutSet[]).flatMap((set) =>
  LANGUAGES.map((language) => ({ language, set, path: `${language}/${set}.jsonl` })),
);

/** Files whose bytes are frozen: a changed hash voids every measurement taken on them. */
export const FROZEN_FILES: readonly string[] = [
  ...SPLIT_FILES.filter((file) => file.split === 'test').map((file) => file.path),
  ...HELD_OUT_FILES.map((file) => file.path),
];

/** Reads and validates every batch `<dir>/<language>-<source>-<nn>.jsonl`, in file-name order. */
function readBatches(dir: string, evalDir: string): EvalText[] {
  const names = readdirSync(join(evalDir, dir))
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  return names.flatMap((name) => {
    const match = /^(en|pl)-([a-z_]+)-\d{2}\.jsonl$/.exec(name);
    const language = match?.[1] as 'en' | 'pl' | undefined;
    if (match === null || language === undefined || !(SOURCES as readonly string[]).includes(match[2]!)) {
      throw new Error(`${dir}/${name}: expected a name like pl-review-01.jsonl`);
    }
    const rows = parseJsonl(readFileSync(join(evalDir, dir, name), 'utf8'), `${dir}/${name}`, language);
    const stray = rows.find((row) => row.source !== match[2]);
    if (stray !== undefined) throw new Error(`${dir}/${name}: ${stray.id} has source ${stray.source}`);
    return rows;
  });
}

/** Reads and validates every raw batch of the split corpus (`raw/<language>-<source>-<nn>.jsonl`). */
export function readRaw(evalDir: string = EVAL_DIR): EvalText[] {
  const rows = readBatches('raw', evalDir);
  const stray = rows.find((row) => heldOutSetOf(row) !== undefined);
  if (stray !== undefined) throw new Error(`raw/: ${stray.id} has the id of a held-out set`);
  return rows;
}

/** Reads and validates every raw batch of a held-out set (`raw-test-2/<language>-<source>-<nn>.jsonl` for test-2). */
export function readHeldOut(set: HeldOutSet, evalDir: string = EVAL_DIR): EvalText[] {
  const { rawDir, idInfix } = HELD_OUT_SETS[set];
  const rows = readBatches(rawDir, evalDir);
  const stray = rows.find((row) => heldOutSetOf(row) !== set);
  if (stray !== undefined) throw new Error(`${rawDir}/: ${stray.id} lacks the id infix "-${idInfix}-"`);
  return rows;
}

/** Every held-out set, read from its raw batches. */
export function readAllHeldOut(evalDir: string = EVAL_DIR): Record<HeldOutSet, EvalText[]> {
  return Object.fromEntries(
    (Object.keys(HELD_OUT_SETS) as HeldOutSet[]).map((set) => [set, readHeldOut(set, evalDir)]),
  ) as Record<HeldOutSet, EvalText[]>;
}

export interface Manifest {
  readonly corpus: string;
  readonly licence: string;
  readonly seed: string;
  readonly fractions: typeof SPLIT_FRACTIONS;
  readonly stratifiedBy: string;
  readonly languages: Record<string, Record<'all' | Split, Summary>>;
  readonly heldOut: Record<HeldOutSet, Record<string, Summary>>;
  readonly files: Record<string, { readonly texts: number; readonly sha256: string }>;
}

const byId = (a: EvalText, b: EvalText) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const toJsonl = (rows: readonly EvalText[]) => rows.map((row) => `${serializeRow(row)}\n`).join('');

/**
 * The content of every split file, every held-out file and MANIFEST.json for the given raw rows. Ids and texts
 * must be unique over the split corpus and every held-out set together.
 */
export function buildOutputs(
  rows: readonly EvalText[],
  heldOut: Record<HeldOutSet, readonly EvalText[]>,
): { files: Map<string, string>; manifest: Manifest } {
  assertUnique([...rows, ...Object.values(heldOut).flat()]);
  const assigned = assignSplits(rows, SPLIT_SEED);
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
  const write = (path: string, members: readonly EvalText[]) => {
    const content = toJsonl(members);
    files.set(path, content);
    manifestFiles[path] = { texts: members.length, sha256: sha256(content) };
  };
  for (const { language, split, path } of SPLIT_FILES) {
    write(
      path,
      rows.filter((row) => languageOf(row) === language && assigned.get(row.id) === split).sort(byId),
    );
  }
  const heldOutSummaries = {} as Record<HeldOutSet, Record<string, Summary>>;
  for (const { language, set, path } of HELD_OUT_FILES) {
    const members = heldOut[set].filter((row) => languageOf(row) === language).sort(byId);
    write(path, members);
    heldOutSummaries[set] = { ...heldOutSummaries[set], [language]: summarize(members) };
  }
  const manifest: Manifest = {
    corpus: '@cx/text evaluation corpus: labelled customer texts for sentiment and aspect evaluation',
    licence: 'CC0-1.0',
    seed: SPLIT_SEED,
    fractions: SPLIT_FRACTIONS,
    stratifiedBy: 'language, label, source',
    languages,
    heldOut: heldOutSummaries,
    files: manifestFiles,
  };
  return { files, manifest };
}

/** Labels in a fixed order, re-exported for reports. */
export { LABELS };
