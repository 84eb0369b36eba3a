import type { GroupedSurvivalObservation } from '../survival/observations.js';

/**
 * Remission times (weeks) of 42 leukaemia patients, Freireich et al. (1963), Blood 21:699–716, as tabulated by
 * Gehan (1965) and reused by Klein & Moeschberger, "Survival Analysis" (2nd ed., 2003), §1.2, and by the
 * `gehan` data of R's MASS package. `event: false` marks a censored remission (still in remission).
 */
const sixMp: [number, boolean][] = [
  [6, true],
  [6, true],
  [6, true],
  [6, false],
  [7, true],
  [9, false],
  [10, true],
  [10, false],
  [11, false],
  [13, true],
  [16, true],
  [17, false],
  [19, false],
  [20, false],
  [22, true],
  [23, true],
  [25, false],
  [32, false],
  [32, false],
  [34, false],
  [35, false],
];
const placebo = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];

export const GEHAN: readonly GroupedSurvivalObservation[] = [
  ...sixMp.map(([time, event]) => ({ time, event, group: '6-MP' })),
  ...placebo.map((time) => ({ time, event: true, group: 'placebo' })),
];
