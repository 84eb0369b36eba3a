import { type Accumulator, assertSameOptions, CxValidationError, levelOption, parseOptions } from '@cx/model';
import { type Proportion, proportion } from '@cx/stats';
import { z } from 'zod';
import { TermCounts, type TermCountsJson, termCountsFromJson, termCountsToJson } from '../themes/counts.js';
import { extractTerms } from '../themes/terms.js';
import {
  documentLanguage,
  rankThemes,
  type Theme,
  type ThemeAccumulatorOptions,
  type ThemeResultOptions,
  themeOptionsSchema,
  themeResultSchema,
} from '../themes/themes.js';

/**
 * One answer to a closed “why?” question (e.g. why a cart was abandoned), with its optional open text.
 *
 * @category Reasons
 * @since 0.1.0
 */
export interface ReasonResponse {
  /** Identifier of the response, used for example quotes. */
  readonly id: string;
  /** The reason or reasons chosen; an empty list means no reason was chosen. */
  readonly reasons: string | readonly string[];
  /** The open-text answer (“Tell us more”), if any. */
  readonly text?: string | undefined;
  /** BCP 47 tag of the text; detected when absent. */
  readonly language?: string | undefined;
}

/**
 * Options of {@link ReasonAccumulator}.
 *
 * @category Reasons
 * @since 0.1.0
 */
export interface ReasonAccumulatorOptions extends ThemeAccumulatorOptions {
  /** Confidence level of the share intervals, strictly between 0 and 1 (default 0.95). */
  readonly level?: number;
}

const reasonOptionsSchema = z.strictObject({ ...themeOptionsSchema.shape, level: levelOption });

/**
 * Tally of one reason, joined with the themes of the open texts of the respondents who chose it.
 *
 * @category Reasons
 * @since 0.1.0
 */
export interface ReasonTally {
  /** The reason. */
  readonly reason: string;
  /** Respondents who chose it. */
  readonly count: number;
  /** `count / respondents` with its Wilson interval (shares add up to more than 1 with multiple choice). */
  readonly share: Proportion;
  /** Respondents who chose it and wrote an open text that could be analysed. */
  readonly withText: number;
  /** Themes that distinguish these respondents' texts from the texts of everyone else. */
  readonly themes: readonly Theme[];
}

/**
 * Result of {@link ReasonAccumulator.result}.
 *
 * @category Reasons
 * @since 0.1.0
 */
export interface ReasonReport {
  /** All responses added. */
  readonly respondents: number;
  /** Responses without any reason. */
  readonly withoutReason: number;
  /** Responses whose open text could be analysed. */
  readonly withText: number;
  /** Responses whose open text was blank, absent or in an unsupported language. */
  readonly withoutText: number;
  /** One tally per reason, by decreasing count, then name. */
  readonly reasons: readonly ReasonTally[];
}

/**
 * Mergeable tally of closed-question reasons joined with the themes of the open answers.
 *
 * @example
 * ```ts
 * import { ReasonAccumulator } from '@cx/text';
 * const report = new ReasonAccumulator()
 *   .add({ id: '1', reasons: ['shipping-cost'], text: 'Shipping cost too high' })
 *   .add({ id: '2', reasons: ['shipping-cost'], text: 'Shipping cost appeared at the end' })
 *   .add({ id: '3', reasons: ['payment'], text: 'Card declined' })
 *   .add({ id: '4', reasons: [] })
 *   .result({ minZ: 0 });
 * console.log(report.reasons.map((r) => [r.reason, r.count, r.share.value])); // [['shipping-cost', 2, 0.5], ['payment', 1, 0.25]]
 * console.log(report.reasons[0]?.themes.map((t) => t.term)); // ['cost', 'shipping', 'shipping cost']
 * ```
 * @category Reasons
 * @since 0.1.0
 */
