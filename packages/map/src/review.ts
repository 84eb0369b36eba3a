import { CxValidationError } from '@cx/model';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { JourneyMap } from './document.js';

/**
 * Options of {@link reviewMap}.
 *
 * @category Review
 * @since 0.1.0
 */
export interface ReviewMapOptions {
  /** The moment of the review; defaults to now. */
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

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Lists what needs attention in a map: the map past its review date (`lastReviewedAt + reviewEveryDays`),
 * open or in-progress improvement actions past their due date, pain points without an owner, and stages
 * without touchpoints. Something due today is not yet overdue.
 *
 * @param map - A parsed map.
 * @param options - Review moment and time zone.
 * @returns The findings in the order above, each with its path.
 * @throws {@link @cx/model!CxValidationError} for an unknown time zone or an invalid `asOf`.
 * @example
 * ```ts
 * import { parseMap, reviewMap } from '@cx/map';
 * const map = parseMap({
 *   formatVersion: 1,
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
export function reviewMap(map: JourneyMap, options: ReviewMapOptions = {}): ReviewFinding[] {
  const timeZone = options.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch (cause) {
    throw new CxValidationError(
      [{ path: ['timeZone'], message: `Unknown IANA time zone "${timeZone}"`, code: 'invalid_time_zone' }],
      { subject: 'ReviewMapOptions', cause },
    );
  }
  const asOf = options.asOf === undefined ? new Date() : new Date(options.asOf);
  if (Number.isNaN(asOf.getTime()))
    throw new CxValidationError(
      [{ path: ['asOf'], message: 'Expected a valid date or ISO 8601 instant', code: 'invalid_date' }],
      { subject: 'ReviewMapOptions' },
    );
  const today = dayNumber(format(new TZDate(asOf.getTime(), timeZone), 'yyyy-MM-dd'));
  const findings: ReviewFinding[] = [];
  const j = map.journey;
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
