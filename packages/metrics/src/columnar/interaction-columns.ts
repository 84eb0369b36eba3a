/**
 * Interactions held column by column: dictionary-encoded ids and typed arrays, grouped by actor (CSR layout).
 *
 * Events of actor `a` are the positions `[actorOffsets[a], actorOffsets[a + 1])` of every column, sorted by
 * time (ties keep input order). Scans over these arrays are what makes cohort retention, funnels and paths
 * fast on tens of millions of events.
 *
 * @example
 * ```ts
 * import { buildInteractionColumns } from '@cx/metrics';
 * const columns = buildInteractionColumns([
 *   { id: 'e2', customerId: 'c1', timestamp: '2026-01-02T00:00:00Z', name: 'buy', channel: 'web', properties: {} },
 *   { id: 'e1', customerId: 'c1', timestamp: '2026-01-01T00:00:00Z', name: 'visit', channel: 'web', properties: {} },
 * ]);
 * console.log(columns.names[columns.name[0] ?? -1]); // 'visit'
 * ```
 * @category Columnar
 * @since 0.1.0
 */
export interface InteractionColumns {
  /** Number of events. */
  readonly length: number;
  /** Actor index → actor id (`customerId ?? anonymousId`), in order of first appearance in the input. */
  readonly actorIds: readonly string[];
  /** CSR offsets, length `actorIds.length + 1`: events of actor `a` are `[actorOffsets[a], actorOffsets[a+1])`. */
  readonly actorOffsets: Int32Array;
  /** Event time in epoch milliseconds. */
  readonly time: Float64Array;
  /** Event name index into {@link InteractionColumns.names}. */
  readonly name: Int32Array;
  /** Distinct event names. */
  readonly names: readonly string[];
  /** Channel index into {@link InteractionColumns.channels}. */
  readonly channel: Int32Array;
  /** Distinct channels. */
  readonly channels: readonly string[];
  /** Touchpoint index into {@link InteractionColumns.touchpoints}; `-1` = none. */
  readonly touchpoint: Int32Array;
  /** Distinct touchpoint ids. */
  readonly touchpoints: readonly string[];
  /** Stage index into {@link InteractionColumns.stages}; `-1` = none. */
  readonly stage: Int32Array;
  /** Distinct stage ids. */
  readonly stages: readonly string[];
  /** Selected numeric properties, one column per property name (`NaN` = missing). */
  readonly numeric: Readonly<Record<string, Float64Array>>;
}

/**
 * Options of {@link buildInteractionColumns} and {@link buildInteractionColumnsAsync}.
 *
 * @category Columnar
 * @since 0.1.0
 */
export interface BuildInteractionColumnsOptions {
  /** Names of numeric properties to keep as `Float64Array` columns (e.g. `['revenue']`). Default none. */
  readonly numeric?: readonly string[];
  /**
   * Drop events whose `id` was already seen (duplicate deliveries), keeping the first. Default `true`.
   * Set `false` when ids are known to be unique, to save the memory of the id set.
   */
  readonly dedupe?: boolean;
}

/**
 * A block of parsed, dictionary-encoded events in input order, as yielded by {@link streamInteractionCsv}.
 *
 * Indices refer to the dictionaries of the stream ({@link InteractionCsvStream}), which only grow.
 *
 * @category Columnar
 * @since 0.1.0
 */
export interface InteractionBatch {
  /** Number of events in the batch. */
  readonly length: number;
  /**
   * Zero-based index of the first event of the batch among all data rows of the source: event `i` is data row
   * `firstRow + i` (with `dedupe`, a dropped duplicate ends a batch, so this holds after it too).
   */
  readonly firstRow: number;
  /** Actor index per event. */
  readonly actor: Int32Array;
  /** Event time in epoch milliseconds. */
  readonly time: Float64Array;
  /** Event name index. */
  readonly name: Int32Array;
  /** Channel index. */
  readonly channel: Int32Array;
  /** Touchpoint index; `-1` = none. */
  readonly touchpoint: Int32Array;
  /** Stage index; `-1` = none. */
  readonly stage: Int32Array;
  /** Selected numeric properties (`NaN` = missing). */
  readonly numeric: Readonly<Record<string, Float64Array>>;
  /**
   * 1-based line of the source where each event's row starts, when the batch was read from a file (rows can span
   * lines: quoted line breaks, blank lines); errors about an event then name its line.
   */
  readonly line?: Int32Array;
}
