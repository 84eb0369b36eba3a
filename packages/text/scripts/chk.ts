import { analyzeSentiment } from '../src/index.js';
for (const t of process.argv.slice(2)) { const h = analyzeSentiment(t, { language: 'en' }); const r = analyzeSentiment(t, { language: 'en', model: 'rules' }); console.log(h.label, r.label, JSON.stringify(h.probabilities), t); }
