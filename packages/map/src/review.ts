import { createCalendar, instantToEpochMs, MS_PER_DAY, timeZoneOption } from '@cx/model';
import { z } from 'zod';
import type { JourneyMap, JourneyMapInput } from './format/document.js';
import type { ReadonlyDeep } from './format/readonly-deep.js';
import { INSTANT_PATTERN } from './format/strings.js';
import { checkOptions } from './options.js';
import { parseMap } from './parse.js';

/**
 * Options of {@link reviewMap}.
 *
 * @category Review
 * @since 0.1.0
 */
export interface ReviewMapOptions {
  /** The moment of the review: a `Date` or a UTC instant `YYYY-MM-DDTHH:mm:ssZ`; defaults to now. */
  readonly asOf?: Date | string;
  /** IANA time zone in which "today" is taken, e.g. `Europe/Warsaw`; defaults to `UTC`. */
  readonly timeZone?: string;
}

/**
 * What {@link reviewMap} can find.
 *
 * @category Review
 * @since 0.1.0
 */
export type ReviewFindingKind =
  | 'map-review-overdue'
  | 'map-never-reviewed'
  | 'action-overdue'
  | 'pain-point-without-owner'
  | 'stage-without-touchpoints';

/**
 * One finding of {@link reviewMap}: what, where (JSON pointer path into the map) and a readable message.
 *
 * @category Review
 * @since 0.1.0
 */
export interface ReviewFinding {
  /** What was found. */
  readonly kind: ReviewFindingKind;
  /** Path of the map element concerned, e.g. `['journey', 'improvementActions', 0]`. */
  readonly path: ReadonlyArray<string | number>;
  /** Id of the element concerned. */
  readonly id: string;
  /** Readable message. */
  readonly message: string;
  /** For overdue findings: the date by which it was due (YYYY-MM-DD). */
  readonly dueDate?: string;
  /** For overdue findings: whole days past the due date as of the review day. */
  readonly daysOverdue?: number;
}

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD` (already checked by the map's schema). */
const dayNumber = (date: string) => instantToEpochMs(`${date}T00:00:00Z`) / MS_PER_DAY;
const dateOf = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

const optionsSchema = z.strictObject({
  asOf: z
    .union([
      z
        .date()
        .refine(
          (d) => Number.isFinite(d.getTime()) && d.getUTCFullYear() >= 0 && d.getUTCFullYear() <= 9999,
          {
            message: 'Expected a valid Date in the years 0000–9999',
          },
        ),
      z.string().regex(INSTANT_PATTERN, { message: 'Expected a UTC instant such as 2026-03-01T09:30:00Z' }),
    ])
    .optional(),
  timeZone: timeZoneOption,
});

/**
 * Lists what needs attention in a map: the map past its review date (`lastReviewedAt + reviewEveryDays`),
 * open or in-progress improvement actions past their due date, pain points without an owner, and stages
 * without touchpoints. Something due today is not yet overdue.
 *
 * @param map - A map, parsed or built in code.
 * @param options - Review moment and time zone.
 * @returns The findings in the order above, each with its path.
 * @throws {@link @cx/model!CxValidationError} for an invalid map.
 * @throws {@link @cx/model!CxOptionsError} for an unknown time zone, an invalid `asOf` or an unknown option.
 * @example
 * ```ts
 * import { parseMap, reviewMap } from '@cx/map';
 * const map = parseMap({
 *   formatVersion: 2,
 *   journey: {
 *     id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }],
 *     touchpoints: [{ id: 'app', name: 'App', channel: 'mobile-app', stageId: 'use' }],
 *     improvementActions: [{ id: 'a1', title: 'Fix login', owner: 'App team', dueDate: '2026-03-01' }],
 *   },
 * });
 * console.log(reviewMap(map, { asOf: '2026-03-04T12:00:00Z' }).map((f) => [f.kind, f.daysOverdue]));
 * // [['action-overdue', 3]]
 * ```
 * @category Review
 * @since 0.1.0
 */
export function reviewMap(
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  options?: ReviewMapOptions,
): ReviewFinding[] {
  const opts = checkOptions(optionsSchema, options, 'reviewMap');
  const asOfMs =
    opts.asOf === undefined
      ? Date.now()
      : typeof opts.asOf === 'string'
        ? instantToEpochMs(opts.asOf)
        : opts.asOf.getTime();
  // "Today" is the local day of the review moment on the wall clock of the time zone, by @cx/model's calendar.
  const today = createCalendar({ interval: 'day', timeZone: opts.timeZone }).localDayOf(asOfMs);
  const m = parseMap(map);
  const findings: ReviewFinding[] = [];
  const j = m.journey;
  if (j.reviewEveryDays !== undefined) {
    if (j.lastReviewedAt === undefined)
      findings.push({
        kind: 'map-never-reviewed',
        path: ['journey', 'lastReviewedAt'],
        id: j.id,
        message: `Map "${j.name}" should be reviewed every ${j.reviewEveryDays} days but has no lastReviewedAt`,
      });
    else {
      const due = dayNumber(j.lastReviewedAt) + j.reviewEveryDays;
      if (today > due)
        findings.push({
          kind: 'map-review-overdue',
          path: ['journey', 'lastReviewedAt'],
          id: j.id,
          message: `Map "${j.name}" was due for review on ${dateOf(due)} (${today - due} days ago)`,
          dueDate: dateOf(due),
          daysOverdue: today - due,
        });
    }
  }
  j.improvementActions.forEach((a, i) => {
    const due = dayNumber(a.dueDate);
    if ((a.status === 'open' || a.status === 'in-progress') && today > due)
      findings.push({
        kind: 'action-overdue',
        path: ['journey', 'improvementActions', i],
        id: a.id,
        message: `Improvement action "${a.title}" (${a.owner}) was due on ${a.dueDate} and is still ${a.status}`,
        dueDate: a.dueDate,
        daysOverdue: today - due,
      });
  });
  j.painPoints.forEach((p, i) => {
    if (p.owner === undefined)
      findings.push({
        kind: 'pain-point-without-owner',
        path: ['journey', 'painPoints', i],
        id: p.id,
        message: `Pain point "${p.description}" (${p.severity}) has no owner`,
      });
  });
  const withTouchpoints = new Set(j.touchpoints.map((t) => t.stageId));
  j.stages.forEach((s, i) => {
    if (!withTouchpoints.has(s.id))
      findings.push({
        kind: 'stage-without-touchpoints',
        path: ['journey', 'stages', i],
        id: s.id,
        message: `Stage "${s.labels.en}" has no touchpoints`,
      });
  });
  return findings;
}
