// npm start: the answers from the raw exports in data/.
import { runIngestExports } from './ingest-exports.js';

const report = await runIngestExports();
console.log(report.text);
