// Compares npm sentiment packages on the @cx/text labelled fixtures (accuracy of the 3-class label).
// Not part of the build or the tests: the candidates are not dependencies of @cx/text. To run:
//   mkdir /tmp/cmp && cd /tmp/cmp && npm init -y && npm install sentiment@5.0.2 wink-sentiment@5.0.2 \
//     vader-sentiment@1.1.3 multilang-sentiment@2.0.0 @nlpjs/sentiment@4.26.1 @nlpjs/lang-en@4.26.1 @nlpjs/lang-pl@4.26.1
//   NODE_PATH=/tmp/cmp/node_modules node packages/text/scripts/compare-candidates.cjs
// Each candidate's own score is mapped to a label by its own documented rule: sign of the score
// (AFINN `sentiment`, wink, multilang, nlp.js) or VADER's compound ±0.05.
const fs = require('node:fs');
const path = require('node:path');

const load = (lang) =>
  fs
    .readFileSync(path.join(__dirname, '..', 'src', '__fixtures__', `sentiment-${lang}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
const bySign = (x) => (x > 0 ? 'positive' : x < 0 ? 'negative' : 'neutral');

async function main() {
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

  const candidates = {
    en: {
      'sentiment 5.0.2 (AFINN-165)': async (t) => bySign(afinn.analyze(t).score),
      'wink-sentiment 5.0.2': async (t) => bySign(wink(t).normalizedScore),
      'vader-sentiment 1.1.3': async (t) => {
        const c = vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
        return c >= 0.05 ? 'positive' : c <= -0.05 ? 'negative' : 'neutral';
      },
      '@nlpjs/sentiment 4.26.1 (en)': async (t) =>
        bySign((await nlpjs.process({ locale: 'en', text: t })).sentiment.score),
    },
    pl: {
      'multilang-sentiment 2.0.0 (pl)': async (t) => bySign(multilang(t, 'pl').score),
      '@nlpjs/sentiment 4.26.1 (pl)': async (t) =>
        bySign((await nlpjs.process({ locale: 'pl', text: t })).sentiment.score),
    },
  };
  for (const lang of ['en', 'pl']) {
    const rows = load(lang);
    for (const [name, run] of Object.entries(candidates[lang])) {
      let ok = 0;
      let okTest = 0;
      let nTest = 0;
      for (const row of rows) {
        const hit = (await run(row.text)) === row.label;
        const heldOut = Number(row.id.slice(3)) % 2 === 0;
        if (hit) ok++;
        if (heldOut) nTest++;
        if (hit && heldOut) okTest++;
      }
      const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
      console.log(
        `${lang}\t${name}\tall ${ok}/${rows.length} ${pct(ok, rows.length)}\theld-out ${okTest}/${nTest} ${pct(okTest, nTest)}`,
      );
    }
  }
}
main();
