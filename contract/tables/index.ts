// One table per package. A package joins this list when its options and accumulators follow the contract (issue 13).
import type { PackageContract } from '../kit/types.js';
import { cliContract } from './cli.js';
import { connectorsContract } from './connectors.js';
import { ingestContract } from './ingest.js';
import { mapContract } from './map.js';
import { metricsContract } from './metrics.js';
import { modelContract } from './model.js';
import { reportContract } from './report.js';
import { sampleDataContract } from './sample-data.js';
import { statsContract } from './stats.js';
import { textContract } from './text.js';
import { warehouseContract } from './warehouse.js';

export const contracts: readonly PackageContract[] = [
  modelContract,
  statsContract,
  metricsContract,
  sampleDataContract,
  ingestContract,
  textContract,
  connectorsContract,
  warehouseContract,
  mapContract,
  reportContract,
  cliContract,
];
