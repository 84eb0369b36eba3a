// The labelled evaluation corpus of @cx/text: row schema, validation, the seeded stratified split and the
// counts written to MANIFEST.json. Used by split.ts (which writes the splits) and by the tests (which check
// them). Not part of the published package.
import { createHash } from 'node:crypto';
import { CxValidationError, type ValidationIssue } from '@cx/model';
import { z } from 'zod';

/** Languages of the corpus; the id prefix and the folder name. */
export const LANGUAGES = ['en', 'pl'] as const;
/** Overall attitude of the customer. */
export const LABELS = ['positive', 'negative', 'neutral'] as const;
/** Where the text comes from. */
export const SOURCES = ['review', 'survey', 'social', 'ticket', 'chat', 'app_review'] as const;
/** Business domain of the company addressed. */
export const DOMAINS = [
  'fashion',
  'electronics',
  'groceries',
  'furniture',
  'telecom',
  'banking',
  'travel',
  'food_delivery',
  'marketplace',
] as const;
/** CX topics of the aspect labels. */
export const TOPICS = [
  'delivery',
  'product_quality',
  'price',
  'support',
  'checkout_payment',
  'app_website',
  'store',
  'returns',
] as const;
/** Documented failure classes of the sentiment scorer (issue 17), tagged where a text exhibits one. */
export const PHENOMENA = [
  'plain_fact_complaint',
  'sarcasm',
  'distant_negation',
  'negated_helper',
  'conditional',
  'contrast',
  'sentiment_question',
  'greeting',
  'brand_stem',
  'superlative',
  'comparative',
  'rhetorical_question',
  'positive_fact',
  'no_diacritics',
] as const;
/** The three frozen splits, in the order they are filled from a shuffled stratum. */
export const SPLITS = ['test', 'dev', 'train'] as const;
/** Share of every (language, label, source) stratum that goes to each split. */
export const SPLIT_FRACTIONS = { train: 0.5, dev: 0.2, test: 0.3 } as const;
/** Seed of the shuffle. Changing it reshuffles every split: never do so after the test split is frozen. */
export const SPLIT_SEED = 'cx-text-eval-v1';
/**
 * Held-out sets written after the first measurement on `test`, each frozen whole (not split) and read only by
 * the evaluation script. The name is the file name (`<language>/<name>.jsonl`); the id infix is `t2` for test-2.
 */
export const HELD_OUT_SETS = { 'test-2': { idInfix: 't2', rawDir: 'raw-test-2' } } as const;

export type Language = (typeof LANGUAGES)[number];
export type Split = (typeof SPLITS)[number];
export type HeldOutSet = keyof typeof HELD_OUT_SETS;

const unique = (values: readonly string[]) => new Set(values).size === values.length;

const aspectSchema = z.strictObject({ topic: z.enum(TOPICS), sentiment: z.enum(LABELS) });

/** One line of a corpus file. `aspects` is present only on aspect-labelled texts (it may be empty). */
export const evalTextSchema = z.strictObject({
  id: z.string().regex(/^(en|pl)-(t2-)?\d{4}$/, 'Expected an id like "pl-0001" (or "pl-t2-0001" in test-2)'),
  text: z
    .string()
    .min(1)
    .refine((text) => text === text.trim(), 'Expected no leading or trailing white space')
    .refine((text) => text === text.normalize('NFC'), 'Expected NFC-normalised text'),
  label: z.enum(LABELS),
  source: z.enum(SOURCES),
  domain: z.enum(DOMAINS),
  aspects: z
    .array(aspectSchema)
    .refine((aspects) => unique(aspects.map((a) => a.topic)), 'Expected each topic at most once')
    .optional(),
  phenomena: z
    .array(z.enum(PHENOMENA))
    .min(1)
    .refine(unique, 'Expected each phenomenon at most once')
    .optional(),
});

export type EvalText = z.infer<typeof evalTextSchema>;

/** Language of a row, from its id prefix. */
export function languageOf(row: Pick<EvalText, 'id'>): Language {
  return row.id.startsWith('pl-') ? 'pl' : 'en';
}

/** The held-out set a row belongs to, from its id infix (`pl-t2-0001` → `test-2`); undefined for the split corpus. */
export function heldOutSetOf(row: Pick<EvalText, 'id'>): HeldOutSet | undefined {
  const infix = /^[a-z]{2}-([a-z]\w*)-\d{4}$/.exec(row.id)?.[1];
  return (Object.keys(HELD_OUT_SETS) as HeldOutSet[]).find((set) => HELD_OUT_SETS[set].idInfix === infix);
}

/**
 * Parses JSON Lines into rows. Every bad line is reported with `source` (the file name), its 1-based `line` and
 * the path of the offending field inside the row; all issues are collected and thrown together as one
 * CxValidationError. `language`, when given, is the language every id must have.
 */
