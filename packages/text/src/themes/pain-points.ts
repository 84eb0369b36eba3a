import { type PainPoint, parseOptions } from '@cx/model';
import { z } from 'zod';
import { detectLanguage, type SupportedLanguage } from '../language.js';
import { foldPolish } from '../text/fold.js';
import { stemWord } from '../text/stem.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';
import type { Theme } from './themes.js';

/**
 * Options of {@link mapThemesToPainPoints}.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface MapThemesToPainPointsOptions {
  /** Keywords per pain point id; without an entry, the content words of the pain point's description are used. */
  readonly keywords?: Readonly<Record<string, readonly string[]>>;
  /** Language of the keywords and descriptions (default: detected per pain point, else English). */
  readonly language?: SupportedLanguage;
}

const painPointSchema = z.strictObject({
  keywords: z.record(z.string(), z.array(z.string())).optional(),
  language: z.enum(['en', 'pl']).optional(),
});

/**
 * The themes that match one pain point.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface PainPointThemes {
  /** Id of the pain point. */
  readonly painPointId: string;
  /** Journey stage of the pain point. */
  readonly stageId: string;
  /** Matching themes, in the order given. */
  readonly themes: readonly Theme[];
  /** Sum of the matching themes' target-group occurrences. */
  readonly mentions: number;
}

/**
 * Result of {@link mapThemesToPainPoints}.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface PainPointMapping {
  /** One entry per pain point (also those without a matching theme), in the order given. */
  readonly painPoints: readonly PainPointThemes[];
  /** Themes that matched no pain point: candidates for new pain points. */
  readonly unmatched: readonly Theme[];
}

/**
 * Maps themes (e.g. of negative feedback) to the pain points of a journey by shared word stems.
 *
 * A theme matches a pain point when one of the theme's word stems equals the stem of one of the pain
 * point's keywords. A theme may match several pain points.
 *
 * @param themes - Themes, e.g. `report.target` of {@link distinctiveThemes}.
 * @param painPoints - Pain points of a {@link @cx/model!Journey}.
 * @param options - Keywords and language.
 * @returns Matches per pain point, and the themes that matched none.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option, `null`, or keywords that are not lists of words.
 * @example
 * ```ts
 * import { distinctiveThemes, mapThemesToPainPoints } from '@cx/text';
 * const report = distinctiveThemes(
 *   [{ id: '1', text: 'Shipping cost shown too late' }, { id: '2', text: 'Hidden shipping cost!' }],
 *   [{ id: '3', text: 'Lovely staff' }, { id: '4', text: 'Lovely shop' }],
 *   { minZ: 0 },
 * );
 * const mapping = mapThemesToPainPoints(report.target, [
 *   { id: 'pp1', description: 'Shipping costs shown only at checkout', severity: 'high', stageId: 'purchase', evidence: [] },
 * ]);
 * console.log(mapping.painPoints[0]?.themes.map((t) => t.term)); // ['cost', 'shipping', 'shipping cost']
 * ```
 * @category Themes
 * @since 0.1.0
 */
export function mapThemesToPainPoints(
  themes: readonly Theme[],
  painPoints: readonly PainPoint[],
  options?: MapThemesToPainPointsOptions,
): PainPointMapping {
  const o = parseOptions(painPointSchema, options, 'mapThemesToPainPoints');
  const matched = new Set<Theme>();
  const result = painPoints.map((painPoint) => {
    const keywords = o.keywords;
    // Own properties only: a pain point id such as `constructor` never reads Object.prototype.
    const given =
      keywords !== undefined && Object.hasOwn(keywords, painPoint.id) ? keywords[painPoint.id] : undefined;
    const source = given === undefined ? painPoint.description : given.join(' ');
    const detected = detectLanguage(source).language;
    const language = o.language ?? (detected === 'unknown' ? 'en' : detected);
    const stems = new Set(
      tokenize(source, language)
        .filter((t) => t.kind === 'word' && (given !== undefined || !STOP_WORDS[language].has(t.norm)))
        .map((t) =>
          language === 'pl' ? foldPolish(stemWord(t.norm, language)) : stemWord(t.norm, language),
        ),
    );
    const hits = themes.filter((theme) => theme.key.split(' ').some((part) => stems.has(part)));
    for (const hit of hits) matched.add(hit);
    return {
      painPointId: painPoint.id,
      stageId: painPoint.stageId,
      themes: hits,
      mentions: hits.reduce((sum, t) => sum + t.targetCount, 0),
    };
  });
  return { painPoints: result, unmatched: themes.filter((t) => !matched.has(t)) };
}
