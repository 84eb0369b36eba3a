import { CxValidationError, type ValidationIssueCode } from '@cx/model';
import { z } from 'zod';
import { limitError } from '../errors.js';
import type { JourneyMap, JourneyMapInput } from '../format/document.js';
import { ImportIds, naturalKey } from '../import-ids.js';
import type { LocatedIssue } from '../issues.js';
import type { Conversion, MapLoss } from '../losses.js';
import { checkOptions } from '../options.js';
import { parseMap } from '../parse.js';
import { limitsSchema, type MapReadLimits, resolveLimits } from '../read/limits.js';
import { slugify } from '../slug.js';
import { KEYWORD_GUARD } from './export.js';

/**
 * Options of {@link fromMermaid}.
 *
 * @category Mermaid
 * @since 0.1.0
 */
export interface FromMermaidOptions {
  /** Id of the journey; defaults to the id of `idsFrom`, else a slug of the title. */
  readonly journeyId?: string;
  /**
   * The map the text was exported from: sections, tasks and actors that match its stages (by English label), steps
   * (by stage and name) and personas (by name) keep their ids.
   */
  readonly idsFrom?: JourneyMap | JourneyMapInput;
  /** Work limits (`maxLength` applies to the text). */
  readonly limits?: MapReadLimits;
}

const optionsSchema = z.strictObject({
  journeyId: z.string().min(1).optional(),
  idsFrom: z.unknown().optional(),
  limits: limitsSchema,
});

interface Task {
  readonly name: string;
  readonly score: number;
  readonly actors: readonly string[];
}

const SUBJECT = 'Mermaid journey';

/**
 * Imports a Mermaid `journey` diagram as a map: sections become stages, tasks steps (score 1…5 becomes the
 * expected emotion −2…+2), actors personas with an emotion curve holding the task's emotion. Follows Mermaid's
 * own grammar (lines end at LF, CRLF or a lone CR; comments `%%` and `#`; `accTitle`, `accDescr`), rejects what
 * Mermaid silently misreads, and runs in time linear in the text.
 *
 * @param text - Mermaid journey text.
 * @param options - Journey id, the map to take ids from, limits.
 * @returns A valid map and its losses (ids made up from names).
 * @throws {@link @cx/model!CxValidationError} whose issues carry the 1-based `line` (and `column`): a missing
 * `journey` header, a task before any section, a score that is not a number from 1 to 5, an extra `:`, an empty
 * actor name, `;`, or an unknown statement.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option (naming the closest known one) or a value out of range.
 * @throws {@link @cx/model!CxLimitError} for text longer than `limits.maxLength`.
 * @example
 * ```ts
 * import { fromMermaid } from '@cx/map';
 * const { value: map } = fromMermaid('journey\n  title Shop\n  section Purchase\n    Pays: 2: Anna, Piotr\n');
 * console.log(map.journey.steps[0]?.expectedEmotion, map.personas.map((p) => p.name)); // -1 ['Anna', 'Piotr']
 * ```
 * @category Mermaid
 * @since 0.1.0
 */
