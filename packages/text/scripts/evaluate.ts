// Evaluates sentiment and aspect analysis on a split of the labelled corpus in packages/text/eval and prints
// aggregate numbers only (accuracy, macro-F1, confusion matrices per language, per-topic aspect accuracy), for
// @cx/text and for the npm peers measured on the same texts. It never prints a text.
//
//   node --conditions=@cx/source --import tsx packages/text/scripts/evaluate.ts --split dev [--peers] [--classifier]
//
// --split      train | dev | test | test-2 (test and test-2 only once each, at the end: never tune after looking
//              at their numbers; test-2 is the second held-out set, see eval/README.md)
// --peers      also score with sentiment, wink-sentiment, vader-sentiment, multilang-sentiment, @nlpjs/sentiment
//              (devDependencies of the private bench workspace, never of @cx/text)
// --classifier also train trainSentimentClassifier on the train split and score the split with it
// --json FILE  write the numbers as JSON too
// --files A,B  evaluate these JSONL files instead of the corpus split
// --train-files A,B  train the classifier on these files instead of the train split
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzeAspects,
  CX_TOPICS,
  type CxTopic,
  type LabelAgreement,
  labelAgreement,
  type SentimentLabel,
  trainSentimentClassifier,
} from '../src/index.js';

interface Row {
  readonly id: string;
  readonly language: 'en' | 'pl';
  readonly text: string;
  readonly label: SentimentLabel;
  readonly source?: string;
  readonly aspects: readonly { readonly topic: CxTopic; readonly label: SentimentLabel }[];
}

const here = dirname(fileURLToPath(import.meta.url));
const evalDir = join(here, '..', 'eval');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

function languageOf(raw: Record<string, unknown>): 'en' | 'pl' {
  const tag = typeof raw.language === 'string' ? raw.language : String(raw.id).slice(0, 2);
  if (tag.startsWith('en')) return 'en';
  if (tag.startsWith('pl')) return 'pl';
  throw new Error(`Row ${String(raw.id)}: no language`);
}

function normalizeAspects(raw: unknown): Row['aspects'] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a) => {
    if (typeof a !== 'object' || a === null) return [];
    const { topic, label, sentiment } = a as Record<string, unknown>;
    const l = (label ?? sentiment) as SentimentLabel;
    return typeof topic === 'string' && (CX_TOPICS as readonly string[]).includes(topic)
      ? [{ topic: topic as CxTopic, label: l }]
      : [];
  });
}

function load(files: readonly string[]): Row[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const raw = JSON.parse(line) as Record<string, unknown>;
        return {
          id: String(raw.id),
          language: languageOf(raw),
          text: String(raw.text),
          label: raw.label as SentimentLabel,
          source: typeof raw.source === 'string' ? raw.source : undefined,
          aspects: normalizeAspects(raw.aspects),
        } as Row;
      }),
  );
}

function splitFiles(split: string): string[] {
  const escaped = split.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // raw/ and raw-test-2/ hold the unsplit batches; the split name must end the file name, so that
      // --split test reads test.jsonl and not test-2.jsonl.
      if (entry.isDirectory() && !entry.name.startsWith('raw') && entry.name !== 'node_modules') walk(path);
      else if (entry.isFile() && new RegExp(`(^|[-_./])${escaped}\\.jsonl$`, 'u').test(entry.name))
        out.push(path);
    }
  };
  walk(evalDir);
  return out.sort();
}

const split = value('split') ?? 'dev';
const files = value('files')?.split(',') ?? splitFiles(split);
if (files.length === 0) throw new Error(`No ${split} files under ${evalDir}`);
const rows = load(files);
const report: Record<string, unknown> = {
  split,
  files: files.map((f) => f.replace(`${evalDir}/`, '')),
  n: rows.length,
};

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);
function matrix(a: LabelAgreement): string {
  const labels = ['positive', 'neutral', 'negative'] as const;
  const head =
    '| truth \\ predicted | positive | neutral | negative | unscored |\n| --- | --- | --- | --- | --- |';
  const body = labels.map(
    (t) => `| ${t} | ${labels.map((p) => a.confusion[t][p]).join(' | ')} | ${a.confusion[t].none} |`,
  );
  return [head, ...body].join('\n');
}

