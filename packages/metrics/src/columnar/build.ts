import { GrowableFloat64, GrowableInt32, StringIndex } from '@cx/ingest';
import type { Interaction, ValidationIssue, ValidationIssueCode } from '@cx/model';
import { CxValidationError, instantIssue, instantToEpochMsOrNaN, parseOptions } from '@cx/model';
import { z } from 'zod';
import { toActorColumns } from './csr.js';
import type { BuildInteractionColumnsOptions, InteractionColumns } from './interaction-columns.js';

const MAX_ISSUES = 100;

const buildOptionsSchema = z.strictObject({
  numeric: z.array(z.string().min(1, { error: 'Expected a property name' })).optional(),
  dedupe: z.boolean().default(true),
});

/** Accumulates interactions in input order, then groups them by actor (internal). */
class InteractionColumnsBuilder {
  readonly #actors = new StringIndex();
  readonly #names = new StringIndex();
  readonly #channels = new StringIndex();
  readonly #touchpoints = new StringIndex();
  readonly #stages = new StringIndex();
  readonly #actor = new GrowableInt32();
  readonly #time = new GrowableFloat64();
  readonly #name = new GrowableInt32();
  readonly #channel = new GrowableInt32();
  readonly #touchpoint = new GrowableInt32();
  readonly #stage = new GrowableInt32();
  readonly #numericKeys: readonly string[];
  readonly #numeric: GrowableFloat64[];
  readonly #seen: Set<string> | undefined;
  readonly issues: ValidationIssue[] = [];
  issueCount = 0;
  #index = 0;

  constructor(options: BuildInteractionColumnsOptions | undefined, subject: string) {
    const o = parseOptions(buildOptionsSchema, options, subject);
    this.#numericKeys = [...new Set(o.numeric ?? [])];
    this.#numeric = this.#numericKeys.map(() => new GrowableFloat64());
    this.#seen = o.dedupe ? new Set() : undefined;
  }

  add(event: Interaction): void {
    const index = this.#index++;
    const before = this.issueCount;
    if (event === null || typeof event !== 'object') {
      this.#issue([index], 'Expected an interaction object', 'invalid_type');
      return;
    }
    const actorId = event.customerId ?? event.anonymousId;
    if (typeof actorId !== 'string' || actorId.length === 0) {
      this.#issue([index, 'customerId'], 'Expected customerId or anonymousId', 'invalid_type');
    }
    // The one instant grammar: 2024-02-30T00:00:00Z is an error here, never 1 March.
    const time = instantToEpochMsOrNaN(event.timestamp);
    if (Number.isNaN(time)) {
      const found = instantIssue(event.timestamp, { path: [index, 'timestamp'] });
      this.issueCount++;
      if (found !== null && this.issues.length < MAX_ISSUES) this.issues.push(found);
    }
    if (typeof event.name !== 'string' || event.name.length === 0) {
      this.#issue([index, 'name'], 'Expected a non-empty event name', 'invalid_type');
    }
    if (typeof event.channel !== 'string' || event.channel.length === 0) {
      this.#issue([index, 'channel'], 'Expected a channel', 'invalid_type');
    }
    const properties = event.properties;
    const values = this.#numericKeys.map((key) => {
      const value =
        typeof properties === 'object' && properties !== null && Object.hasOwn(properties, key)
          ? properties[key]
          : undefined;
      if (value === undefined || value === null) return Number.NaN;
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      this.#issue(
        [index, 'properties', key],
        `Expected a finite number or no value, got ${JSON.stringify(value)}`,
        'invalid_number',
      );
      return Number.NaN;
    });
    if (this.#seen !== undefined && (typeof event.id !== 'string' || event.id.length === 0)) {
      this.#issue(
        [index, 'id'],
        'Expected an event id: duplicates are dropped by id (set dedupe: false for events without ids)',
        'invalid_type',
      );
    }
    if (this.issueCount !== before) return;
    if (this.#seen !== undefined) {
      if (this.#seen.has(event.id)) return;
      this.#seen.add(event.id);
    }
    this.#actor.push(this.#actors.add(actorId as string));
    this.#time.push(time);
    this.#name.push(this.#names.add(event.name));
    this.#channel.push(this.#channels.add(event.channel));
    this.#touchpoint.push(event.touchpointId === undefined ? -1 : this.#touchpoints.add(event.touchpointId));
    this.#stage.push(event.stageId === undefined ? -1 : this.#stages.add(event.stageId));
    values.forEach((value, k) => {
      this.#numeric[k]?.push(value);
    });
  }

  #issue(path: Array<string | number>, message: string, code: ValidationIssueCode): void {
    this.issueCount++;
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, message, code });
  }

  finish(): InteractionColumns {
    if (this.issueCount > 0) throw new CxValidationError(this.issues, { subject: 'interactions' });
    const numeric: Record<string, Float64Array> = {};
    this.#numericKeys.forEach((key, k) => {
      numeric[key] = (this.#numeric[k] as GrowableFloat64).toArray();
    });
    return toActorColumns({
      length: this.#actor.length,
      actorIds: this.#actors.values,
      actor: this.#actor.toArray(),
      time: this.#time.toArray(),
      name: this.#name.toArray(),
      names: this.#names.values,
      channel: this.#channel.toArray(),
      channels: this.#channels.values,
      touchpoint: this.#touchpoint.toArray(),
      touchpoints: this.#touchpoints.values,
      stage: this.#stage.toArray(),
      stages: this.#stages.values,
      numeric,
    });
  }
}

