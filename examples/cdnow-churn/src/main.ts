// npm start: BG/NBD churn risk on the CDNOW sample (or a CDNOW-format file given as the first argument).
import { runCdnowChurn } from './cdnow-churn.js';
import { runCdnowClv } from './cdnow-clv.js';

const path = process.argv[2];
console.log(runCdnowChurn(path === undefined ? {} : { path }).text);
console.log('');
console.log(runCdnowClv(path).text);