type Scorer = (row: Row) => SentimentLabel | null;
const scorers: [string, Scorer, readonly ('en' | 'pl')[]][] = [
  [
    '@cx/text analyzeSentiment (language given)',
    (r) => analyzeAspects(r.text, { language: r.language }).label,
    ['en', 'pl'],
  ],
  ['@cx/text analyzeSentiment (language detected)', (r) => analyzeAspects(r.text).label, ['en', 'pl']],
  [
    "@cx/text analyzeSentiment model: 'rules' (language given)",
    (r) => analyzeAspects(r.text, { language: r.language, model: 'rules' }).label,
    ['en', 'pl'],
  ],
];

if (flag('classifier')) {
  const train = load(value('train-files')?.split(',') ?? splitFiles('train'));
  const trained = trainSentimentClassifier(
    train.map((r) => ({ text: r.text, label: r.label, language: r.language })),
  );
  report.classifierCrossValidation = {
    accuracy: trained.crossValidation.accuracy,
    macroF1: trained.crossValidation.macroF1,
    n: trained.crossValidation.n,
  };
  scorers.push([
    '@cx/text SentimentClassifier trained on train',
    (r) => trained.classifier.predict(r.text, { language: r.language }).label,
    ['en', 'pl'],
  ]);
}

if (flag('peers')) {
  const require = createRequire(join(here, '..', '..', '..', 'bench', 'package.json'));
  const bySign = (x: number): SentimentLabel => (x > 0 ? 'positive' : x < 0 ? 'negative' : 'neutral');
  const Sentiment = require('sentiment');
  const afinn = new Sentiment();
  const wink = require('wink-sentiment');
  const vader = require('vader-sentiment');
  const multilang = require('multilang-sentiment');
  const { SentimentAnalyzer } = require('@nlpjs/sentiment');
  const { LangEn } = require('@nlpjs/lang-en');
  const { LangPl } = require('@nlpjs/lang-pl');
  const { Container } = require('@nlpjs/core');
  const container = new Container();
  container.use(LangEn);
  container.use(LangPl);
  const nlpjs = new SentimentAnalyzer({ container });
  const nlpScores = new Map<string, number>();
  for (const r of rows)
    nlpScores.set(r.id, (await nlpjs.process({ locale: r.language, text: r.text })).sentiment.score);
  scorers.push(
    ['sentiment 5.0.2 (AFINN-165)', (r) => bySign(afinn.analyze(r.text).score), ['en']],
    ['wink-sentiment 5.0.2', (r) => bySign(wink(r.text).score), ['en']],
    [
      'vader-sentiment 1.1.3 (compound ±0.05)',
      (r) => {
        const c = vader.SentimentIntensityAnalyzer.polarity_scores(r.text).compound;
        return c >= 0.05 ? 'positive' : c <= -0.05 ? 'negative' : 'neutral';
      },
      ['en'],
    ],
    ['multilang-sentiment 2.0.0', (r) => bySign(multilang(r.text, r.language).score), ['en', 'pl']],
    ['@nlpjs/sentiment 4.26.1', (r) => bySign(nlpScores.get(r.id) ?? 0), ['en', 'pl']],
  );
}