/**
 * Builds the columnar form of interactions given in any order: grouped by actor, sorted by time per actor.
 *
 * @param source - Interactions (parsed form), in any order.
 * @param options - Numeric properties to keep and whether to drop duplicate ids.
 * @returns The columns ({@link InteractionColumns}).
 * @throws {@link @cx/model!CxValidationError} when an interaction has no actor, a timestamp that is not a UTC
 *   instant (`2024-02-30T00:00:00Z` included), no name or channel, or a non-numeric value for a selected numeric
 *   property; issue paths are `[index, field]`.
 * @throws {@link @cx/model!CxOptionsError} for unknown option keys, `null` options or values of the wrong type.
 * @example
 * ```ts
 * import { buildInteractionColumns } from '@cx/metrics';
 * const columns = buildInteractionColumns(
 *   [
 *     { id: 'e1', customerId: 'c1', timestamp: '2026-01-02T00:00:00Z', name: 'buy', channel: 'web', properties: { revenue: 20 } },
 *     { id: 'e2', anonymousId: 'd7', timestamp: '2026-01-01T00:00:00Z', name: 'visit', channel: 'web', properties: {} },
 *   ],
 *   { numeric: ['revenue'] },
 * );
 * console.log(columns.actorIds, Array.from(columns.actorOffsets)); // [ 'c1', 'd7' ] [ 0, 1, 2 ]
 * console.log(columns.numeric.revenue?.[0]); // 20
 * ```
 * @category Columnar
 * @since 0.1.0
 */
export function buildInteractionColumns(
  source: Iterable<Interaction>,
  options?: BuildInteractionColumnsOptions,
): InteractionColumns {
  const builder = new InteractionColumnsBuilder(options, 'buildInteractionColumns');
  for (const event of source) builder.add(event);
  return builder.finish();
}

/**
 * Builds the columnar form of interactions from an async source (e.g. a database cursor or an NDJSON stream).
 *
 * @param source - Interactions (parsed form), in any order, sync or async.
 * @param options - Numeric properties to keep and whether to drop duplicate ids.
 * @returns The columns ({@link InteractionColumns}).
 * @throws {@link @cx/model!CxValidationError} and {@link @cx/model!CxOptionsError} as {@link buildInteractionColumns} does.
 * @example
 * ```ts
 * import { buildInteractionColumnsAsync } from '@cx/metrics';
 * async function* events() {
 *   yield { id: 'e1', customerId: 'c1', timestamp: '2026-01-01T00:00:00Z', name: 'visit', channel: 'web' as const, properties: {} };
 * }
 * const columns = await buildInteractionColumnsAsync(events());
 * console.log(columns.length); // 1
 * ```
 * @category Columnar
 * @since 0.1.0
 */
export function buildInteractionColumnsAsync(
  source: AsyncIterable<Interaction> | Iterable<Interaction>,
  options?: BuildInteractionColumnsOptions,
): Promise<InteractionColumns> {
  // Options are checked now, synchronously: a mistake in them is thrown, not a rejected promise.
  const builder = new InteractionColumnsBuilder(options, 'buildInteractionColumnsAsync');
  return fill(builder, source);
}

async function fill(
  builder: InteractionColumnsBuilder,
  source: AsyncIterable<Interaction> | Iterable<Interaction>,
): Promise<InteractionColumns> {
  for await (const event of source) builder.add(event);
  return builder.finish();
}
