import * as stats from '@cx/stats';
import type { PackageContract } from '../kit/types.js';

const levelCases = [{ level: 95 }, { level: 0 }, { level: 1 }, { level: -0.5 }];

export const statsContract: PackageContract = {
  pkg: '@cx/stats',
  module: stats,
  options: [
    {
      name: 'wilsonInterval',
      call: (o) => stats.wilsonInterval(7, 50, o as never),
      valid: { level: 0.9 },
      typoOf: 'level',
      outOfRange: levelCases,
    },
    {
      name: 'clopperPearsonInterval',
      call: (o) => stats.clopperPearsonInterval(7, 50, o as never),
      valid: { level: 0.9 },
      typoOf: 'level',
      outOfRange: levelCases,
    },
    {
      name: 'proportion',
      call: (o) => stats.proportion(7, 50, o as never),
      valid: { level: 0.9, method: 'clopper-pearson' },
      typoOf: 'method',
      outOfRange: [...levelCases, { method: 'wald' }],
    },
    {
      name: 'proportionDifference',
      call: (o) => stats.proportionDifference({ count: 7, n: 50 }, { count: 3, n: 40 }, o as never),
      valid: { level: 0.9 },
      typoOf: 'level',
      outOfRange: levelCases,
    },
  ],
  accumulators: [],
  exempt: {
    betaQuantile: 'a special function of three numbers, no options',
    logBeta: 'a special function of two numbers, no options',
    logGamma: 'a special function of one number, no options',
    normalCdf: 'a distribution function of one number, no options',
    normalQuantile: 'a distribution function of one number, no options',
    regularizedBeta: 'a special function of three numbers, no options',
    studentTCdf: 'a distribution function of two numbers, no options',
    studentTQuantile: 'a distribution function of two numbers, no options',
    zForLevel: 'takes one level; checks it (CxOptionsError at level)',
    scaleByPowerOfTwo: 'exact scaling of one number by 2^k, no options',
    exponentAbove: 'the binary exponent above one number, no options',
  },
};
