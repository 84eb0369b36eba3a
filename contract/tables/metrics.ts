// @cx/metrics: the parts of its areas, combined. Every region of the area entries (packages/metrics/src/entries/*.ts,
// re-exported by the root index) has a part; a region without one would make the table PARTIAL: the contract's module
// holds only the exports of the covered regions, so the coverage test checks those regions completely.
import { readFileSync } from 'node:fs';
import * as metrics from '@cx/metrics';
import type { PackageContract } from '../kit/types.js';
import { metricsJourneyPart } from './metrics-journey.js';
import { metricsRetentionPart } from './metrics-retention.js';
import { type ContractPart, metricsSurveyPart } from './metrics-survey.js';

// The error classes every area re-exports from @cx/model, whose table keeps their contract.
const errorsPart: ContractPart = {
  options: [],
  accumulators: [],
  exempt: Object.fromEntries(
    ['CxError', 'CxFitError', 'CxLimitError', 'CxOptionsError', 'CxValidationError'].map((name) => [
      name,
      'an error class re-exported from @cx/model, where its contract is kept',
    ]),
  ),
};

const parts: ReadonlyArray<{ readonly regions: readonly string[]; readonly part: ContractPart }> = [
  { regions: ['shared', 'survey-metrics'], part: metricsSurveyPart },
  { regions: ['retention'], part: metricsRetentionPart },
  { regions: ['lifetime', 'journey'], part: metricsJourneyPart },
  { regions: ['errors'], part: errorsPart },
];

// The root index re-exports the four area entries (the subpaths @cx/metrics/survey, /retention, /lifetime, /journey);
// their explicit export lists, in `// #region` blocks, are what the parts cover.
const ENTRIES = ['survey', 'retention', 'lifetime', 'journey'].map(
  (area) => new URL(`../../packages/metrics/src/entries/${area}.ts`, import.meta.url),
);

/**
 * The value exports (`export { … }`, not `export type { … }`) of each `// #region name` block of the entries; a region
 * found in several entries (`errors`) holds the names of all of them.
 */
export function regionExports(source: string): ReadonlyMap<string, readonly string[]> {
  const regions = new Map<string, string[]>();
  const blocks = source.split('// #region ').slice(1);
  for (const block of blocks) {
    const name = block.slice(0, block.search(/[\s(]/));
    const body = block.slice(0, block.indexOf('// #endregion'));
    const names: string[] = [];
    for (const match of body.matchAll(/export \{([^}]*)\} from/g))
      names.push(
        ...(match[1] ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      );
    regions.set(name, [...(regions.get(name) ?? []), ...names]);
  }
  return regions;
}

const byRegion = regionExports(ENTRIES.map((entry) => readFileSync(entry, 'utf8')).join('\n'));
const covered = new Set(parts.flatMap((p) => p.regions.flatMap((r) => byRegion.get(r) ?? [])));
const uncovered = [...byRegion.keys()].filter((r) => !parts.some((p) => p.regions.includes(r)));

export const metricsContract: PackageContract = {
  pkg: uncovered.length === 0 ? '@cx/metrics' : `@cx/metrics (partial: without ${uncovered.join(', ')})`,
  module: Object.fromEntries(Object.entries(metrics).filter(([name]) => covered.has(name))),
  options: parts.flatMap((p) => p.part.options),
  accumulators: parts.flatMap((p) => p.part.accumulators),
  exempt: Object.assign({}, ...parts.map((p) => p.part.exempt)),
};
