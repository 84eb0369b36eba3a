/**
 * What a lossy conversion could not carry, or had to change:
 * - `not_carried`: a part of the source has no place in the target form;
 * - `text_replaced`: text the target grammar cannot hold was written differently;
 * - `value_approximated`: a value was computed from others (e.g. one score for several personas);
 * - `row_skipped`: a row of the source was not read (derived or text-only rows);
 * - `ambiguous_text`: text that would be read back differently (e.g. a name ending in `(owner: …)`);
 * - `id_generated`: an id the source does not carry was made up.
 *
 * @category Conversion
 * @since 0.2.0
 */
export type MapLossCode =
  | 'not_carried'
  | 'text_replaced'
  | 'value_approximated'
  | 'row_skipped'
  | 'ambiguous_text'
  | 'id_generated';

/**
 * Something a lossy conversion (Mermaid, CSV, Markdown) could not carry, or had to change, with its place.
 *
 * @category Conversion
 * @since 0.1.0
 */
export interface MapLoss {
  /** Path of the map element concerned (empty for whole collections described by `message`). */
  readonly path: ReadonlyArray<string | number>;
  /** What kind of loss. */
  readonly code: MapLossCode;
  /** What was lost or changed. */
  readonly message: string;
  /** 1-based line of the source text, for losses found while importing. */
  readonly line?: number;
}

/**
 * The one result shape of every import and export: the converted value and everything the conversion could not
 * carry. `losses` is empty when the conversion was lossless for this input.
 *
 * @example
 * ```ts
 * import { toMermaid, type Conversion } from '@cx/map';
 * const result: Conversion<string> = toMermaid({
 *   formatVersion: 2,
 *   journey: { id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 * });
 * console.log(result.value.startsWith('journey'), result.losses.length > 0); // true true
 * ```
 * @category Conversion
 * @since 0.2.0
 */
export interface Conversion<T> {
  /** The converted value: text for exports, a map for imports. */
  readonly value: T;
  /** What could not be carried or was changed, each with its place. */
  readonly losses: readonly MapLoss[];
}
