import { CxValidationError, type ValidationIssue } from '@cx/model';
import type { JourneyMap, JourneyMapInput } from './document.js';
import type { ExportLoss, ExportResult } from './losses.js';
import { parseMap } from './parse.js';

/**
 * Options of {@link toMermaid}.
 *
 * @category Mermaid
 * @since 0.1.0
 */
export interface ToMermaidOptions {
  /**
   * What to do with text Mermaid's journey grammar cannot hold (`:` `;` `#` in names, `,` in actor names,
   * line breaks, `%%`, surrounding spaces): `replace` writes look-alikes (`：` `；` `＃` `，`, a space) and lists each
   * change as a loss; `reject` throws. Default `replace`.
   */
  readonly unsafe?: 'replace' | 'reject';
}

/** Zero-width space written before a task name that would otherwise read as a keyword; removed on import. @internal */
export const KEYWORD_GUARD = '\u200B';
const KEYWORD = /^(?:title\s|section\s|journey\b|acctitle\s*:|accdescr\s*[:{])/i;
const LOOKALIKE: Record<string, string> = {
  ':': '：',
  ';': '；',
  '#': '＃',
  ',': '，',
  '\n': ' ',
  '\r': ' ',
};

type Field = 'title' | 'section' | 'task' | 'actor';
const FORBIDDEN: Record<Field, RegExp> = {
  title: /[#;\r\n]/g,
  section: /[#:;\r\n]/g,
  task: /[#:;\r\n]/g,
  actor: /[#:;,\r\n]/g,
};

function clean(
  text: string,
  field: Field,
  path: Array<string | number>,
  mode: 'replace' | 'reject',
  issues: ValidationIssue[],
  losses: ExportLoss[],
): string {
  const problems: string[] = [];
  const bad = [...new Set(text.match(FORBIDDEN[field]) ?? [])];
  if (bad.length > 0) problems.push(`contains ${bad.map((c) => JSON.stringify(c)).join(', ')}`);
  if (text.includes('%%')) problems.push('contains "%%" (a Mermaid comment)');
  const trims = field !== 'section' && text.trim() !== text;
  if (trims) problems.push('has surrounding spaces');
  let out = text.replace(FORBIDDEN[field], (c) => LOOKALIKE[c] ?? ' ').replaceAll('%%', '%％');
  if (trims) out = out.trim();
  if (field === 'task' && (KEYWORD.test(out) || out.startsWith('%'))) out = KEYWORD_GUARD + out;
  if (problems.length > 0) {
    const message = `${JSON.stringify(text)} ${problems.join(' and ')}, which Mermaid's journey grammar cannot hold`;
    if (mode === 'reject') issues.push({ path, message, code: 'mermaid_unsafe_text' });
    else losses.push({ path, message: `${message}; written as ${JSON.stringify(out)}` });
  }
  return out;
}

/** Mermaid score (1…5) of an emotion (−2…+2). */
const score = (emotion: number) => String(3 + emotion);

/**
 * Exports a map as a Mermaid `journey` diagram: the title is the journey name, sections are stages (English
 * labels), tasks are steps, the score is the emotion moved from −2…+2 to 1…5 (the step's expected emotion, else
 * the mean of the personas' curve points, else neutral 3), and actors are the personas with a curve point at
 * the step. Everything else is listed in `losses`.
 *
 * @param map - A map, parsed or built in code.
 * @param options - How to treat text Mermaid cannot hold.
 * @returns The diagram text and the losses.
 * @throws {@link @cx/model!CxValidationError} for an invalid map, or with `unsafe: 'reject'` naming every field
 * that holds `:` `;` `#` (and the like).
 * @example
 * ```ts
 * import { toMermaid } from '@cx/map';
 * const { text } = toMermaid({
 *   formatVersion: 1,
 *   journey: {
 *     id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'purchase', labels: { en: 'Purchase' } }],
 *     steps: [{ id: 'pay', stageId: 'purchase', name: 'Pays', expectedEmotion: -1 }],
 *   },
 * });
 * console.log(text); // 'journey\n  title Shop\n  section Purchase\n    Pays: 2\n'
 * ```
 * @category Mermaid
 * @since 0.1.0
 */
export function toMermaid(map: JourneyMap | JourneyMapInput, options: ToMermaidOptions = {}): ExportResult {
  const m = parseMap(map);
  const mode = options.unsafe ?? 'replace';
  const issues: ValidationIssue[] = [];
  const losses: ExportLoss[] = [];
  const j = m.journey;
  const lines = ['journey', `  title ${clean(j.name, 'title', ['journey', 'name'], mode, issues, losses)}`];
  const personaIndex = new Map(m.personas.map((p, i) => [p.id, i]));
  const actorNames = m.personas.map((p, i) =>
    clean(p.name, 'actor', ['personas', i, 'name'], mode, issues, losses),
  );
  const seenActors = new Map<string, number>();
  actorNames.forEach((name, i) => {
    const first = seenActors.get(name);
    if (first !== undefined)
      losses.push({
        path: ['personas', i, 'name'],
        message: `Persona name "${name}" is also used by persona ${first}; Mermaid will merge the two actors`,
      });
    else seenActors.set(name, i);
  });
  const pointsByStep = new Map<string, Array<{ persona: number; emotion: number }>>();
  m.emotionCurves.forEach((curve) => {
    const persona = personaIndex.get(curve.personaId)!;
    for (const p of curve.points) {
      const list = pointsByStep.get(p.stepId) ?? [];
      list.push({ persona, emotion: p.emotion });
      pointsByStep.set(p.stepId, list);
    }
  });
  j.stages.forEach((stage, si) => {
    lines.push(
      `  section ${clean(stage.labels.en, 'section', ['journey', 'stages', si, 'labels', 'en'], mode, issues, losses)}`,
    );
    j.steps.forEach((step, i) => {
      if (step.stageId !== stage.id) return;
      const points = (pointsByStep.get(step.id) ?? []).sort((a, b) => a.persona - b.persona);
      let emotion = step.expectedEmotion;
      if (emotion === undefined && points.length > 0) {
        emotion = points.reduce((sum, p) => sum + p.emotion, 0) / points.length;
        losses.push({
          path: ['journey', 'steps', i],
          message: `Step "${step.id}" has no expected emotion; its score is the personas' mean ${emotion}`,
        });
      } else if (emotion === undefined) {
        emotion = 0;
        losses.push({
          path: ['journey', 'steps', i],
          message: `Step "${step.id}" has no emotion; written as neutral score 3`,
        });
      }
      for (const p of points)
        if (p.emotion !== emotion)
          losses.push({
            path: [
              'emotionCurves',
              m.emotionCurves.findIndex((c) => c.personaId === m.personas[p.persona]!.id),
              'points',
            ],
            message: `Persona "${m.personas[p.persona]!.id}" feels ${p.emotion} at step "${step.id}"; Mermaid has one score per task (${emotion})`,
          });
      const name = clean(step.name, 'task', ['journey', 'steps', i, 'name'], mode, issues, losses);
      const actors = points.map((p) => actorNames[p.persona]!).join(', ');
      lines.push(`    ${name}: ${score(emotion)}${actors === '' ? '' : `: ${actors}`}`);
    });
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'Mermaid export' });
  const count = (n: number, what: string, path: string[]) => {
    if (n > 0)
      losses.push({ path, message: `${n} ${what} not carried (Mermaid journey has no place for them)` });
  };
  losses.push({
    path: ['journey', 'stages'],
    message: 'Stage ids and non-English labels not carried (sections are English labels)',
  });
  count(j.touchpoints.length, 'touchpoints', ['journey', 'touchpoints']);
  count(j.momentsOfTruth.length, 'moments of truth', ['journey', 'momentsOfTruth']);
  count(j.painPoints.length, 'pain points', ['journey', 'painPoints']);
  count(j.desiredActions.length, 'desired actions', ['journey', 'desiredActions']);
  count(j.completedActions.length, 'completed actions', ['journey', 'completedActions']);
  count(j.opportunities.length, 'opportunities', ['journey', 'opportunities']);
  count(j.improvementActions.length, 'improvement actions', ['journey', 'improvementActions']);
  count(m.thoughts.length, 'thoughts', ['thoughts']);
  count(m.kpis.length, 'KPIs', ['kpis']);
  count(m.measurements.length, 'measurements', ['measurements']);
  if (m.personas.length > 0)
    losses.push({ path: ['personas'], message: 'Persona details other than names not carried' });
  m.personas.forEach((p, i) => {
    if (!m.emotionCurves.some((c) => c.personaId === p.id && c.points.length > 0))
      losses.push({
        path: ['personas', i],
        message: `Persona "${p.id}" has no emotion points, so appears at no task`,
      });
  });
  return { text: `${lines.join('\n')}\n`, losses };
}
