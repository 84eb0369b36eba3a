// Guards the evaluation corpus: the frozen test split, the schema of every line, the counts in MANIFEST.json,
// and that the splits are exactly what split.ts makes of raw/. See README.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutputs, EVAL_DIR, type Manifest, readRaw, SPLIT_FILES } from './assemble';
import {
  duplicateKey,
  type EvalText,
  LABELS,
  LANGUAGES,
  type Language,
  PHENOMENA,
  parseJsonl,
  SOURCES,
  SPLITS,
  sha256,
  summarize,
} from './corpus';

// SHA-256 of the test split as frozen in the commit "text eval: freeze test split (…)", before any model was
// tuned. If this fails, the test split was edited: every accuracy measured on it is void. Do not update these.
const FROZEN_TEST_SHA256: Record<string, string> = {
  'en/test.jsonl': '739506c26d1394d0e201e29148d90b5b9356a8a55715d484498a253e1d549312',
  'pl/test.jsonl': 'b2bf481a4ef11232139d8a4205ac38e208e8ebaf9bb3dbee2cd444987e89fec7',
};

const read = (path: string) => readFileSync(join(EVAL_DIR, path), 'utf8');
const files = SPLIT_FILES.map((file) => ({ ...file, content: read(file.path) }));
const rowsOf = (file: (typeof files)[number]) => parseJsonl(file.content, file.path, file.language);
const manifest = JSON.parse(read('MANIFEST.json')) as Manifest;

describe('frozen test split', () => {
  it.each(Object.entries(FROZEN_TEST_SHA256))('%s has the SHA-256 it was frozen with', (path, hash) => {
    expect(sha256(read(path))).toBe(hash);
  });

  it('every split file has the SHA-256 and the count recorded in MANIFEST.json', () => {
    for (const file of files) {
      expect(manifest.files[file.path]).toEqual({ texts: rowsOf(file).length, sha256: sha256(file.content) });
    }
    expect(Object.keys(manifest.files).sort()).toEqual(files.map((file) => file.path).sort());
  });
});

describe('every line', () => {
  it.each(files.map((file) => [file.path, file] as const))('%s: valid rows of its language', (_, file) => {
    expect(() => rowsOf(file)).not.toThrow();
  });

  it('ids are unique and no text appears twice, across splits and languages', () => {
    const all = files.flatMap(rowsOf);
    expect(new Set(all.map((row) => row.id)).size).toBe(all.length);
    const seen = new Map<string, string>();
    const repeated = all.filter((row) => {
      const first = seen.get(duplicateKey(row.text));
      seen.set(duplicateKey(row.text), row.id);
      return first !== undefined;
    });
    expect(repeated.map((row) => row.id)).toEqual([]);
  });
});

const languageRows = (language: Language) =>
  Object.fromEntries(
    SPLITS.map((split) => [split, rowsOf(files.find((f) => f.language === language && f.split === split)!)]),
  ) as Record<(typeof SPLITS)[number], EvalText[]>;

describe.each(LANGUAGES)('%s', (language) => {
  const splits = languageRows(language);
  const all = [...splits.train, ...splits.dev, ...splits.test];

  it('MANIFEST.json counts are the counts of the files', () => {
    expect(manifest.languages[language]).toEqual({
      all: summarize(all),
      train: summarize(splits.train),
      dev: summarize(splits.dev),
      test: summarize(splits.test),
    });
  });

  it('has at least 1,100 texts, 350 of them aspect-labelled, about 40/40/20 % positive/negative/neutral', () => {
    expect(all.length).toBeGreaterThanOrEqual(1100);
    expect(all.filter((row) => row.aspects !== undefined).length).toBeGreaterThanOrEqual(350);
    const share = (label: string) => all.filter((row) => row.label === label).length / all.length;
    expect(share('positive')).toBeCloseTo(0.4, 1);
    expect(share('negative')).toBeCloseTo(0.4, 1);
    expect(share('neutral')).toBeCloseTo(0.2, 1);
  });

  it('splits are 50/20/30 % and every split has every label from every source', () => {
    expect(splits.train.length / all.length).toBeCloseTo(0.5, 1);
    expect(splits.dev.length / all.length).toBeCloseTo(0.2, 1);
    expect(splits.test.length / all.length).toBeCloseTo(0.3, 1);
    for (const split of SPLITS) {
      for (const label of LABELS) {
        for (const source of SOURCES) {
          const n = splits[split].filter((row) => row.label === label && row.source === source).length;
          expect(n, `${split} ${label} ${source}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('every documented failure class appears in every split, in both directions where it has two', () => {
    const floor = { train: 12, dev: 4, test: 6 } as const;
    const phenomena = PHENOMENA.filter((p) => language === 'pl' || p !== 'no_diacritics');
    for (const split of SPLITS) {
      for (const phenomenon of phenomena) {
        const n = splits[split].filter((row) => row.phenomena?.includes(phenomenon)).length;
        expect(n, `${split} ${phenomenon}`).toBeGreaterThanOrEqual(floor[split]);
      }
      const contrast = splits[split].filter((row) => row.phenomena?.includes('contrast'));
      expect(contrast.some((row) => row.label === 'positive')).toBe(true);
      expect(contrast.some((row) => row.label === 'negative')).toBe(true);
    }
  });

  if (language === 'pl') {
    it('10–15 % of texts are typed without Polish diacritics, and really contain none', () => {
      const bare = all.filter((row) => row.phenomena?.includes('no_diacritics'));
      expect(bare.length / all.length).toBeGreaterThanOrEqual(0.1);
      expect(bare.length / all.length).toBeLessThanOrEqual(0.15);
      expect(bare.filter((row) => /[ąćęłńóśźż]/i.test(row.text)).map((row) => row.id)).toEqual([]);
    });
  }
});

describe('procedure', () => {
  it('the split files and MANIFEST.json are exactly what split.ts makes of raw/', () => {
    const built = buildOutputs(readRaw());
    for (const file of files) expect(built.files.get(file.path), file.path).toBe(file.content);
    expect(built.manifest).toEqual(manifest);
  });
});
