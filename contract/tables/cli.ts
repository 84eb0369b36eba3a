import * as cli from '@cx/cli';
import type { PackageContract } from '../kit/types.js';

// Options are checked synchronously, before the config is read: a missing config file never hides a bad option.
// The valid call runs on a config path that does not exist, so its promise rejects with ENOENT (caught here).
const missing = '/nonexistent/cx.config.json';

export const cliContract: PackageContract = {
  pkg: '@cx/cli',
  module: cli,
  options: [
    {
      name: 'runReport',
      call: (o) => {
        cli.runReport(missing, o as never).catch(() => undefined);
      },
      valid: { out: 'out', quiet: true, progress: { write: () => true } },
      typoOf: 'quiet',
      outOfRange: [{ out: '' }, { quiet: 'yes' }, { progress: 'stderr' }],
    },
  ],
  accumulators: [],
  exempt: {
    runCli:
      'takes command-line arguments (parsed by node:util parseArgs, strict) and an io object, no options',
    CxOptionsError: 're-exported from @cx/model (its contract is in the model table)',
    CxValidationError: 're-exported from @cx/model (its contract is in the model table)',
  },
};
