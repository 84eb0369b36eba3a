import { CxValidationError, type ValidationIssueCode } from '@cx/model';
import type { JourneyMap } from './document.js';
import type { LocatedIssue } from './issues.js';
import { KEYWORD_GUARD } from './mermaid-export.js';
import { parseMap } from './parse.js';
import { uniqueSlug } from './slug.js';

/**
 * Options of {@link fromMermaid}.
 *
 * @category Mermaid
 * @since 0.1.0
 */
export interface FromMermaidOptions {
  /** Id of the journey; defaults to a slug of the title (or `journey`). */
  readonly journeyId?: string;
}

interface Task {
  readonly name: string;
  readonly score: number;
  readonly actors: readonly string[];
}

/**
 * Imports a Mermaid `journey` diagram as a map: sections become stages, tasks steps (score 1…5 becomes the
 * expected emotion −2…+2), actors personas with an emotion curve holding the task's emotion. Follows Mermaid's
 * own grammar (comments `%%` and `#`, `accTitle`, `accDescr`), but rejects what Mermaid silently misreads.
 *
 * @param text - Mermaid journey text.
 * @param options - Journey id.
 * @returns A valid map.
 * @throws {@link @cx/model!CxValidationError} whose issues carry the 1-based `line` (and `column`): a missing
 * `journey` header, a task before any section, a score that is not a number from 1 to 5, an extra `:`, an
 * empty actor name, `;`, or an unknown statement.
 * @example
 * ```ts
 * import { fromMermaid } from '@cx/map';
 * const map = fromMermaid('journey\n  title Shop\n  section Purchase\n    Pays: 2: Anna, Piotr\n');
 * console.log(map.journey.steps[0]?.expectedEmotion, map.personas.map((p) => p.name)); // -1 ['Anna', 'Piotr']
 * ```
 * @category Mermaid
 * @since 0.1.0
 */
export function fromMermaid(text: string, options: FromMermaidOptions = {}): JourneyMap {
  const issues: LocatedIssue[] = [];
  const fail = (
    line: number,
    column: number,
    message: string,
    code: ValidationIssueCode = 'mermaid_syntax',
  ) => issues.push({ path: [], line, column, code, message: `Line ${line}, column ${column}: ${message}` });
  let title: string | undefined;
  let description: string | undefined;
  let headerSeen = false;
  const sections: Array<{ label: string; tasks: Task[] }> = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const line = n + 1;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.trimStart();
    const col = indent + 1;
    if (body === '' || body.startsWith('%%') || body.startsWith('#')) continue;
    if (!headerSeen) {
      if (/^journey\b/i.test(body) && body.slice(7).trim() === '') {
        headerSeen = true;
        continue;
      }
      fail(line, col, `expected the diagram to start with "journey", found ${JSON.stringify(body)}`);
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
    if ((m = /^title\s/i.exec(stmt))) title = stmt.slice(6);
    else if ((m = /^accTitle\s*:\s*/i.exec(stmt))) continue;
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
      else if (label === '') fail(line, col, 'a section needs a name');
      else sections.push({ label, tasks: [] });
    } else {
      const colon = stmt.indexOf(':');
      if (colon <= 0) {
        fail(
          line,
          col,
          `expected "section <name>", "title <text>" or a task "<name>: <score>: <actors>", found ${JSON.stringify(stmt)}`,
        );
        continue;
      }
      const section = sections.at(-1);
      let name = stmt.slice(0, colon);
      if (name.startsWith(KEYWORD_GUARD)) name = name.slice(1);
      const pieces = stmt.slice(colon + 1).split(':');
      if (section === undefined) {
        fail(line, col, `task ${JSON.stringify(name)} comes before any section; add a "section <name>" line`);
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
      const score = Number(pieces[0]);
      if (pieces[0]!.trim() === '' || !Number.isFinite(score) || score < 1 || score > 5) {
        fail(
          line,
          col + colon + 1,
          `expected a score from 1 to 5, found ${JSON.stringify(pieces[0]!.trim())}`,
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
  }
  if (!headerSeen && issues.length === 0)
    fail(1, 1, 'expected a Mermaid journey diagram starting with "journey"');
  if (sections.length === 0 && issues.length === 0) fail(lines.length, 1, 'expected at least one section');
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'Mermaid journey' });
  return build(sections, title, description, options);
}

function build(
  sections: ReadonlyArray<{ label: string; tasks: Task[] }>,
  title: string | undefined,
  description: string | undefined,
  options: FromMermaidOptions,
): JourneyMap {
  const stageIds = new Set<string>();
  const stepIds = new Set<string>();
  const personaIds = new Map<string, string>();
  const taken = new Set<string>();
  const curves = new Map<string, Array<{ stepId: string; emotion: number }>>();
  const stages = sections.map((s) => ({
    id: uniqueSlug(s.label, stageIds, 'stage'),
    labels: { en: s.label },
  }));
  const steps = sections.flatMap((s, i) =>
    s.tasks.map((t) => {
      const id = uniqueSlug(t.name, stepIds, 'step');
      // Rounded to 12 decimals so that 3.1 gives back 0.1, not 0.10000000000000009.
      const emotion = Math.round((t.score - 3) * 1e12) / 1e12;
      for (const actor of t.actors) {
        if (!personaIds.has(actor)) personaIds.set(actor, uniqueSlug(actor, taken, 'persona'));
        const pid = personaIds.get(actor)!;
        const points = curves.get(pid) ?? [];
        if (!points.some((p) => p.stepId === id)) points.push({ stepId: id, emotion });
        curves.set(pid, points);
      }
      return { id, stageId: stages[i]!.id, name: t.name, expectedEmotion: emotion };
    }),
  );
  const name = title?.trim() || 'Untitled journey';
  return parseMap({
    formatVersion: 1,
    journey: {
      id: options.journeyId ?? uniqueSlug(name, new Set(), 'journey'),
      name,
      ...(description ? { description } : {}),
      version: 1,
      personaIds: [...personaIds.values()],
      stages,
      steps,
    },
    personas: [...personaIds].map(([actor, id]) => ({ id, name: actor })),
    emotionCurves: [...curves].map(([personaId, points]) => ({ personaId, points })),
  });
}
