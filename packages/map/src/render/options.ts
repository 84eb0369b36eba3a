import { z } from 'zod';

/**
 * Options of {@link renderSvg}. Sizes are range-checked: a size outside its range is an options error, never a
 * hang or a broken drawing.
 *
 * @category Rendering
 * @since 0.1.0
 */
export interface RenderSvgOptions {
  /** Width of a stage column in px, 80…2000; default 220, or what fits `maxWidth`. */
  readonly stageWidth?: number;
  /** Width of the lane-label column in px, 80…600; default 170. */
  readonly labelWidth?: number;
  /** Font size in px, 8…48; default 13. */
  readonly fontSize?: number;
  /**
   * Id of the SVG root and prefix of its other ids (`<prefix>-title` …); the map's styles apply only under this
   * id, so give each map on a page its own. A letter, then up to 63 letters, digits, `-` or `_`; default `jm`.
   */
  readonly idPrefix?: string;
  /** Language of stage labels (falls back to `en`), a BCP 47 tag; default `en`. */
  readonly language?: string;
  /**
   * Width of the container in px, 320…100000: stage columns narrow (down to 120 px) so that the map fits; a map
   * that still does not fit keeps its width and its container scrolls (see {@link renderHtml}).
   */
  readonly maxWidth?: number;
  /** Draw only this scenario (see {@link scenarioView}); default: everything, to-be items marked. */
  readonly scenario?: 'as-is' | 'to-be';
}

const size = (min: number, max: number) =>
  z
    .number({ error: 'Expected a number of px' })
    .min(min, { message: `Expected at least ${min} px` })
    .max(max, { message: `Expected at most ${max} px` });

/** @internal */
export const svgOptionsShape = {
  stageWidth: size(80, 2000).optional(),
  labelWidth: size(80, 600).optional(),
  fontSize: size(8, 48).optional(),
  idPrefix: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, {
      message: 'Expected a letter followed by up to 63 letters, digits, "-" or "_"',
    })
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
      message: 'Expected a BCP 47 language tag such as en or pl',
    })
    .optional(),
  maxWidth: size(320, 100_000).optional(),
  scenario: z.enum(['as-is', 'to-be']).optional(),
};

/** @internal */
export const svgOptionsSchema = z.strictObject(svgOptionsShape);

/** Layout of one rendering, every option resolved. @internal */
export interface Layout {
  readonly sw: number;
  readonly lw: number;
  readonly fs: number;
  readonly lh: number;
  readonly id: string;
  readonly lang: string;
}

/** Resolves sizes; fits stage columns into `maxWidth` when asked. @internal */
export function resolveLayout(options: z.output<typeof svgOptionsSchema>, stages: number): Layout {
  const lw = options.labelWidth ?? 170;
  const fs = options.fontSize ?? 13;
  let sw = options.stageWidth ?? 220;
  if (options.stageWidth === undefined && options.maxWidth !== undefined)
    sw = Math.max(120, Math.min(sw, Math.floor((options.maxWidth - lw) / stages)));
  return {
    sw,
    lw,
    fs,
    lh: Math.round(fs * 1.35),
    id: options.idPrefix ?? 'jm',
    lang: options.language ?? 'en',
  };
}
