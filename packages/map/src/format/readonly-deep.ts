/**
 * A type with every array, tuple and object property made `readonly`, all the way down. The input types of
 * `@cx/map` are read-only, so a map declared `as const` (or held in read-only state) type-checks where a map is
 * accepted; the functions never write to their input.
 *
 * @example
 * ```ts
 * import { canonicalMap, type JourneyMapInput, type ReadonlyDeep } from '@cx/map';
 * const map = {
 *   formatVersion: 2,
 *   journey: { id: 'j', name: 'Shop', version: 1, stages: [{ id: 'buy', labels: { en: 'Buy' } }] },
 * } as const satisfies ReadonlyDeep<JourneyMapInput>;
 * console.log(canonicalMap(map).journey.stages.length); // 1
 * ```
 * @category Document
 * @since 0.3.0
 */
export type ReadonlyDeep<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer E)[]
    ? T extends readonly [unknown, ...unknown[]] | readonly []
      ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
      : ReadonlyArray<ReadonlyDeep<E>>
    : T extends object
      ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
      : T;
