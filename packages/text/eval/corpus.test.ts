import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertUnique,
  assignSplits,
  duplicateKey,
  type EvalText,
  LABELS,
  LANGUAGES,
  parseJsonl,
  SOURCES,
  SPLITS,
  splitSizes,
  stratumOf,
} from './corpus';

const row = (overrides: Partial<EvalText> = {}): EvalText => ({
  id: 'en-0001',
  text: 'Arrived a day early.',
  label: 'positive',
  source: 'review',
  domain: 'electronics',
  ...overrides,
});
const line = (value: unknown) => `${JSON.stringify(value)}\n`;

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    return (error as CxValidationError).issues.map(({ path, code, line, source }) => ({
      source,
      line,
      path,
      code,
    }));
  }
  throw new Error('expected a CxValidationError');
};

describe('parseJsonl', () => {
  it('reads valid rows, with and without aspects and phenomena', () => {
    const aspects = [{ topic: 'delivery', sentiment: 'positive' }] as const;
    const content = line(row()) + line(row({ id: 'en-0002', text: 'Late.', aspects: [...aspects] }));
    expect(parseJsonl(content, 'x.jsonl', 'en')).toEqual([
      row(),
      row({ id: 'en-0002', text: 'Late.', aspects: [...aspects] }),
    ]);
  });

  it('names the file, the 1-based line and the field of every bad line', () => {
    const content =
      line(row()) +
      '{"id": "en-0002", \n' +
      line(row({ id: 'en-0003', label: 'mixed' as never })) +
      line({ ...row({ id: 'en-0004' }), stars: 5 }) +
      line(row({ id: 'en-0005', aspects: [{ topic: 'shipping' as never, sentiment: 'negative' }] }));
    const source = 'raw/en-review-09.jsonl';
    expect(issuesOf(() => parseJsonl(content, source))).toEqual([
      { source, line: 2, path: [], code: 'invalid_json' },
      { source, line: 3, path: ['label'], code: 'invalid_value' },
      { source, line: 4, path: [], code: 'unrecognized_keys' },
      { source, line: 5, path: ['aspects', '0', 'topic'], code: 'invalid_value' },
    ]);
  });

  it('rejects a topic given twice, an id of the other language, untrimmed text and a missing final newline', () => {
    const twice = row({
      aspects: [
        { topic: 'price', sentiment: 'negative' },
        { topic: 'price', sentiment: 'positive' },
      ],
    });
    expect(issuesOf(() => parseJsonl(line(twice), 'a'))).toEqual([
      { source: 'a', line: 1, path: ['aspects'], code: 'custom' },
    ]);
    expect(issuesOf(() => parseJsonl(line(row({ id: 'pl-0001' })), 'b', 'en'))).toEqual([
      { source: 'b', line: 1, path: ['id'], code: 'invalid_value' },
    ]);
    expect(issuesOf(() => parseJsonl(line(row({ text: ' Late. ' })), 'c'))).toEqual([
      { source: 'c', line: 1, path: ['text'], code: 'custom' },
    ]);
    expect(issuesOf(() => parseJsonl(JSON.stringify(row()), 'd'))).toEqual([
      { source: 'd', line: 1, path: [], code: 'invalid_format' },
    ]);
  });
});

describe('duplicates', () => {
  it('treats case, punctuation and spacing differences as the same text', () => {
    expect(duplicateKey('Great,  thanks!')).toBe(duplicateKey('great thanks'));
    expect(duplicateKey('Świetnie!')).not.toBe(duplicateKey('Swietnie!'));
  });

  it('reports repeated ids and repeated texts', () => {
    const rows = [row(), row({ id: 'en-0002', text: 'ARRIVED a day early' }), row({ text: 'Other.' })];
    expect(issuesOf(() => assertUnique(rows))).toEqual([
      { source: undefined, line: undefined, path: ['en-0002', 'text'], code: 'invalid_value' },
      { source: undefined, line: undefined, path: ['en-0001'], code: 'duplicate_id' },
    ]);
  });
});

describe('splitSizes', () => {
  // Hand calculation: 76 × 0.3 = 22.8 → 23 test, 76 × 0.2 = 15.2 → 15 dev, 76 − 38 = 38 train.
  it.each([
    [76, { test: 23, dev: 15, train: 38 }],
    [40, { test: 12, dev: 8, train: 20 }],
    [5, { test: 2, dev: 1, train: 2 }],
    [2, { test: 1, dev: 0, train: 1 }],
    [1, { test: 0, dev: 0, train: 1 }],
    [0, { test: 0, dev: 0, train: 0 }],
  ])('a stratum of %i texts', (n, sizes) => expect(splitSizes(n)).toEqual(sizes));
});

const rowsArbitrary = fc
  .uniqueArray(
    fc.record({
      n: fc.integer({ min: 1, max: 9999 }),
      language: fc.constantFrom(...LANGUAGES),
      label: fc.constantFrom(...LABELS),
      source: fc.constantFrom(...SOURCES),
    }),
    { selector: (r) => `${r.language}${r.n}`, maxLength: 200 },
  )
  .map((specs) =>
    specs.map(({ n, language, label, source }) =>
      row({ id: `${language}-${String(n).padStart(4, '0')}`, text: `t${language}${n}`, label, source }),
    ),
  );

describe('assignSplits', () => {
  it('puts every row in exactly one split, with the sizes of splitSizes in every stratum', () => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const assigned = assignSplits(rows, 'seed');
        expect([...assigned.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
        for (const stratum of new Set(rows.map(stratumOf))) {
          const members = rows.filter((r) => stratumOf(r) === stratum);
          const counts = Object.fromEntries(
            SPLITS.map((split) => [split, members.filter((r) => assigned.get(r.id) === split).length]),
          );
          expect(counts).toEqual(splitSizes(members.length));
        }
      }),
    );
  });

  it('does not depend on the order of the rows, nor on rows of other strata', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.func(fc.integer()), (rows, order) => {
        const shuffled = [...rows].sort((a, b) => order(a.id) - order(b.id));
        expect(assignSplits(shuffled, 'seed')).toEqual(assignSplits(rows, 'seed'));
        const first = rows[0];
        if (first === undefined) return;
        const sameStratum = rows.filter((r) => stratumOf(r) === stratumOf(first));
        const alone = assignSplits(sameStratum, 'seed');
        for (const r of sameStratum) expect(alone.get(r.id)).toBe(assignSplits(rows, 'seed').get(r.id));
      }),
    );
  });

  it('gives another assignment for another seed', () => {
    const rows = Array.from({ length: 100 }, (_, i) => row({ id: `en-${String(i + 1).padStart(4, '0')}` }));
    const a = assignSplits(rows, 'seed-a');
    const b = assignSplits(rows, 'seed-b');
    expect(rows.some((r) => a.get(r.id) !== b.get(r.id))).toBe(true);
  });
});
