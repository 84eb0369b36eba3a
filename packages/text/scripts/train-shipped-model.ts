// Trains the shipped `hybrid` sentiment model on the train and dev splits of the labelled corpus (English and
// Polish together; features are prefixed by language) and writes it to src/sentiment/shipped-model.json. It
// reads only train.jsonl and dev.jsonl, never a held-out set. Deterministic: the same corpus gives the same file.
//
//   node --conditions=@cx/source --import tsx packages/text/scripts/train-shipped-model.ts [--cv]
//
// --splits train  train on the train split only (to study the model on dev while developing; the shipped file
//                 is always trained on train,dev)
// --cv  also estimate the accuracy of this recipe by 5-fold cross-validation on train+dev, per language
//       (every text predicted by a model trained on the other four fifths), and print it.
// --cv-by-source  with --cv: leave one source out instead (train on five sources, predict the sixth).
// RECIPE='{"l2":0.01}'  (environment) try other options in the cross-validation; the file is always written
//       with SHIPPED_RECIPE.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LabelledText,
  labelAgreement,
  type SentimentLabel,
  trainSentimentClassifier,
} from '../src/index.js';

/** The recipe of the shipped model (options of trainSentimentClassifier). */
export const SHIPPED_RECIPE = { ngrams: 2, minCount: 2, l2: 0.001, epochs: 300, learningRate: 0.5 } as const;
/** Weights are rounded to this many decimals; features whose weights all round to 0 are dropped. */
const DECIMALS = 3;

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf('--splits');
const splits = (at >= 0 ? (process.argv[at + 1] ?? '') : 'train,dev').split(',');
const rows: (LabelledText & { language: 'en' | 'pl'; source: string })[] = [];
for (const language of ['en', 'pl'] as const)
  for (const split of splits)
    for (const line of readFileSync(join(here, '..', 'eval', language, `${split}.jsonl`), 'utf8').split('\n'))
      if (line.trim() !== '') {
        const r = JSON.parse(line) as { text: string; label: SentimentLabel; source: string };
        rows.push({ text: r.text, label: r.label, language, source: r.source });
      }

const recipe = { ...SHIPPED_RECIPE, ...(JSON.parse(process.env.RECIPE ?? '{}') as object) };
if (process.argv.includes('--cv')) {
  // --cv-by-source: leave one source out (train on five sources, predict the sixth): text of another kind
  const bySource = process.argv.includes('--cv-by-source');
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const k = bySource ? sources.length : 5;
  const foldOf = (r: (typeof rows)[number], i: number) => (bySource ? sources.indexOf(r.source) : i % k);
  const pairs: Record<'en' | 'pl', { truth: SentimentLabel; predicted: SentimentLabel | null }[]> = {
    en: [],
    pl: [],
  };
  for (let fold = 0; fold < k; fold++) {
    const { classifier } = trainSentimentClassifier(
      rows.filter((r, i) => foldOf(r, i) !== fold),
      { ...recipe, folds: 2 },
    );
    rows.forEach((r, i) => {
      if (foldOf(r, i) !== fold) return;
      pairs[r.language].push({
        truth: r.label,
        predicted: classifier.predict(r.text, { language: r.language }).label,
      });
    });
  }
  for (const language of ['en', 'pl'] as const) {
    const a = labelAgreement(pairs[language]);
    console.log(
      `${bySource ? 'leave-one-source-out' : `${k}-fold`} cross-validation on train+dev, ${language}: n ${a.n}, accuracy ${(100 * (a.accuracy ?? 0)).toFixed(1)} %, macro-F1 ${(100 * (a.macroF1 ?? 0)).toFixed(1)} %`,
    );
    console.log(JSON.stringify(a.confusion));
  }
}

const { classifier } = trainSentimentClassifier(rows, { ...SHIPPED_RECIPE, folds: 5 });
const json = classifier.toJSON();
const scale = 10 ** DECIMALS;
const round = (w: number) => Math.round(w * scale) / scale || 0;
const dense = json.dense.length;
const keep = json.vocabulary.flatMap((_, i) =>
  json.weights.some((row) => round(row[dense + i] as number) !== 0) ? [i] : [],
);
const model = {
  ...json,
  vocabulary: keep.map((i) => json.vocabulary[i]),
  weights: json.weights.map((row) => [
    ...row.slice(0, dense).map(round),
    ...keep.map((i) => round(row[dense + i] as number)),
  ]),
};
const out = join(here, '..', 'src', 'sentiment', 'shipped-model.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `wrote ${out}: ${rows.length} texts, ${model.vocabulary.length} of ${json.vocabulary.length} features kept`,
);
