// Development aid: the dev split's errors of analyzeSentiment (dev only, never a held-out set).
import { readFileSync } from 'node:fs';
import { analyzeSentiment } from '../src/index.js';

const lang = process.argv[2] as 'en' | 'pl';
for (const l of readFileSync(`packages/text/eval/${lang}/dev.jsonl`, 'utf8').split('\n').filter(Boolean)) {
  const r = JSON.parse(l);
  const h = analyzeSentiment(r.text, { language: lang });
  if (h.label !== r.label)
    console.log(
      `${r.label} -> ${h.label} [rules ${analyzeSentiment(r.text, { language: lang, model: 'rules' }).label}] ${r.text}`,
    );
}
