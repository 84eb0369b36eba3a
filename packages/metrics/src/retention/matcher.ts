import type { EventMatcher } from './options.js';

/**
 * The dictionaries event columns refer to: distinct names, channels, touchpoints and stages, by index (the
 * fields of {@link InteractionColumns} and of a stream such as {@link InteractionCsvStream}).
 *
 * @example
 * ```ts
 * import type { MatcherDictionaries } from '@cx/metrics';
 * const dictionaries: MatcherDictionaries = { names: ['open'], channels: ['web'], touchpoints: [], stages: [] };
 * console.log(dictionaries.names.length); // 1
 * ```
 * @category Retention
 * @since 0.1.0
 */
export interface MatcherDictionaries {
  /** Distinct event names. */
  readonly names: readonly string[];
  /** Distinct channels. */
  readonly channels: readonly string[];
  /** Distinct touchpoint ids. */
  readonly touchpoints: readonly string[];
  /** Distinct stage ids. */
  readonly stages: readonly string[];
}

/** Per-dictionary acceptance flags of an {@link EventMatcher} (internal). */
export interface CompiledMatcher {
  readonly name: Uint8Array | undefined;
  readonly channel: Uint8Array | undefined;
  readonly touchpoint: Uint8Array | undefined;
  readonly stage: Uint8Array | undefined;
}

/** Marks the dictionary entries a criterion accepts (`undefined` = any) (internal). */
export function acceptedIndices(
  dictionary: readonly string[],
  criterion: string | readonly string[] | undefined,
): Uint8Array | undefined {
  if (criterion === undefined) return undefined;
  const wanted = new Set(typeof criterion === 'string' ? [criterion] : criterion);
  const accepted = new Uint8Array(dictionary.length);
  dictionary.forEach((value, i) => {
    if (wanted.has(value)) accepted[i] = 1;
  });
  return accepted;
}

/** Compiles a matcher against dictionaries (internal). */
export function compileMatcher(matcher: EventMatcher, d: MatcherDictionaries): CompiledMatcher {
  return {
    name: acceptedIndices(d.names, matcher.name),
    channel: acceptedIndices(d.channels, matcher.channel),
    touchpoint: acceptedIndices(d.touchpoints, matcher.touchpoint),
    stage: acceptedIndices(d.stages, matcher.stage),
  };
}

/** The name criterion of a compiled matcher alone (first-ever cohorts look at the name first) (internal). */
export function namesOnly(m: CompiledMatcher): CompiledMatcher {
  return { name: m.name, channel: undefined, touchpoint: undefined, stage: undefined };
}

/** Whether a compiled matcher accepts every event (no criterion given) (internal). */
export function isAnyEvent(m: CompiledMatcher): boolean {
  return (
    m.name === undefined && m.channel === undefined && m.touchpoint === undefined && m.stage === undefined
  );
}

/** Whether event `i` of the given columns satisfies the matcher (internal). */
export function matches(
  m: CompiledMatcher,
  name: Int32Array,
  channel: Int32Array,
  touchpoint: Int32Array,
  stage: Int32Array,
  i: number,
): boolean {
  if (m.name !== undefined && m.name[name[i] as number] !== 1) return false;
  if (m.channel !== undefined && m.channel[channel[i] as number] !== 1) return false;
  if (m.touchpoint !== undefined && m.touchpoint[touchpoint[i] as number] !== 1) return false;
  if (m.stage !== undefined && m.stage[stage[i] as number] !== 1) return false;
  return true;
}
