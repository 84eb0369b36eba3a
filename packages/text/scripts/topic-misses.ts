// Development aid: words that name a topic in the train split's missed gold mentions (train only).
import { readFileSync } from 'node:fs';
import { analyzeAspects, CX_TOPICS, stemWord, tokenize } from '../src/index.js';

for (const lang of ['en', 'pl'] as const) {
  const rows = readFileSync(`packages/text/eval/${lang}/train.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  for (const topic of CX_TOPICS) {
    const inTopic = new Map<string, number>();
    const total = new Map<string, number>();
    let missed = 0;
    for (const r of rows) {
      const gold = (r.aspects ?? []).some((a: { topic: string }) => a.topic === topic);
      const found = analyzeAspects(r.text, { language: lang }).aspects.some((a) => a.topic === topic);
      const stems = new Set(
        tokenize(r.text, lang)
          .filter((t) => t.kind === 'word')
          .map((t) => stemWord(t.norm, lang)),
      );
      for (const s of stems) {
        total.set(s, (total.get(s) ?? 0) + 1);
        if (gold && !found) inTopic.set(s, (inTopic.get(s) ?? 0) + 1);
      }
      if (gold && !found) missed++;
    }
    const cands = [...inTopic]
      .filter(([s, n]) => n >= 2 && n / (total.get(s) ?? 1) >= 0.5)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25);
    console.log(lang, topic, 'missed', missed, cands.map(([s, n]) => `${s}:${n}/${total.get(s)}`).join(' '));
  }
}
