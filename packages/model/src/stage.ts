import { z } from 'zod';
import { slugSchema } from './json.js';

/**
 * Schema of localized labels: English is required, Polish and other BCP 47 languages are optional.
 *
 * @example
 * ```ts
 * import { labelsSchema } from '@cx/model';
 * console.log(labelsSchema.parse({ en: 'Purchase', pl: 'Zakup' }).pl); // 'Zakup'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const labelsSchema = z
  .object({ en: z.string().min(1) })
  .catchall(z.string().min(1))
  .meta({ id: 'Labels', description: 'Labels by BCP 47 language tag; en is required.' });

/**
 * Labels by language.
 *
 * @example
 * ```ts
 * import type { Labels } from '@cx/model';
 * const labels: Labels = { en: 'Purchase', pl: 'Zakup' };
 * console.log(labels.pl); // 'Zakup'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type Labels = z.infer<typeof labelsSchema>;

/**
 * Schema of a journey stage: a slug id, labels, an optional description.
 *
 * @example
 * ```ts
 * import { stageSchema } from '@cx/model';
 * const stage = stageSchema.parse({ id: 'onboarding', labels: { en: 'Onboarding', pl: 'Wdrożenie' } });
 * console.log(stage.id); // 'onboarding'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const stageSchema = z
  .strictObject({
    id: slugSchema,
    labels: labelsSchema,
    description: z.string().optional(),
  })
  .meta({ id: 'Stage', description: 'A stage of the customer journey.' });

/**
 * A journey stage.
 *
 * @example
 * ```ts
 * import { DEFAULT_STAGES, type Stage } from '@cx/model';
 * const purchase: Stage | undefined = DEFAULT_STAGES.find((s) => s.id === 'purchase');
 * console.log(purchase?.labels.pl); // 'Zakup'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type Stage = z.infer<typeof stageSchema>;

/**
 * The ids of the ten default journey stages, in journey order.
 *
 * @example
 * ```ts
 * import { DEFAULT_STAGE_IDS } from '@cx/model';
 * console.log(DEFAULT_STAGE_IDS[0], DEFAULT_STAGE_IDS[9]); // 'need' 'repurchase'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const DEFAULT_STAGE_IDS = [
  'need',
  'search',
  'awareness',
  'consideration',
  'decision',
  'purchase',
  'use',
  'review',
  'recommendation',
  'repurchase',
] as const;

/**
 * Id of one of the ten default stages.
 *
 * @example
 * ```ts
 * import { DEFAULT_STAGE_IDS, type DefaultStageId } from '@cx/model';
 * const last: DefaultStageId = DEFAULT_STAGE_IDS[DEFAULT_STAGE_IDS.length - 1] ?? 'repurchase';
 * console.log(last); // 'repurchase'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type DefaultStageId = (typeof DEFAULT_STAGE_IDS)[number];

/**
 * The default catalogue of the ten journey stages, in order, with English and Polish labels.
 *
 * @example
 * ```ts
 * import { DEFAULT_STAGES } from '@cx/model';
 * console.log(DEFAULT_STAGES.map((s) => s.labels.pl).join(' → '));
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const DEFAULT_STAGES: readonly Stage[] = Object.freeze(
  (
    [
      ['need', 'Need', 'Potrzeba', 'The customer recognises a need or problem.'],
      ['search', 'Search', 'Wyszukiwanie', 'The customer looks for ways to meet the need.'],
      ['awareness', 'Awareness', 'Świadomość', 'The customer becomes aware of the brand and its offer.'],
      ['consideration', 'Consideration', 'Rozważanie', 'The customer compares options, prices and reviews.'],
      ['decision', 'Decision', 'Decyzja', 'The customer chooses a product and a seller.'],
      ['purchase', 'Purchase', 'Zakup', 'The customer buys: cart, checkout, payment, delivery.'],
      ['use', 'Use', 'Użytkowanie', 'The customer uses the product and gets support.'],
      ['review', 'Review', 'Ocena', 'The customer evaluates the experience and may leave a review.'],
      ['recommendation', 'Recommendation', 'Polecenie', 'The customer recommends the brand to others.'],
      ['repurchase', 'Repurchase', 'Ponowny zakup', 'The customer buys again or renews.'],
    ] as const
  ).map(([id, en, pl, description]) => Object.freeze({ id, labels: Object.freeze({ en, pl }), description })),
);

/**
 * Position of a stage id in the default catalogue (0 for `need` … 9 for `repurchase`), or -1 if not a default stage.
 *
 * @param stageId - Any stage id.
 * @returns The zero-based position, or -1.
 * @example
 * ```ts
 * import { defaultStageIndex } from '@cx/model';
 * console.log(defaultStageIndex('purchase')); // 5
 * ```
 * @category Journey
 * @since 0.1.0
 */
export function defaultStageIndex(stageId: string): number {
  return (DEFAULT_STAGE_IDS as readonly string[]).indexOf(stageId);
}
