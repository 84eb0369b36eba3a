import { channelSchema, emotionSchema, validate } from '@cx/model';
import { z } from 'zod';
import { Slugs, slugify } from '../slug.js';

/**
 * Schema of the format version 0 document: a titled flat list of steps, each naming its stage by label.
 * Version 0 files may omit `formatVersion`.
 *
 * @example
 * ```ts
 * import { mapV0Schema } from '@cx/map';
 * const v0 = mapV0Schema.parse({ title: 'Shop', steps: [{ stage: 'Purchase', name: 'Pays', emotion: -1 }] });
 * console.log(v0.steps.length); // 1
 * ```
 * @category Migration
 * @since 0.1.0
 */
export const mapV0Schema = z
  .strictObject({
    formatVersion: z.literal(0).optional(),
    title: z.string().min(1),
    persona: z.string().min(1).optional(),
    steps: z
      .array(
        z.strictObject({
          stage: z.string().min(1),
          name: z.string().min(1),
          touchpoint: z.string().min(1).optional(),
          channel: channelSchema.optional(),
          emotion: emotionSchema.optional(),
          thought: z.string().min(1).optional(),
          painPoint: z.string().min(1).optional(),
        }),
      )
      .min(1, { message: 'Expected at least one step' }),
  })
  .meta({ id: 'JourneyMapV0', description: 'Journey-map format version 0: a flat list of steps.' });

/**
 * A version 0 document.
 *
 * @category Migration
 * @since 0.1.0
 */
export type JourneyMapV0 = z.infer<typeof mapV0Schema>;

/** Format 0 → 1. @internal */
export function v0ToV1(document: unknown): unknown {
  const v0 = validate(mapV0Schema, document, { subject: 'JourneyMap v0' });
  const stageIds = new Map<string, string>();
  const taken = new Slugs();
  for (const step of v0.steps)
    if (!stageIds.has(step.stage)) stageIds.set(step.stage, taken.take(step.stage, 'stage'));
  const touchpoints = new Map<string, { id: string; name: string; channel: string; stageId: string }>();
  const personaId = v0.persona === undefined ? undefined : slugify(v0.persona) || 'persona';
  const steps = v0.steps.map((s, i) => {
    const stageId = stageIds.get(s.stage)!;
    const touchpointIds: string[] = [];
    if (s.touchpoint !== undefined || s.channel !== undefined) {
      const channel = s.channel ?? 'other';
      const name = s.touchpoint ?? channel;
      const key = JSON.stringify([stageId, name, channel]);
      let tp = touchpoints.get(key);
      if (tp === undefined) {
        tp = { id: `tp-${touchpoints.size + 1}`, name, channel, stageId };
        touchpoints.set(key, tp);
      }
      touchpointIds.push(tp.id);
    }
    return {
      id: `step-${i + 1}`,
      stageId,
      name: s.name,
      touchpointIds,
      ...(s.emotion === undefined ? {} : { expectedEmotion: s.emotion }),
    };
  });
  const painPoints = v0.steps.flatMap((s, i) =>
    s.painPoint === undefined
      ? []
      : [
          {
            id: `pp-${i + 1}`,
            description: s.painPoint,
            severity: 'medium',
            stageId: stageIds.get(s.stage)!,
          },
        ],
  );
  const thoughts = v0.steps.flatMap((s, i) =>
    s.thought === undefined
      ? []
      : [
          {
            id: `th-${i + 1}`,
            stepId: `step-${i + 1}`,
            ...(personaId ? { personaId } : {}),
            text: s.thought,
          },
        ],
  );
  const points = v0.steps.flatMap((s, i) =>
    s.emotion === undefined ? [] : [{ stepId: `step-${i + 1}`, emotion: s.emotion }],
  );
  return {
    formatVersion: 1,
    journey: {
      id: slugify(v0.title) || 'journey',
      name: v0.title,
      version: 1,
      personaIds: personaId ? [personaId] : [],
      stages: [...stageIds].map(([label, id]) => ({ id, labels: { en: label } })),
      touchpoints: [...touchpoints.values()],
      steps,
      painPoints,
    },
    personas: personaId && v0.persona ? [{ id: personaId, name: v0.persona }] : [],
    emotionCurves: personaId ? [{ personaId, points }] : [],
    thoughts,
  };
}
