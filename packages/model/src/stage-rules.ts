import { z } from 'zod';
import { channelSchema } from './channel.js';
import type { Interaction } from './interaction.js';
import { idSchema, slugSchema } from './json.js';
import { parseOptions } from './options/parse-options.js';
import { compilePattern, type SafePattern } from './pattern/compile-pattern.js';
import { patternSchema } from './pattern/pattern-schema.js';
import { validate } from './validate.js';

const assignStagesOptionsSchema = z.strictObject({ overwrite: z.boolean().default(false) });

/**
 * Schema of a rule that assigns a stage to interactions. A rule matches when every given condition
 * holds (`name`, `touchpointId`, `channel`; `namePattern` is a pattern in the subset of regular-expression syntax
 * of {@link patternSchema}, matched in linear time by {@link compilePattern}).
 *
 * @example
 * ```ts
 * import { stageRuleSchema } from '@cx/model';
 * console.log(stageRuleSchema.parse({ name: 'purchase', stageId: 'purchase' }).stageId); // 'purchase'
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export const stageRuleSchema = z
  .strictObject({
    stageId: slugSchema,
    name: z.string().min(1).optional(),
    namePattern: patternSchema.optional(),
    touchpointId: idSchema.optional(),
    channel: channelSchema.optional(),
  })
  .refine(
    (r) =>
      r.name !== undefined ||
      r.namePattern !== undefined ||
      r.touchpointId !== undefined ||
      r.channel !== undefined,
    {
      message: 'Expected at least one condition: name, namePattern, touchpointId or channel',
    },
  )
  .meta({
    id: 'StageRule',
    anyOf: [
      { required: ['name'] },
      { required: ['namePattern'] },
      { required: ['touchpointId'] },
      { required: ['channel'] },
    ],
  });

/**
 * A stage-assignment rule.
 *
 * @example
 * ```ts
 * import type { StageRule } from '@cx/model';
 * const rule: StageRule = { namePattern: '^(add_to_cart|purchase)$', channel: 'web', stageId: 'purchase' };
 * console.log(rule.stageId); // 'purchase'
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export type StageRule = z.infer<typeof stageRuleSchema>;

/**
 * Options of {@link assignStages}.
 *
 * @example
 * ```ts
 * import { assignStages, type AssignStagesOptions } from '@cx/model';
 * const options: AssignStagesOptions = { overwrite: true };
 * console.log(assignStages([], [{ name: 'purchase', stageId: 'purchase' }], options)); // []
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export interface AssignStagesOptions {
  /** Replace a stage the interaction already has (default `false`: keep it). */
  readonly overwrite?: boolean;
}

/**
 * A pattern's answers by name: interactions repeat a few event names, so each name is matched once (the map holds at
 * most one entry per interaction).
 */
function memoized(pattern: SafePattern): (name: string) => boolean {
  const answers = new Map<string, boolean>();
  return (name) => {
    let answer = answers.get(name);
    if (answer === undefined) {
      answer = pattern.test(name);
      answers.set(name, answer);
    }
    return answer;
  };
}

/**
 * Assigns stages to interactions by rules: the first matching rule wins.
 *
 * Returns new objects; the input is not changed. Interactions no rule matches keep their stage (or none).
 *
 * @param interactions - Interactions to label.
 * @param rules - Rules in priority order.
 * @param options - Whether to overwrite stages already present.
 * @returns New interactions with `stageId` set where a rule matched.
 * @throws {@link CxValidationError} when a rule is malformed, or its `namePattern` is unsupported, malformed
 *   (issue code `invalid_pattern`) or too large (`too_big`), at the path `['rules', i, 'namePattern']`.
 * @throws {@link CxOptionsError} for an unknown option.
 * @example
 * ```ts
 * import { assignStages } from '@cx/model';
 * const [e] = assignStages(
 *   [{ id: 'e1', customerId: 'c1', timestamp: '2026-01-01T00:00:00Z', name: 'add_to_cart', channel: 'web', properties: {} }],
 *   [{ namePattern: '^(add_to_cart|begin_checkout|purchase)$', stageId: 'purchase' }],
 * );
 * console.log(e?.stageId); // 'purchase'
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export function assignStages(
  interactions: readonly Interaction[],
  rules: readonly StageRule[],
  options?: AssignStagesOptions,
): Interaction[] {
  const { overwrite } = parseOptions(assignStagesOptionsSchema, options, 'assignStages');
  const compiled = rules.map((input, i) => {
    const rule = validate(stageRuleSchema, input, { subject: 'stage rule', at: ['rules', i] });
    // The schema has checked the pattern, so compiling it cannot fail.
    const pattern = rule.namePattern === undefined ? undefined : compilePattern(rule.namePattern);
    return { rule, matches: pattern === undefined ? undefined : memoized(pattern) };
  });
  return interactions.map((interaction) => {
    if (interaction.stageId !== undefined && !overwrite) return interaction;
    for (const { rule, matches } of compiled) {
      if (rule.name !== undefined && rule.name !== interaction.name) continue;
      if (matches !== undefined && !matches(interaction.name)) continue;
      if (rule.touchpointId !== undefined && rule.touchpointId !== interaction.touchpointId) continue;
      if (rule.channel !== undefined && rule.channel !== interaction.channel) continue;
      return { ...interaction, stageId: rule.stageId };
    }
    return interaction;
  });
}
