// npm start: the sample shop as Parquet files, queried through DuckDB, beside the in-process numbers.
import { runWarehouse } from './warehouse.js';

const report = await runWarehouse();
console.log(report.text);
