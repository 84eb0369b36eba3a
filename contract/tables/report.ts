import * as report from '@cx/report';
import type { PackageContract } from '../kit/types.js';

// The smallest report: a title and a zone, no sections with data.
const input: report.ReportInput = { title: 'Shop', timeZone: 'UTC', stages: [] };

export const reportContract: PackageContract = {
  pkg: '@cx/report',
  module: report,
  options: [
    {
      name: 'renderReport',
      call: (o) => report.renderReport(input, o as never),
      valid: { sections: ['nps-trend', 'funnel'] },
      typoOf: 'sections',
      outOfRange: [{ sections: ['funnel', 'funnel'] }, { sections: ['weather'] }, { sections: 'funnel' }],
    },
  ],
  accumulators: [],
  exempt: {
    CxOptionsError: 're-exported from @cx/model (its contract is in the model table)',
    CxValidationError: 're-exported from @cx/model (its contract is in the model table)',
  },
};