export class ReasonAccumulator
  implements Accumulator<ReasonResponse, ReasonReport, ReasonAccumulatorSnapshot>
{
  readonly #options: z.output<typeof reasonOptionsSchema>;
  readonly #json: Record<string, unknown>;
  readonly #stopWords: ReadonlySet<string>;
  readonly #examples: number;
  #respondents = 0;
  #withoutReason = 0;
  #withoutText = 0;
  #all = new TermCounts(0);
  readonly #byReason = new Map<string, { count: number; counts: TermCounts }>();

  /**
   * Creates an empty aggregator.
   *
   * @param options - Tokenising options of the themes and the confidence level.
   * @throws {@link @cx/model!CxValidationError} for a bad confidence level or example count.
   */
  constructor(options?: ReasonAccumulatorOptions) {
    this.#options = parseOptions(reasonOptionsSchema, options, 'ReasonAccumulator', {
      renamed: { confidence: 'level' },
    });
    this.#examples = this.#options.examples;
    const stopWords = [...new Set([...(this.#options.stopWords ?? [])].map((w) => w.toLowerCase()))].sort();
    this.#stopWords = new Set(stopWords);
    const { maxNgram, examples, fallbackLanguage, level } = this.#options;
    this.#json = JSON.parse(JSON.stringify({ maxNgram, examples, fallbackLanguage, level, stopWords }));
  }

  /**
   * Adds one response.
   *
   * @param response - The response.
   * @param path - Issue path to report on bad input (default `[]`).
   * @returns This aggregator.
   * @throws {@link @cx/model!CxValidationError} for a blank reason or a malformed language tag.
   */
  add(response: ReasonResponse, path: ReadonlyArray<string | number> = []): this {
    const list = typeof response.reasons === 'string' ? [response.reasons] : response.reasons;
    const reasons = new Set<string>();
    list.forEach((reason, j) => {
      if (typeof reason !== 'string' || reason.trim() === '') {
        throw new CxValidationError([
          { path: [...path, 'reasons', j], message: 'Expected a non-empty reason', code: 'invalid_reason' },
        ]);
      }
      reasons.add(reason.trim());
    });
    const language =
      response.text === undefined
        ? undefined
        : documentLanguage(
            { text: response.text, language: response.language },
            this.#options.fallbackLanguage,
            [...path, 'language'],
          );
    this.#respondents++;
    if (reasons.size === 0) this.#withoutReason++;
    let terms: { key: string; surface: string }[] | undefined;
    if (language === undefined || response.text === undefined) this.#withoutText++;
    else {
      terms = extractTerms(response.text, language, this.#options.maxNgram, this.#stopWords);
      this.#all.addDocument(response.id, response.text, terms);
    }
    for (const reason of reasons) {
      let entry = this.#byReason.get(reason);
      if (entry === undefined) {
        entry = { count: 0, counts: new TermCounts(this.#examples) };
        this.#byReason.set(reason, entry);
      }
      entry.count++;
      if (terms !== undefined) entry.counts.addDocument(response.id, response.text as string, terms);
    }
    return this;
  }

  /**
   * Adds the tallies of another aggregator (left unchanged); the result equals adding all responses here.
   *
   * @param other - Another accumulator made with the same options.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the options differ.
   */
  merge(other: ReasonAccumulator): this {
    assertSameOptions('ReasonAccumulator', this.#json, other.#json);
    this.#respondents += other.#respondents;
    this.#withoutReason += other.#withoutReason;
    this.#withoutText += other.#withoutText;
    this.#all.merge(other.#all);
    for (const [reason, theirs] of other.#byReason) {
      let entry = this.#byReason.get(reason);
      if (entry === undefined) {
        entry = { count: 0, counts: new TermCounts(this.#examples) };
        this.#byReason.set(reason, entry);
      }
      entry.count += theirs.count;
      entry.counts.merge(theirs.counts);
    }
    return this;
  }

  /**
   * Computes the tallies and each reason's distinctive themes.
   *
   * @param options - Ranking options of the themes (prior, minZ, minCount, limit).
   * @returns The report.
   * @throws {@link @cx/model!CxValidationError} for bad ranking options.
   */
  result(options?: ThemeResultOptions): ReasonReport {
    const level = this.#options.level;
    const ranking = parseOptions(themeResultSchema, options, 'ReasonAccumulator.result');
    const reasons = [...this.#byReason]
      .map(([reason, entry]): ReasonTally => {
        const report = rankThemes(
          entry.counts,
          this.#all.minus(entry.counts),
          ranking as ThemeResultOptions,
          {
            target: 0,
            reference: 0,
          },
        );
        return {
          reason,
          count: entry.count,
          share: proportion(entry.count, this.#respondents, { level }),
          withText: entry.counts.documents,
          themes: report.target,
        };
      })
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
    return {
      respondents: this.#respondents,
      withoutReason: this.#withoutReason,
      withText: this.#respondents - this.#withoutText,
      withoutText: this.#withoutText,
      reasons,
    };
  }

  /**
   * The state as plain JSON: the tallies and, per reason, the term counts of its texts.
   *
   * @returns A snapshot that {@link ReasonAccumulator.restore} reads back.
   */
  snapshot(): ReasonAccumulatorSnapshot {
    return {
      kind: 'ReasonAccumulator',
      version: 1,
      options: structuredClone(this.#json) as unknown as ReasonOptionsJson,
      state: {
        respondents: this.#respondents,
        withoutReason: this.#withoutReason,
        withoutText: this.#withoutText,
        all: termCountsToJson(this.#all),
        reasons: [...this.#byReason]
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .map(([reason, e]) => ({ reason, count: e.count, counts: termCountsToJson(e.counts) })),
      },
    };
  }

  /**
   * Rebuilds an accumulator from a snapshot, checking it whole.
   *
   * @param snapshot - A snapshot (e.g. parsed from JSON).
   * @returns The accumulator.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) for a malformed snapshot.
   */
  static restore(snapshot: unknown): ReasonAccumulator {
    const parsed = reasonSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      throw new CxValidationError(
        parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          message: i.message,
          code: 'invalid_snapshot' as const,
        })),
        { subject: 'ReasonAccumulator snapshot' },
      );
    }
    const { options, state } = parsed.data;
    const out = new ReasonAccumulator(JSON.parse(JSON.stringify(options)) as ReasonAccumulatorOptions);
    out.#respondents = state.respondents;
    out.#withoutReason = state.withoutReason;
    out.#withoutText = state.withoutText;
    out.#all = termCountsFromJson(state.all, 0);
    for (const r of state.reasons) {
      out.#byReason.set(r.reason, { count: r.count, counts: termCountsFromJson(r.counts, options.examples) });
    }
    return out;
  }
}

/**
 * The options of a {@link ReasonAccumulator} as kept in its snapshot.
 *
 * @category Reasons
 * @since 0.2.0
 */
export interface ReasonOptionsJson {
  /** Longest phrase counted. */
  readonly maxNgram: 1 | 2;
  /** Example quotes kept per theme. */
  readonly examples: number;
  /** Language for texts whose language cannot be detected. */
  readonly fallbackLanguage?: 'en' | 'pl';
  /** Confidence level of the share intervals. */
  readonly level: number;
  /** Extra stop words, lower case, sorted. */
  readonly stopWords: readonly string[];
}

/**
 * The JSON form of a {@link ReasonAccumulator} ({@link ReasonAccumulator.snapshot}).
 *
 * @category Reasons
 * @since 0.2.0
 */
export interface ReasonAccumulatorSnapshot {
  /** What wrote it. */
  readonly kind: 'ReasonAccumulator';
  /** Format version. */
  readonly version: 1;
  /** The options the accumulator was created with. */
  readonly options: ReasonOptionsJson;
  /** Tallies and term counts. */
  readonly state: {
    readonly respondents: number;
    readonly withoutReason: number;
    readonly withoutText: number;
    readonly all: TermCountsJson;
    readonly reasons: readonly {
      readonly reason: string;
      readonly count: number;
      readonly counts: TermCountsJson;
    }[];
  };
}

const count = z.number().int().nonnegative();
const countsJsonSchema = z.strictObject({
  total: count,
  documents: count,
  terms: z.array(
    z.strictObject({
      key: z.string().min(1),
      count: z.number().int().positive(),
      documents: z.number().int().positive(),
      surfaces: z.array(z.tuple([z.string(), z.number().int().positive()])),
      examples: z.array(z.strictObject({ id: z.string(), text: z.string() })),
      ids: z.array(z.string()),
    }),
  ),
});
const reasonSnapshotSchema = z.strictObject({
  kind: z.literal('ReasonAccumulator'),
  version: z.literal(1),
  options: z.strictObject({
    maxNgram: z.union([z.literal(1), z.literal(2)]),
    examples: z.number().int().min(0).max(1000),
    fallbackLanguage: z.enum(['en', 'pl']).optional(),
    level: z.number().gt(0).lt(1),
    stopWords: z.array(z.string()),
  }),
  state: z.strictObject({
    respondents: count,
    withoutReason: count,
    withoutText: count,
    all: countsJsonSchema,
    reasons: z.array(z.strictObject({ reason: z.string().min(1), count, counts: countsJsonSchema })),
  }),
});
