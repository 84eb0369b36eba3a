// npm start: NPS per wave from data/nps-waves.csv (or a CSV path given as the first argument).
import { runNpsCsv } from './nps-csv.js';

const report = await runNpsCsv(process.argv[2]);
console.log(report.text);