const results: Record<string, Record<string, unknown>> = {};
const lines: string[] = [
  `# Evaluation on the ${split} split (${rows.length} texts)`,
  '',
  "analyzeSentiment is the default (hybrid) model unless model: 'rules' is named; the hybrid model was trained on train and dev.",
  '',
];
lines.push('| scorer | language | n | accuracy | macro-F1 |', '| --- | --- | --- | --- | --- |');
const matrices: string[] = [];
const rulesMatrices: string[] = [];
for (const [name, scorer, languages] of scorers) {
  results[name] = {};
  for (const language of languages) {
    const subset = rows.filter((r) => r.language === language);
    const agreement = labelAgreement(subset.map((r) => ({ truth: r.label, predicted: scorer(r) })));
    results[name][language] = {
      n: agreement.n,
      accuracy: agreement.accuracy,
      macroF1: agreement.macroF1,
      confusion: agreement.confusion,
    };
    lines.push(
      `| ${name} | ${language} | ${agreement.n} | ${pct(agreement.accuracy)} | ${pct(agreement.macroF1)} |`,
    );
    if (name.startsWith('@cx/text analyzeSentiment (language given)'))
      matrices.push(`### ${language}\n\n${matrix(agreement)}`);
    if (name.startsWith("@cx/text analyzeSentiment model: 'rules' (language given)"))
      rulesMatrices.push(`### ${language}, model: 'rules'\n\n${matrix(agreement)}`);
  }
}
report.sentiment = results;
lines.push(
  '',
  '## Confusion matrices of @cx/text analyzeSentiment, default model (language given)',
  '',
  matrices.join('\n\n'),
  '',
  rulesMatrices.join('\n\n'),
);

// Aspects: topic detection (precision, recall) and, for topics found, accuracy of the sentiment toward them.
const aspectRows = rows.filter((r) => r.aspects.length > 0);
if (aspectRows.length > 0) {
  const perTopic = new Map<string, { gold: number; found: number; predicted: number; correct: number }>();
  const key = (language: string, topic: string) => `${language} ${topic}`;
  for (const r of aspectRows) {
    const predicted = analyzeAspects(r.text, { language: r.language }).aspects;
    for (const topic of CX_TOPICS) {
      const gold = r.aspects.find((a) => a.topic === topic);
      const pred = predicted.find((a) => a.topic === topic);
      const entry = perTopic.get(key(r.language, topic)) ?? { gold: 0, found: 0, predicted: 0, correct: 0 };
      if (gold !== undefined) entry.gold++;
      if (pred !== undefined) entry.predicted++;
      if (gold !== undefined && pred !== undefined) {
        entry.found++;
        if (gold.label === pred.label) entry.correct++;
      }
      perTopic.set(key(r.language, topic), entry);
    }
  }
  lines.push('', `## Aspects, default model (${aspectRows.length} texts with aspect labels)`, '');
  lines.push(
    '| language | topic | gold mentions | recall | precision | sentiment accuracy on found | end-to-end accuracy |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  const aspectReport: Record<string, unknown> = {};
  for (const language of ['en', 'pl'] as const) {
    let gold = 0;
    let correct = 0;
    let found = 0;
    for (const topic of CX_TOPICS) {
      const e = perTopic.get(key(language, topic));
      if (e === undefined || e.gold === 0) continue;
      gold += e.gold;
      correct += e.correct;
      found += e.found;
      aspectReport[key(language, topic)] = e;
      lines.push(
        `| ${language} | ${topic} | ${e.gold} | ${pct(e.found / e.gold)} | ${pct(e.predicted === 0 ? null : e.found / e.predicted)} | ${pct(e.found === 0 ? null : e.correct / e.found)} | ${pct(e.correct / e.gold)} |`,
      );
    }
    if (gold > 0)
      lines.push(
        `| ${language} | **all** | ${gold} | ${pct(found / gold)} | | ${pct(found === 0 ? null : correct / found)} | ${pct(correct / gold)} |`,
      );
  }
  report.aspects = aspectReport;
}
if (report.classifierCrossValidation !== undefined) {
  const cv = report.classifierCrossValidation as { accuracy: number; macroF1: number; n: number };
  lines.push(
    '',
    `Classifier 5-fold cross-validation on train (${cv.n} texts): accuracy ${pct(cv.accuracy)}, macro-F1 ${pct(cv.macroF1)}.`,
  );
}
console.log(lines.join('\n'));
const json = value('json');
if (json !== undefined) writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
