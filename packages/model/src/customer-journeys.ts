import { z } from 'zod';
import { CxValidationError, type ValidationIssue } from './errors/validation-error.js';
import { actorIdOf, type Interaction } from './interaction.js';
import { parseOptions } from './options/parse-options.js';
import { type Duration, durationSchema, durationToMs } from './options/schemas.js';
import { instantIssue, instantToEpochMsOrNaN } from './time/instant.js';

/**
 * A session: consecutive interactions of one actor with no gap longer than the inactivity gap.
 *
 * @example
 * ```ts
 * import { groupJourneys, type Session } from '@cx/model';
 * const [journey] = groupJourneys([
 *   { id: 'e1', customerId: 'c1', timestamp: '2026-01-01T10:00:00Z', name: 'page_view', channel: 'web', properties: {} },
 * ]);
 * const session: Session | undefined = journey?.sessions[0];
 * console.log(session?.startedAt); // '2026-01-01T10:00:00Z'
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export interface Session {
  /** Index of the session within its actor's journey, from 0. */
  readonly index: number;
  /** Instant of the first interaction. */
  readonly startedAt: string;
  /** Instant of the last interaction. */
  readonly endedAt: string;
  /** The interactions, in time order. */
  readonly interactions: readonly Interaction[];
}

/**
 * The observed journey of one actor (customer, or anonymous id when no customer id is known).
 *
 * @example
 * ```ts
 * import { groupJourneys, type CustomerJourney } from '@cx/model';
 * const journeys: CustomerJourney[] = groupJourneys([
 *   { id: 'e1', customerId: 'c1', timestamp: '2026-01-01T10:00:00Z', name: 'page_view', channel: 'web', properties: {} },
 * ]);
 * console.log(journeys[0]?.actorId, journeys[0]?.identified); // 'c1' true
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export interface CustomerJourney {
  /** `customerId`, or `anonymousId` for anonymous actors. */
  readonly actorId: string;
  /** Whether `actorId` is a known customer id. */
  readonly identified: boolean;
  /** All interactions, in time order (ties broken by id). */
  readonly interactions: readonly Interaction[];
  /** Sessions split by the inactivity gap. */
  readonly sessions: readonly Session[];
}

/**
 * Options of {@link groupJourneys}.
 *
 * @example
 * ```ts
 * import { groupJourneys, type GroupJourneysOptions } from '@cx/model';
 * const options: GroupJourneysOptions = { inactivityGap: { minutes: 10 } };
 * console.log(groupJourneys([], options)); // []
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export interface GroupJourneysOptions {
  /** Inactivity gap that starts a new session; default `{ minutes: 30 }` (GA4, Adobe). */
  readonly inactivityGap?: Duration;
}

const optionsSchema = z.strictObject({ inactivityGap: durationSchema.default({ minutes: 30 }) });

/**
 * Groups interactions into per-actor journeys: time-ordered and sessionized by an inactivity gap.
 *
 * Input order does not matter; ties in time are ordered by id so the result is deterministic. A gap of
 * exactly `inactivityGap` still continues the session; a longer one starts a new session.
 *
 * @param interactions - Interactions in any order.
 * @param options - Session inactivity gap.
 * @returns One journey per actor, sorted by actor id.
 * @throws {@link CxOptionsError} for an unknown option or a gap that is not a positive duration.
 * @throws {@link CxValidationError} (`invalid_instant`) naming every interaction whose timestamp is not an instant.
 * @example
 * ```ts
 * import { groupJourneys } from '@cx/model';
 * const e = (id: string, t: string) => ({ id, customerId: 'c1', timestamp: t, name: 'page_view', channel: 'web' as const, properties: {} });
 * const [journey] = groupJourneys([e('b', '2026-01-01T12:00:00Z'), e('a', '2026-01-01T10:00:00Z')]);
 * console.log(journey?.sessions.length); // 2
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export function groupJourneys(
  interactions: Iterable<Interaction>,
  options?: GroupJourneysOptions,
): CustomerJourney[] {
  const gap = durationToMs(
    parseOptions(optionsSchema, options, 'groupJourneys', { renamed: { inactivityGapMs: 'inactivityGap' } })
      .inactivityGap,
  );
  const issues: ValidationIssue[] = [];
  let index = 0;
  const byActor = new Map<string, { identified: boolean; items: Array<{ t: number; i: Interaction }> }>();
  for (const interaction of interactions) {
    const actorId = actorIdOf(interaction);
    let entry = byActor.get(actorId);
    if (entry === undefined) {
      entry = { identified: interaction.customerId !== undefined, items: [] };
      byActor.set(actorId, entry);
    }
    const t = instantToEpochMsOrNaN(interaction.timestamp);
    if (Number.isNaN(t)) {
      const issue = instantIssue(interaction.timestamp, { path: [index, 'timestamp'] });
      if (issue !== null) issues.push(issue);
    }
    entry.items.push({ t, i: interaction });
    index++;
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'interactions' });
  const journeys: CustomerJourney[] = [];
  for (const [actorId, { identified, items }] of byActor) {
    items.sort((a, b) => a.t - b.t || (a.i.id < b.i.id ? -1 : a.i.id > b.i.id ? 1 : 0));
    const sessions: Session[] = [];
    let current: Interaction[] = [];
    let last = Number.NEGATIVE_INFINITY;
    const close = () => {
      const first = current[0];
      const final = current[current.length - 1];
      if (first !== undefined && final !== undefined) {
        sessions.push({
          index: sessions.length,
          startedAt: first.timestamp,
          endedAt: final.timestamp,
          interactions: current,
        });
      }
    };
    for (const { t, i } of items) {
      if (t - last > gap) {
        close();
        current = [];
      }
      current.push(i);
      last = t;
    }
    close();
    journeys.push({ actorId, identified, interactions: items.map((x) => x.i), sessions });
  }
  return journeys.sort((a, b) => (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0));
}
