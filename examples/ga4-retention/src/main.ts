// npm start: monthly cohort retention from the shipped GA4 export (or export files given as arguments).
import { runGa4Retention } from './ga4-retention.js';

const files = process.argv.slice(2);
console.log((await runGa4Retention(files.length > 0 ? { files } : {})).text);
