// Guards the evaluation corpus: the frozen test split and held-out set test-2, the schema of every line, the
// counts in MANIFEST.json, and that the files are exactly what split.ts makes of raw/ and raw-test-2/. See
// README.md. These tests read the frozen files but never print a text: failures name ids, paths and counts only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildOutputs,
  EVAL_DIR,
  HELD_OUT_FILES,
  type Manifest,
  readAllHeldOut,
  readRaw,
  SPLIT_FILES,
} from './assemble';
import {
  DOMAINS,
  duplicateKey,
  type EvalText,
  heldOutSetOf,
  LABELS,
  LANGUAGES,
  type Language,
  PHENOMENA,
  parseJsonl,
  SOURCES,
  SPLITS,
  sha256,
  summarize,
  TOPICS,
} from './corpus';

// SHA-256 of the test split as frozen in the commit "text eval: freeze test split (…)", before any model was
// tuned. If this fails, the test split was edited: every accuracy measured on it is void. Do not update these.
const FROZEN_TEST_SHA256: Record<string, string> = {
  'en/test.jsonl': '739506c26d1394d0e201e29148d90b5b9356a8a55715d484498a253e1d549312',
  'pl/test.jsonl': 'b2bf481a4ef11232139d8a4205ac38e208e8ebaf9bb3dbee2cd444987e89fec7',
};

// SHA-256 of the held-out set test-2 as frozen in the commit "text eval: freeze test-2 split (…)", written after
// the first measurement on the test split and before any model was measured on it. If this fails, test-2 was
// edited: every accuracy measured on it is void. Do not update these.
const FROZEN_TEST_2_SHA256: Record<string, string> = {
  'en/test-2.jsonl': '8b708073afd65b3136acd39d1fa7e833c935cd1679783f431ce2f07d002694d3',
  'pl/test-2.jsonl': '3878b42f01b04d70ae95627b39114ae7e9a598e1802e5d74993087b12eb20c1d',
};

const read = (path: string) => readFileSync(join(EVAL_DIR, path), 'utf8');
const files = SPLIT_FILES.map((file) => ({ ...file, content: read(file.path) }));
const heldOutFiles = HELD_OUT_FILES.map((file) => ({ ...file, content: read(file.path) }));
const allFiles = [...files, ...heldOutFiles];
const rowsOf = (file: { path: string; language: Language; content: string }) =>
  parseJsonl(file.content, file.path, file.language);
const manifest = JSON.parse(read('MANIFEST.json')) as Manifest;

describe('frozen test split', () => {
  it.each(Object.entries(FROZEN_TEST_SHA256))('%s has the SHA-256 it was frozen with', (path, hash) => {
    expect(sha256(read(path))).toBe(hash);
  });

  it('every split and held-out file has the SHA-256 and the count recorded in MANIFEST.json', () => {
    for (const file of allFiles) {
      expect(manifest.files[file.path]).toEqual({ texts: rowsOf(file).length, sha256: sha256(file.content) });
    }
    expect(Object.keys(manifest.files).sort()).toEqual(allFiles.map((file) => file.path).sort());
  });
});

describe('frozen held-out set test-2', () => {
  it.each(Object.entries(FROZEN_TEST_2_SHA256))('%s has the SHA-256 it was frozen with', (path, hash) => {
    expect(sha256(read(path))).toBe(hash);
  });

  it('has exactly the held-out files whose hashes are pinned here', () => {
    expect(heldOutFiles.map((file) => file.path).sort()).toEqual(Object.keys(FROZEN_TEST_2_SHA256).sort());
  });
});

describe('every line', () => {
  it.each(allFiles.map((file) => [file.path, file] as const))('%s: valid rows of its language', (_, file) => {
    expect(() => rowsOf(file)).not.toThrow();
  });

  it('split files hold split-corpus ids; test-2 holds <language>-t2-0001 … in order, and nothing else', () => {
    for (const file of files) {
      expect(
        rowsOf(file)
          .filter((row) => heldOutSetOf(row) !== undefined)
          .map((row) => row.id),
      ).toEqual([]);
    }
    for (const file of heldOutFiles) {
      const ids = rowsOf(file).map((row) => row.id);
      expect(ids).toEqual(ids.map((_, i) => `${file.language}-t2-${String(i + 1).padStart(4, '0')}`));
    }
  });

  it('ids are unique and no text appears twice, across splits, held-out sets and languages', () => {
    const all = allFiles.flatMap(rowsOf);
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

describe.each(LANGUAGES)('test-2 %s', (language) => {
  const rows = rowsOf(heldOutFiles.find((file) => file.language === language)!);
  const count = (keep: (row: EvalText) => boolean) => rows.filter(keep).length;

  it('MANIFEST.json counts are the counts of the file', () => {
    expect(manifest.heldOut['test-2'][language]).toEqual(summarize(rows));
  });

  it('has 400 texts, all aspect-labelled, 40/40/20 % positive/negative/neutral, every label from every source', () => {
    expect(rows.length).toBe(400);
    expect(count((row) => row.aspects !== undefined)).toBe(400);
    // 160 / 160 / 80 of 400.
    expect(LABELS.map((label) => count((row) => row.label === label))).toEqual([160, 160, 80]);
    for (const source of SOURCES) {
      expect(
        count((row) => row.source === source),
        source,
      ).toBeGreaterThanOrEqual(60);
      for (const label of LABELS) {
        expect(
          count((row) => row.source === source && row.label === label),
          `${label} ${source}`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('covers all nine domains and all eight topics', () => {
    for (const domain of DOMAINS)
      expect(
        count((row) => row.domain === domain),
        domain,
      ).toBeGreaterThanOrEqual(30);
    for (const topic of TOPICS) {
      expect(
        count((row) => row.aspects!.some((a) => a.topic === topic)),
        topic,
      ).toBeGreaterThanOrEqual(10);
    }
  });

  it('shows every documented failure class several times, contrast in both directions', () => {
    const phenomena = PHENOMENA.filter((p) => language === 'pl' || p !== 'no_diacritics');
    for (const phenomenon of phenomena) {
      expect(
        count((row) => row.phenomena?.includes(phenomenon) === true),
        phenomenon,
      ).toBeGreaterThanOrEqual(6);
    }
    const contrast = rows.filter((row) => row.phenomena?.includes('contrast'));
    expect(contrast.some((row) => row.label === 'positive')).toBe(true);
    expect(contrast.some((row) => row.label === 'negative')).toBe(true);
  });

  if (language === 'pl') {
    it('10–15 % of texts are typed without Polish diacritics, and really contain none', () => {
      const bare = rows.filter((row) => row.phenomena?.includes('no_diacritics'));
      expect(bare.length / rows.length).toBeGreaterThanOrEqual(0.1);
      expect(bare.length / rows.length).toBeLessThanOrEqual(0.15);
      expect(bare.filter((row) => /[ąćęłńóśźż]/i.test(row.text)).map((row) => row.id)).toEqual([]);
    });
  }
});

describe('procedure', () => {
  it('the split files, test-2 and MANIFEST.json are exactly what split.ts makes of raw/ and raw-test-2/', () => {
    const built = buildOutputs(readRaw(), readAllHeldOut());
    // Compared by hash so that a failure names the file without printing its texts.
    for (const file of allFiles) {
      expect(sha256(built.files.get(file.path) ?? ''), file.path).toBe(sha256(file.content));
    }
    expect(built.manifest).toEqual(manifest);
  });
});
