import * as ingest from '@cx/ingest';
import type { PackageContract } from '../kit/types.js';

const mapping = {
  kind: 'order',
  fields: {
    id: 'id',
    customerId: 'who',
    orderedAt: 'at',
    amount: 'total',
    currency: { value: 'EUR' },
    status: { value: 'paid' },
  },
};
const csv = { text: 'id,who,at,total\no1,c1,2024-01-01T00:00:00Z,10\n' };
const readCases = [
  { chunkBytes: 10 },
  { delimiter: ';;' },
  { keepDeadLetters: -1 },
  { maxRejected: { share: 2 } },
  { format: 'xlsx' },
];

export const ingestContract: PackageContract = {
  pkg: '@cx/ingest',
  module: ingest,
  options: [
    {
      name: 'readRows',
      call: (o) => ingest.readRows(csv, o as never),
      valid: { format: 'csv', delimiter: ',' },
      typoOf: 'delimiter',
      outOfRange: readCases,
      optionsOptional: false, // a { text } input has no extension to tell the format from
    },
    {
      name: 'readRecords',
      call: (o) => ingest.readRecords(csv, o as never),
      valid: { format: 'csv', mapping },
      typoOf: 'delimiter',
      outOfRange: readCases,
      optionsOptional: false,
    },
    {
      name: 'readColumns',
      call: (o) => ingest.readColumns(csv, o as never),
      valid: { format: 'csv', mapping, fields: ['customerId', 'amount'] },
      typoOf: 'fields',
      outOfRange: [...readCases, { fields: ['nope'] }],
      optionsOptional: false,
    },
    {
      name: 'reduceColumns',
      // Checks its options synchronously; the reducer module is imported only when the stream is iterated.
      call: (o) => ingest.reduceColumns(csv, o as never),
      valid: {
        format: 'csv',
        mapping,
        fields: ['customerId', 'amount'],
        reducer: { module: 'data:text/javascript,export const createReducer = () => ({ reduce: () => 0 });' },
      },
      typoOf: 'fields',
      outOfRange: [
        ...readCases,
        { fields: ['nope'] },
        { reducer: { module: '' } },
        { reducer: { module: 'x', extra: 1 } },
      ],
      optionsOptional: false,
    },
    {
      name: 'defineMapping',
      call: (o) => ingest.defineMapping(o as never),
      valid: mapping,
      typoOf: 'fields',
      outOfRange: [
        { decimal: ';' },
        { disambiguation: 'never' },
        { timeZone: 'Mars/Olympus_Mons' },
        { kind: 'invoice' },
      ],
      optionsOptional: false,
    },
    {
      name: 'parseNumber',
      call: (o) => ingest.parseNumber('1234.5', o as never),
      valid: { decimal: '.' },
      typoOf: 'decimal',
      outOfRange: [{ decimal: ';' }],
      optionsOptional: true,
    },
  ],
  accumulators: [],
  exempt: {
    readAll:
      'async; checks its options as readRecords does (the promise rejects with the same CxOptionsError)',
    readHeader:
      'async; checks its options as readRows does (the promise rejects with the same CxOptionsError)',
    guessEncoding: 'a heuristic over bytes for error messages, no options',
    GrowableInt32: 'a growable typed array; its constructor takes a capacity number, no options',
    GrowableFloat64: 'a growable typed array; its constructor takes a capacity number, no options',
    StringIndex: 'an index of strings; its constructor takes an optional hash basis number, no options',
    deadLetterIssue: 'converts one dead letter to an issue, no options',
    issueCodeOf: 'maps one code to another, no options',
    CxLimitError: 'error class of @cx/model, re-exported',
    CxOptionsError: 'error class of @cx/model, re-exported',
    CxValidationError: 'error class of @cx/model, re-exported',
  },
};
