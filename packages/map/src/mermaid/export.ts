import { CxValidationError, type ValidationIssue } from '@cx/model';
import { z } from 'zod';
import type { JourneyMap, JourneyMapInput } from '../format/document.js';
import type { ReadonlyDeep } from '../format/readonly-deep.js';
import type { Conversion, MapLoss } from '../losses.js';
import { checkOptions } from '../options.js';
import { parseMap } from '../parse.js';
import { roundTripLosses } from '../roundtrip.js';
import { fromMermaid } from './import.js';

/**
 * Options of {@link toMermaid}.
 *
 * @category Mermaid
 * @since 0.1.0
 */
export interface ToMermaidOptions {
  /**
   * What to do with text Mermaid's journey grammar cannot hold (`:` `;` `#` in names, `,` in actor names, line
   * breaks, `%%`, surrounding spaces, names that are only spaces): `replace` writes look-alikes (`：` `；` `＃` `，`,
   * a space, `(unnamed)`) and the round trip lists each change as a loss; `reject` throws. Default `replace`.
   */
  readonly unsafe?: 'replace' | 'reject';
}

const optionsSchema = z.strictObject({ unsafe: z.enum(['replace', 'reject']).optional() });

/** Zero-width space written before a task name that would otherwise read as a keyword; removed on import. @internal */
export const KEYWORD_GUARD = '\u200B';
const KEYWORD = /^(?:title\s|section\s|journey\b|acctitle\s*:|accdescr\s*[:{])/i;
// Mermaid sanitizes a title as HTML (`<` reads back as `&lt;`), so `<`, `>` and `&` are written as look-alikes there.
const LOOKALIKE: Readonly<Record<string, string>> = {
  ':': '：',
  ';': '；',
  '#': '＃',
  ',': '，',
  '<': '＜',
  '>': '＞',
  '&': '＆',
};
/** Placeholder for a name that is empty once Mermaid's grammar has its way (e.g. only spaces). @internal */
export const UNNAMED = '(unnamed)';

type Field = 'title' | 'section' | 'task' | 'actor';
const FORBIDDEN: Readonly<Record<Field, RegExp>> = {
  title: /[#;<>&\r\n\u2028\u2029]/g,
  section: /[#:;\r\n\u2028\u2029]/g,
  task: /[#:;\r\n\u2028\u2029]/g,
  actor: /[#:;,\r\n\u2028\u2029]/g,
};

function clean(
  text: string,
  field: Field,
  path: Array<string | number>,
  mode: 'replace' | 'reject',
  issues: ValidationIssue[],
): string {
  const problems: string[] = [];
  const bad = [...new Set(text.match(FORBIDDEN[field]) ?? [])];
  if (bad.length > 0) problems.push(`contains ${bad.map((c) => JSON.stringify(c)).join(', ')}`);
  if (text.includes('%%')) problems.push('contains "%%" (a Mermaid comment)');
  const trimmed = text.trim() !== text;
  if (trimmed) problems.push('has surrounding spaces');
  let out = text
    .replace(FORBIDDEN[field], (c) => LOOKALIKE[c] ?? ' ')
    .replaceAll('%%', '%％')
    .trim();
  if (out === '') {
    problems.push('is empty once spaces are removed');
    out = UNNAMED;
  }
  // The importer removes exactly one guard, so a name that starts with the guard character itself gets one too.
  if (field === 'task' && (KEYWORD.test(out) || out.startsWith('%') || out.startsWith(KEYWORD_GUARD)))
    out = KEYWORD_GUARD + out;
  if (problems.length > 0 && mode === 'reject')
    issues.push({
      path,
      code: 'mermaid_unsafe_text',
      message: `${JSON.stringify(text)} ${problems.join(' and ')}, which Mermaid's journey grammar cannot hold`,
    });
  return out;
}

/**
 * Exports a map as a Mermaid `journey` diagram: the title is the journey name, sections are stages (English
 * labels), tasks are steps, the score is the emotion moved from −2…+2 to 1…5 (the step's expected emotion, else
 * the mean of the personas' points, else neutral 3), and actors are the personas with a point at the step.
 *
 * The losses are found by reading the text back with {@link fromMermaid} and comparing with the map, so they list
 * exactly what a round trip loses (ids, touchpoints, pain points, persona emotions that differ from the task's
 * score, replaced characters …).
 *
 * @param map - A map, parsed or built in code.
 * @param options - How to treat text Mermaid cannot hold.
 * @returns The diagram text and its losses.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option.
 * @throws {@link @cx/model!CxValidationError} for an invalid map, or with `unsafe: 'reject'` naming
 * every field that holds `:` `;` `#` (and the like).
 * @example
 * ```ts
 * import { toMermaid } from '@cx/map';
 * const { value } = toMermaid({
 *   formatVersion: 2,
 *   journey: {
 *     id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'purchase', labels: { en: 'Purchase' } }],
 *     steps: [{ id: 'pay', stageId: 'purchase', name: 'Pays', expectedEmotion: -1 }],
 *   },
 * });
 * console.log(value); // 'journey\n  title Shop\n  section Purchase\n    Pays: 2\n'
 * ```
 * @category Mermaid
 * @since 0.1.0
 */
export function toMermaid(
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  options?: ToMermaidOptions,
): Conversion<string> {
  const { unsafe: mode = 'replace' } = checkOptions(optionsSchema, options, 'toMermaid');
  const m = parseMap(map);
  const issues: ValidationIssue[] = [];
  const j = m.journey;
  const lines = ['journey', `  title ${clean(j.name, 'title', ['journey', 'name'], mode, issues)}`];
  const actorNames = new Map(
    m.personas.map((p, i) => [p.id, clean(p.name, 'actor', ['personas', i, 'name'], mode, issues)]),
  );
  const personaOrder = new Map(m.personas.map((p, i) => [p.id, i]));
  // Points of the scenario-free curves only: Mermaid has one journey, not an as-is and a to-be one.
  const pointsByStep = new Map<string, Array<{ persona: string; emotion: number }>>();
  for (const curve of m.emotionCurves) {
    if (curve.scenario !== undefined) continue;
    for (const p of curve.points) {
      if (p.emotion === undefined) continue;
      const list = pointsByStep.get(p.stepId) ?? [];
      list.push({ persona: curve.personaId, emotion: p.emotion });
      pointsByStep.set(p.stepId, list);
    }
  }
  const stepsOf = new Map<string, number[]>(j.stages.map((s) => [s.id, []]));
  j.steps.forEach((step, i) => {
    stepsOf.get(step.stageId)?.push(i);
  });
  j.stages.forEach((stage, si) => {
    lines.push(
      `  section ${clean(stage.labels.en, 'section', ['journey', 'stages', si, 'labels', 'en'], mode, issues)}`,
    );
    for (const i of stepsOf.get(stage.id)!) {
      const step = j.steps[i]!;
      const points = (pointsByStep.get(step.id) ?? []).sort(
        (a, b) => personaOrder.get(a.persona)! - personaOrder.get(b.persona)!,
      );
      const emotion =
        step.expectedEmotion ??
        (points.length > 0 ? points.reduce((sum, p) => sum + p.emotion, 0) / points.length : 0);
      const name = clean(step.name, 'task', ['journey', 'steps', i, 'name'], mode, issues);
      const actors = points.map((p) => actorNames.get(p.persona)!).join(', ');
      lines.push(`    ${name}: ${3 + emotion}${actors === '' ? '' : `: ${actors}`}`);
    }
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'Mermaid export' });
  const text = `${lines.join('\n')}\n`;
  let losses: MapLoss[];
  try {
    losses = roundTripLosses(m, fromMermaid(text, { idsFrom: m }).value, 'Mermaid');
  } catch (error) {
    if (!(error instanceof CxValidationError)) throw error;
    losses = [
      { path: [], code: 'ambiguous_text', message: `The Mermaid text cannot be read back: ${error.message}` },
    ];
  }
  return { value: text, losses };
}
