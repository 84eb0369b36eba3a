/**
 * Something a lossy export (Mermaid, CSV, Markdown) could not carry, or had to change, with its place in the map.
 *
 * @category Export
 * @since 0.1.0
 */
export interface ExportLoss {
  /** Path of the map element concerned (empty for whole collections described by `message`). */
  readonly path: ReadonlyArray<string | number>;
  /** What was lost or changed. */
  readonly message: string;
}

/**
 * Result of a lossy export: the text and the list of what it could not carry.
 *
 * @category Export
 * @since 0.1.0
 */
export interface ExportResult {
  /** The exported text. */
  readonly text: string;
  /** Everything not carried or changed; empty when the export is lossless for this map. */
  readonly losses: readonly ExportLoss[];
}