export function fromMermaid(text: string, options?: FromMermaidOptions): Conversion<JourneyMap> {
  const opts = checkOptions(optionsSchema, options, 'fromMermaid');
  const base = opts.idsFrom === undefined ? undefined : parseMap(opts.idsFrom);
  const maxLength = resolveLimits(opts.limits).maxLength;
  if (text.length > maxLength)
    throw limitError({
      limit: 'maxLength',
      max: maxLength,
      actual: text.length,
      subject: SUBJECT,
      what: `a text of ${text.length} characters`,
    });
  const issues: LocatedIssue[] = [];
  const fail = (
    line: number,
    column: number,
    message: string,
    code: ValidationIssueCode = 'mermaid_syntax',
  ) => issues.push({ path: [], line, column, code, message });
  let title: string | undefined;
  let description: string | undefined;
  let headerSeen = false;
  const sections: Array<{ label: string; tasks: Task[] }> = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const line = n + 1;
    const body = raw.trimStart();
    const col = raw.length - body.length + 1;
    if (body === '' || body.startsWith('%%') || body.startsWith('#')) continue;
    if (!headerSeen) {
      if (/^journey\b/i.test(body) && body.slice(7).trim() === '') {
        headerSeen = true;
        continue;
      }
      fail(
        line,
        col,
        `expected the diagram to start with "journey", found ${JSON.stringify(body.slice(0, 80))}`,
      );
      break;
    }
    // Everything after # is a comment in Mermaid; a ; is a syntax error there.
    const hash = body.indexOf('#');
    const stmt = hash === -1 ? body : body.slice(0, hash);
    const semi = stmt.indexOf(';');
    if (semi !== -1) {
      fail(line, col + semi, '";" is not allowed in a Mermaid journey (one statement per line)');
      continue;
    }
    let m: RegExpExecArray | null;
    if (/^title\s/i.test(stmt)) title = stmt.slice(6);
    else if (/^accTitle\s*:/i.test(stmt)) continue;
    else if ((m = /^accDescr\s*:\s*/i.exec(body))) description = body.slice(m[0].length).trim();
    else if ((m = /^accDescr\s*\{\s*/i.exec(body))) {
      const parts = [body.slice(m[0].length)];
      while (!parts.at(-1)!.includes('}') && n + 1 < lines.length) parts.push(lines[++n]!);
      const joined = parts.join('\n');
      if (!joined.includes('}')) fail(line, col, 'accDescr { … } is not closed with "}"');
      description = joined.slice(0, joined.indexOf('}')).trim();
    } else if (/^section\s/i.test(stmt)) {
      const label = stmt.slice(8);
      if (label.includes(':')) fail(line, col + 8 + label.indexOf(':'), 'a section name cannot contain ":"');
      else if (label.trim() === '') fail(line, col, 'a section needs a name');
      else sections.push({ label, tasks: [] });
    } else {
      const colon = stmt.indexOf(':');
      if (colon <= 0) {
        fail(
          line,
          col,
          `expected "section <name>", "title <text>" or a task "<name>: <score>: <actors>", found ${JSON.stringify(stmt.slice(0, 80))}`,
        );
        continue;
      }
      const section = sections.at(-1);
      let name = stmt.slice(0, colon);
      if (name.startsWith(KEYWORD_GUARD)) name = name.slice(1);
      const pieces = stmt.slice(colon + 1).split(':');
      if (section === undefined) {
        fail(
          line,
          col,
          `task ${JSON.stringify(name.slice(0, 80))} comes before any section; add a "section <name>" line`,
        );
        continue;
      }
      if (name.trim() === '') {
        fail(line, col, 'a task needs a name before ":"');
        continue;
      }
      if (pieces.length > 2) {
        const extra = colon + 1 + pieces[0]!.length + 1 + pieces[1]!.length;
        fail(
          line,
          col + extra,
          'a task has at most two ":" (name: score: actors); Mermaid would misread this line',
        );
        continue;
      }
      const scoreText = pieces[0]!.trim();
      const score = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(scoreText)
        ? Number.parseFloat(scoreText)
        : Number.NaN;
      if (!(score >= 1 && score <= 5)) {
        fail(
          line,
          col + colon + 1,
          `expected a score from 1 to 5, found ${JSON.stringify(scoreText.slice(0, 40))}`,
          'mermaid_score',
        );
        continue;
      }
      const actors = pieces[1] === undefined ? [] : pieces[1].split(',').map((a) => a.trim());
      if (actors.some((a) => a === '')) {
        fail(line, col + colon + 1, 'empty actor name (check the commas)');
        continue;
      }
      section.tasks.push({ name, score, actors });
    }
    if (issues.length >= 1000) break;
  }
  if (!headerSeen && issues.length === 0)
    fail(1, 1, 'expected a Mermaid journey diagram starting with "journey"');
  if (sections.length === 0 && issues.length === 0) fail(lines.length, 1, 'expected at least one section');
  if (issues.length > 0) throw new CxValidationError(issues, { subject: SUBJECT });
  return build(sections, title, description, opts.journeyId, base);
}

function build(
  sections: ReadonlyArray<{ label: string; tasks: Task[] }>,
  title: string | undefined,
  description: string | undefined,
  journeyId: string | undefined,
  base: JourneyMap | undefined,
): Conversion<JourneyMap> {
  const ids = new ImportIds(base);
  const personaIds = new Map<string, string>();
  const curves = new Map<
    string,
    { points: Array<{ stepId: string; emotion: number }>; steps: Set<string> }
  >();
  const stages = sections.map((s) => ({
    id: ids.take('stages', naturalKey(s.label), s.label, 'stage'),
    labels: { en: s.label },
  }));
  const steps = sections.flatMap((s, i) =>
    s.tasks.map((t) => {
      const stageId = stages[i]!.id;
      const id = ids.take('steps', naturalKey(stageId, t.name), t.name, 'step');
      // Rounded to 12 decimals so that 3.1 gives back 0.1, not 0.10000000000000009.
      const emotion = Math.round((t.score - 3) * 1e12) / 1e12;
      for (const actor of t.actors) {
        let pid = personaIds.get(actor);
        if (pid === undefined) {
          pid = ids.take('personas', naturalKey(actor), actor, 'persona');
          personaIds.set(actor, pid);
        }
        let curve = curves.get(pid);
        if (curve === undefined) {
          curve = { points: [], steps: new Set() };
          curves.set(pid, curve);
        }
        if (!curve.steps.has(id)) {
          curve.steps.add(id);
          curve.points.push({ stepId: id, emotion });
        }
      }
      return { id, stageId, name: t.name, expectedEmotion: emotion };
    }),
  );
  const name = title?.trim() || 'Untitled journey';
  const id = journeyId ?? base?.journey.id ?? (slugify(name) || 'journey');
  const losses: MapLoss[] = [];
  if (ids.generated > 0)
    losses.push({
      path: [],
      code: 'id_generated',
      message: `${ids.generated} ids made up from names (Mermaid carries no ids)${base === undefined ? '; pass idsFrom to keep the ids of the map the text was exported from' : ''}`,
    });
  const value = parseMap({
    formatVersion: 2,
    journey: {
      id,
      name,
      ...(description ? { description } : {}),
      version: 1,
      personaIds: [...personaIds.values()],
      stages,
      steps,
    },
    personas: [...personaIds].map(([actor, pid]) => ({ id: pid, name: actor })),
    emotionCurves: [...curves].map(([personaId, c]) => ({ personaId, points: c.points })),
  });
  return { value, losses };
}
