import * as sampleData from '@cx/sample-data';
import type { PackageContract } from '../kit/types.js';

export const sampleDataContract: PackageContract = {
  pkg: '@cx/sample-data',
  module: sampleData,
  options: [
    {
      name: 'createSampleShop',
      call: (o) => sampleData.createSampleShop(o as never),
      valid: { seed: 3, customers: 2, start: '2025-06-01T00:00:00Z', days: 10, businessShare: 0.5 },
      typoOf: 'businessShare',
      outOfRange: [
        { customers: -1 },
        { customers: 10_000_001 },
        { days: 0 },
        { days: 3661 },
        { businessShare: 1.5 },
        { start: '2025-02-30T00:00:00Z' },
        { start: '2025-06-01T00:00:00+02:00' },
        { seed: 1.5 },
      ],
    },
  ],
  accumulators: [],
  exempt: {
    writeCsv:
      'asynchronous: checks its options (columns) before opening the file and rejects with CxOptionsError (writers.test.ts)',
    writeNdjson: 'takes records and a path, no options',
  },
};
