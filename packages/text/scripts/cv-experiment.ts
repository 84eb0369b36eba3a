// Experiment: per-language k-fold cross-validation on train+dev of the classifier settings (never reads test).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainSentimentClassifier } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const rows: { text: string; label: 'positive' | 'neutral' | 'negative'; language: 'en' | 'pl' }[] = [];
for (const lang of ['en', 'pl'] as const)
  for (const split of ['train', 'dev'])
    for (const line of readFileSync(join(here, '..', 'eval', lang, `${split}.jsonl`), 'utf8').split('\n'))
      if (line.trim()) {
        const r = JSON.parse(line);
        rows.push({ text: r.text, label: r.label, language: lang });
      }
const opts = JSON.parse(process.argv[2] ?? '{}');
const k = 5;
const correct = { en: 0, pl: 0 };
const total = { en: 0, pl: 0 };
const t0 = Date.now();
for (let f = 0; f < k; f++) {
  const train = rows.filter((_, i) => i % k !== f);
  const test = rows.filter((_, i) => i % k === f);
  const { classifier } = trainSentimentClassifier(train, { folds: 2, ...opts });
  for (const r of test) {
    total[r.language]++;
    if (classifier.predict(r.text, { language: r.language }).label === r.label) correct[r.language]++;
  }
}
console.log(
  JSON.stringify(opts),
  'en',
  (correct.en / total.en).toFixed(3),
  'pl',
  (correct.pl / total.pl).toFixed(3),
  `${Date.now() - t0}ms`,
);
