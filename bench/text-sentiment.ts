// Throughput of @cx/text's analyzeSentiment: the default hybrid model against the rules model it builds on
// (the reference, and the default before 0.3.0) and vader-sentiment, in the same process on the same texts.
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/text-sentiment.ts
// Env: ROUNDS (default 20 passes over the fixture texts of both languages).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { analyzeSentiment } from '@cx/text';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
};

const fixtures = new URL('../packages/text/src/__fixtures__/', import.meta.url);
const texts = (['en', 'pl'] as const).flatMap((language) =>
  readFileSync(new URL(`sentiment-${language}.jsonl`, fixtures), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ text: (JSON.parse(line) as { text: string }).text, language })),
);

function textsPerSecond(score: (text: string, language: 'en' | 'pl') => unknown): number {
  for (const t of texts) score(t.text, t.language); // warm-up
  gc();
  const start = performance.now();
  let kept = 0;
  for (let r = 0; r < ROUNDS; r++) for (const t of texts) if (score(t.text, t.language) !== null) kept++;
  const seconds = (performance.now() - start) / 1000;
  if (kept < 0) console.log(kept);
  return (ROUNDS * texts.length) / seconds;
}

console.log(
  `load average before: ${load()}; ${texts.length} texts × ${ROUNDS} rounds, Node ${process.version}`,
);
// Alternated three times, best of each kept: the machine is shared and its load moves.
let rules = 0;
let hybrid = 0;
for (let i = 0; i < 3; i++) {
  rules = Math.max(
    rules,
    textsPerSecond((text, language) => analyzeSentiment(text, { language, model: 'rules' }).label),
  );
  hybrid = Math.max(
    hybrid,
    textsPerSecond((text, language) => analyzeSentiment(text, { language }).label),
  );
}
const english = texts.filter((t) => t.language === 'en');
const vaderRate = (() => {
  gc();
  const start = performance.now();
  for (let r = 0; r < ROUNDS; r++)
    for (const t of english) vader.SentimentIntensityAnalyzer.polarity_scores(t.text);
  return (ROUNDS * english.length) / ((performance.now() - start) / 1000);
})();
const row = (name: string, rate: number) =>
  console.log(
    `  ${name.padEnd(44)} ${Math.round(rate).toLocaleString('en').padStart(8)} texts/s  ratio ${(rate / rules).toFixed(2)}`,
  );
row("analyzeSentiment model: 'rules' (reference)", rules);
row('analyzeSentiment default (hybrid)', hybrid);
row('vader-sentiment 1.1.3 (English texts only)', vaderRate);
console.log(`load average after: ${load()}`);
