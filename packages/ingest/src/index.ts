// Public API of @cx/ingest: explicit named re-exports only.

// The error classes the readers throw, from @cx/model.
export { CxLimitError, CxOptionsError, CxValidationError } from '@cx/model';
export type { DecimalSeparator } from './cells/number.js';
export type { ParseNumberOptions } from './cells/parse-number.js';
export { parseNumber } from './cells/parse-number.js';
export type {
  ChunkReducer,
  ChunkReducerContext,
  ChunkReducerModule,
  ChunkReducerSpec,
  ReducedChunk,
  ReducedColumnStream,
} from './columns/chunk-reducer.js';
export { GrowableFloat64, GrowableInt32 } from './columns/growable.js';
export type { ColumnBatch, ColumnStream, ReadColumnsOptions } from './columns/read-columns.js';
export { readColumns } from './columns/read-columns.js';
export type { ReduceColumnsOptions } from './columns/reduce-columns.js';
export { reduceColumns } from './columns/reduce-columns.js';
export { StringIndex } from './columns/string-index.js';
export { readHeader } from './csv/read-header.js';
export type { TextEncodingName } from './input/encoding.js';
export { guessEncoding } from './input/encoding.js';
export type { IngestInput } from './input/input.js';
export type { CellType, RecordKind } from './mapping/kinds.js';
export type {
  ColumnField,
  EpochUnit,
  FieldSource,
  GeneratedId,
  MappedField,
  Mapping,
  MappingSpec,
} from './mapping/mapping.js';
export { defineMapping } from './mapping/mapping.js';
export type { DeadLetter, DeadLetterCode, IngestSummary } from './records/dead-letter.js';
export { deadLetterIssue, issueCodeOf } from './records/dead-letter.js';
export {
  csvDelimiterOption,
  epochUnitOption,
  ingestFormatOption,
  maxRecordBytesOption,
  maxRejectedOption,
  textEncodingOption,
} from './records/option-schemas.js';
export type { IngestFormat, ReadOptions } from './records/options.js';
export type {
  IngestedRecord,
  IngestedRow,
  IngestStream,
  ReadRecordsOptions,
  RecordOfKind,
} from './records/read.js';
export { readAll, readRecords, readRows } from './records/read.js';
