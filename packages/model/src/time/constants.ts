/**
 * Milliseconds in a second.
 *
 * @example
 * ```ts
 * import { MS_PER_SECOND } from '@cx/model';
 * console.log(MS_PER_SECOND); // 1000
 * ```
 * @category Time
 * @since 0.2.0
 */
export const MS_PER_SECOND = 1000;

/**
 * Milliseconds in a minute.
 *
 * @example
 * ```ts
 * import { MS_PER_MINUTE } from '@cx/model';
 * console.log(MS_PER_MINUTE); // 60000
 * ```
 * @category Time
 * @since 0.2.0
 */
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;

/**
 * Milliseconds in an hour.
 *
 * @example
 * ```ts
 * import { MS_PER_HOUR } from '@cx/model';
 * console.log(MS_PER_HOUR); // 3600000
 * ```
 * @category Time
 * @since 0.2.0
 */
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/**
 * Milliseconds in a day of 24 hours (a UTC day; a day in a time zone may last 23 or 25 hours — use a
 * {@link Calendar} for those).
 *
 * @example
 * ```ts
 * import { MS_PER_DAY } from '@cx/model';
 * console.log(MS_PER_DAY); // 86400000
 * ```
 * @category Time
 * @since 0.2.0
 */
export const MS_PER_DAY = 24 * MS_PER_HOUR;

/**
 * Milliseconds in a week of seven 24-hour days.
 *
 * @example
 * ```ts
 * import { MS_PER_WEEK } from '@cx/model';
 * console.log(MS_PER_WEEK); // 604800000
 * ```
 * @category Time
 * @since 0.2.0
 */
export const MS_PER_WEEK = 7 * MS_PER_DAY;

/**
 * Default bound on the number of calendar periods one series may span (10,000: 27 years of days, 192 years of
 * weeks). A function whose work grows with the span of the timestamps — filling the gaps of a trend, the periods of
 * a churn series, the columns of a cohort table — stops with a {@link CxLimitError} naming the record that would
 * exceed it, instead of running for hours on a typo such as year 9999. Functions that take a `maxPeriods` option let
 * the caller raise it.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_PERIODS } from '@cx/model';
 * console.log(DEFAULT_MAX_PERIODS); // 10000
 * ```
 * @category Time
 * @since 0.2.0
 */
export const DEFAULT_MAX_PERIODS = 10_000;

/** Earliest epoch ms the grammar produces: 0000-01-01T00:00:00Z (internal). */
export const MIN_INSTANT_MS = -62_167_219_200_000;
/** Latest epoch ms the grammar produces: 9999-12-31T23:59:59.999Z (internal). */
export const MAX_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