export function parseJsonl(content: string, file: string, language?: Language): EvalText[] {
  const rows: EvalText[] = [];
  const issues: ValidationIssue[] = [];
  const lines = content.split('\n');
  if (lines.at(-1) === '') lines.pop();
  else {
    issues.push({
      path: [],
      source: file,
      line: lines.length,
      code: 'invalid_format',
      message: 'Expected a final newline',
    });
  }
  lines.forEach((text, index) => {
    const at = { source: file, line: index + 1 };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      issues.push({
        ...at,
        path: [],
        code: 'invalid_json',
        message: `Expected one JSON object: ${String(error)}`,
      });
      return;
    }
    const parsed = evalTextSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ ...at, path: issue.path.map(String), code: issue.code, message: issue.message });
      }
      return;
    }
    if (language !== undefined && languageOf(parsed.data) !== language) {
      issues.push({
        ...at,
        path: ['id'],
        code: 'invalid_value',
        message: `Expected an id starting "${language}-" in a ${language} file`,
      });
      return;
    }
    rows.push(parsed.data);
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'evaluation corpus' });
  return rows;
}

/** Writes a row as one JSON line with a fixed key order. */
export function serializeRow(row: EvalText): string {
  const { id, text, label, source, domain, aspects, phenomena } = row;
  return JSON.stringify({ id, text, label, source, domain, aspects, phenomena });
}

/** Key under which two texts count as the same: NFKC, lower case, punctuation and white space collapsed. */
export function duplicateKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{Z}\s]+/gu, ' ')
    .trim();
}

/** Checks that ids and texts (by {@link duplicateKey}) are unique over all rows; throws CxValidationError. */
export function assertUnique(rows: readonly EvalText[]): void {
  const issues: ValidationIssue[] = [];
  const ids = new Set<string>();
  const texts = new Map<string, string>();
  for (const row of rows) {
    if (ids.has(row.id))
      issues.push({ path: [row.id], code: 'duplicate_id', message: 'Expected a unique id' });
    ids.add(row.id);
    const key = duplicateKey(row.text);
    const first = texts.get(key);
    if (first !== undefined) {
      issues.push({
        path: [row.id, 'text'],
        code: 'invalid_value',
        message: `Expected a new text; same as ${first}`,
      });
    } else texts.set(key, row.id);
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'evaluation corpus' });
}

/** The stratum of a row: language, label and source. */
export function stratumOf(row: EvalText): string {
  return `${languageOf(row)}|${row.label}|${row.source}`;
}

/** Position of a row in the seeded shuffle: SHA-256 of seed and id (independent of file order). */
export function shuffleKey(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}\n${id}`).digest('hex');
}

/** How many rows of a stratum of size `n` go to test, dev and train (rounded; train takes the rest). */
export function splitSizes(n: number): Record<Split, number> {
  const test = Math.round(n * SPLIT_FRACTIONS.test);
  const dev = Math.min(n - test, Math.round(n * SPLIT_FRACTIONS.dev));
  return { test, dev, train: n - test - dev };
}

/**
 * Assigns every row to a split: within each (language, label, source) stratum, rows are ordered by
 * {@link shuffleKey} and the first 30 % go to test, the next 20 % to dev, the rest to train.
 */
export function assignSplits(rows: readonly EvalText[], seed: string = SPLIT_SEED): Map<string, Split> {
  const strata = new Map<string, EvalText[]>();
  for (const row of rows) {
    const stratum = strata.get(stratumOf(row));
    if (stratum === undefined) strata.set(stratumOf(row), [row]);
    else stratum.push(row);
  }
  const assigned = new Map<string, Split>();
  for (const members of strata.values()) {
    const keyed = members.map((row) => ({ id: row.id, key: shuffleKey(seed, row.id) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const sizes = splitSizes(keyed.length);
    let next = 0;
    for (const split of SPLITS) {
      for (const { id } of keyed.slice(next, next + sizes[split])) assigned.set(id, split);
      next += sizes[split];
    }
  }
  return assigned;
}

const tally = <K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> => {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
};

/** Counts of a set of rows, with keys in a fixed order so that MANIFEST.json is stable. */
export function summarize(rows: readonly EvalText[]) {
  const aspectRows = rows.filter((row) => row.aspects !== undefined);
  const aspects = Object.fromEntries(
    TOPICS.map((topic) => [
      topic,
      tally(
        LABELS,
        aspectRows.flatMap((row) => row.aspects!.filter((a) => a.topic === topic).map((a) => a.sentiment)),
      ),
    ]),
  ) as Record<(typeof TOPICS)[number], Record<(typeof LABELS)[number], number>>;
  return {
    texts: rows.length,
    label: tally(
      LABELS,
      rows.map((row) => row.label),
    ),
    source: tally(
      SOURCES,
      rows.map((row) => row.source),
    ),
    domain: tally(
      DOMAINS,
      rows.map((row) => row.domain),
    ),
    aspectLabelled: aspectRows.length,
    aspects,
    phenomena: tally(
      PHENOMENA,
      rows.flatMap((row) => row.phenomena ?? []),
    ),
  };
}

export type Summary = ReturnType<typeof summarize>;

/** SHA-256 of a file's bytes, hex. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
