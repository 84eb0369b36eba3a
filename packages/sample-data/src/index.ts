// Public API of @cx/sample-data: explicit named re-exports only.
export type { WriteCsvOptions } from './csv.js';
export { writeCsv } from './csv.js';
export { writeNdjson } from './ndjson.js';
export type { ResolvedSampleShopOptions, SampleShopOptions } from './options.js';
export type { SampleShop } from './shop.js';
export { createSampleShop } from './shop.js';
export type { WriteResult } from './sink.js';
