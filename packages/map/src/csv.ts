import { CxValidationError, channelSchema } from '@cx/model';
import { readCsv, writeCsv } from './csv-text.js';
import type { JourneyMap, JourneyMapInput } from './document.js';
import { LANE_LABELS, mapGrid } from './grid.js';
import type { LocatedIssue } from './issues.js';
import type { ExportLoss, ExportResult } from './losses.js';
import { parseMap } from './parse.js';
import { uniqueSlug } from './slug.js';

/**
 * Exports a map as CSV in the spreadsheet layout: a header row `Lane, <stage labels…>`, then one row per lane
 * (one per persona for emotions), several items in a cell on separate lines (RFC 4180 quoting, CRLF).
 * Ids and links between items are not carried; `losses` lists them.
 *
 * @param map - A map, parsed or built in code.
 * @returns The CSV text and the losses.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @example
 * ```ts
 * import { toCsv } from '@cx/map';
 * const { text } = toCsv({
 *   formatVersion: 1,
 *   journey: {
 *     id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }],
 *     steps: [{ id: 'a', stageId: 'use', name: 'Unboxes' }, { id: 'b', stageId: 'use', name: 'Sets up' }],
 *   },
 *   lanes: [{ id: 'steps', kind: 'steps' }],
 * });
 * console.log(JSON.stringify(text)); // "Lane,Use\r\nSteps,\"Unboxes\nSets up\"\r\n"
 * ```
 * @category Export
 * @since 0.1.0
 */
export function toCsv(map: JourneyMap | JourneyMapInput): ExportResult {
  const m = parseMap(map);
  const { stages, rows } = mapGrid(m);
  const losses: ExportLoss[] = [];
  const flat = (text: string, path: Array<string | number>) => {
    if (!/[\r\n]/.test(text)) return text;
    losses.push({ path, message: `Line breaks in ${JSON.stringify(text)} written as spaces` });
    return text.replace(/\r?\n|\r/g, ' ');
  };
  const out = [
    ['Lane', ...stages.map((s, i) => flat(s.labels.en, ['journey', 'stages', i, 'labels', 'en']))],
  ];
  for (const row of rows)
    out.push([row.label, ...row.cells.map((items) => items.map((t) => flat(t, [])).join('\n'))]);
  const j = m.journey;
  losses.push({
    path: [],
    message:
      'Ids, stage ids, non-English labels and links between items (step → touchpoint, pain point → opportunity → action) not carried',
  });
  j.opportunities.forEach((o, i) => {
    if (o.stageId === undefined)
      losses.push({
        path: ['journey', 'opportunities', i],
        message: `Opportunity "${o.id}" has no stage, so no column`,
      });
  });
  j.improvementActions.forEach((a, i) => {
    if (a.stageId === undefined)
      losses.push({
        path: ['journey', 'improvementActions', i],
        message: `Improvement action "${a.id}" has no stage, so no column`,
      });
  });
  if (
    j.touchpoints.some((t) => t.owner !== undefined || t.description !== undefined || t.mediaType !== 'owned')
  )
    losses.push({
      path: ['journey', 'touchpoints'],
      message: 'Touchpoint owners, descriptions and media types not carried',
    });
  losses.push({ path: [], message: 'Items come back grouped by stage (column), in column order' });
  if (j.painPoints.some((p) => p.evidence.length > 0))
    losses.push({ path: ['journey', 'painPoints'], message: 'Pain-point evidence not carried' });
  if (j.desiredActions.length + j.completedActions.length > 0)
    losses.push({
      path: ['journey', 'desiredActions'],
      message: 'Interaction names of desired and completed actions not carried',
    });
  if (m.kpis.length + m.measurements.length > 0)
    losses.push({
      path: ['kpis'],
      message: 'KPIs and measurements are written as text only (not read back by fromCsv)',
    });
  if (m.personas.length > 0)
    losses.push({ path: ['personas'], message: 'Persona details other than names not carried' });
  m.thoughts.forEach((t, i) => {
    losses.push({
      path: ['thoughts', i],
      message: `Thought "${t.id}" is shown under its stage, not its step`,
    });
  });
  return { text: writeCsv(out), losses };
}

/**
 * Options of {@link fromCsv}.
 *
 * @category Export
 * @since 0.1.0
 */
export interface FromCsvOptions {
  /** Journey id; default `journey`. */
  readonly journeyId?: string;
  /** Journey name; default `Imported journey`. */
  readonly name?: string;
}

/**
 * Result of {@link fromCsv}: the map and the rows not read back, with the reason.
 *
 * @category Export
 * @since 0.1.0
 */
export interface FromCsvResult {
  /** The imported map. */
  readonly map: JourneyMap;
  /** Rows present in the CSV but not read into the map (derived or text-only rows). */
  readonly skipped: ReadonlyArray<{ readonly line: number; readonly label: string; readonly reason: string }>;
}

const SKIP: Record<string, string> = {
  channels: 'derived from the touchpoints',
  'desired-actions': 'interaction names are not in the CSV',
  'completed-actions': 'interaction names are not in the CSV',
  kpis: 'KPIs and measurements are text only',
};

/**
 * Imports the spreadsheet layout written by {@link toCsv}: stages from the header, then steps, touchpoints
 * (`Name (channel)`), backstage, thoughts, emotion rows (`Emotion: expected`, `Emotion: <persona>`), moments of
 * truth, pain points (`[severity] text (owner: …)`), opportunities, improvement actions
 * (`Title — owner, due YYYY-MM-DD (status)`); any other row becomes a notes lane.
 *
 * @param text - CSV text (RFC 4180; LF or CRLF).
 * @param options - Journey id and name.
 * @returns The map and the rows skipped.
 * @throws {@link @cx/model!CxValidationError} whose issues carry the CSV `line`: malformed CSV, a missing `Lane`
 * header, rows of the wrong width, items that do not match their lane's pattern, emotion counts that do not match
 * the steps, unknown channels.
 * @example
 * ```ts
 * import { fromCsv } from '@cx/map';
 * const { map } = fromCsv('Lane,Use\r\nSteps,Unboxes\r\nEmotion: Anna,+2\r\n');
 * console.log(map.emotionCurves[0]?.points); // [{ stepId: 'unboxes', emotion: 2 }]
 * ```
 * @category Export
 * @since 0.1.0
 */
export function fromCsv(text: string, options: FromCsvOptions = {}): FromCsvResult {
  const subject = 'journey-map CSV';
  const records = readCsv(text, subject);
  const issues: LocatedIssue[] = [];
  const fail = (line: number, message: string) =>
    issues.push({ path: [], line, code: 'invalid_csv', message: `Line ${line}: ${message}` });
  const header = records[0];
  if (header === undefined || header.fields[0]?.trim().toLowerCase() !== 'lane') {
    fail(1, 'expected a header row starting with "Lane" followed by the stage labels');
    throw new CxValidationError(issues, { subject });
  }
  const stageIds = new Set<string>();
  const stages = header.fields.slice(1).map((label, i) => {
    if (label.trim() === '') fail(1, `stage ${i + 1} has an empty label`);
    return { id: uniqueSlug(label, stageIds, 'stage'), labels: { en: label } };
  });
  const byLabel = new Map(Object.entries(LANE_LABELS).map(([kind, label]) => [label.toLowerCase(), kind]));
  const stepIds = new Set<string>();
  const steps: Array<{ id: string; stageId: string; name: string; expectedEmotion?: number }> = [];
  const body = records.slice(1).filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
  for (const r of body)
    if (r.fields.length !== stages.length + 1)
      fail(r.line, `expected ${stages.length + 1} fields, found ${r.fields.length}`);
  if (issues.length > 0) throw new CxValidationError(issues, { subject });
  const items = (cell: string) => (cell === '' ? [] : cell.split(/\r?\n/));
  const kindOf = (label: string) =>
    /^emotion:/i.test(label) ? 'emotions' : byLabel.get(label.trim().toLowerCase());
  // Steps first: other rows refer to them.
  for (const r of body.filter((r) => kindOf(r.fields[0]!) === 'steps'))
    stages.forEach((s, c) => {
      for (const name of items(r.fields[c + 1]!))
        steps.push({ id: uniqueSlug(name, stepIds, 'step'), stageId: s.id, name });
    });
  const stepsOf = (stageId: string) => steps.filter((s) => s.stageId === stageId);
  const personas = new Map<string, string>();
  const personaIds = new Set<string>();
  const doc = {
    touchpoints: [] as unknown[],
    momentsOfTruth: [] as unknown[],
    painPoints: [] as unknown[],
    opportunities: [] as unknown[],
    improvementActions: [] as unknown[],
    thoughts: [] as unknown[],
    curves: [] as Array<{ personaId: string; points: Array<{ stepId: string; emotion: number }> }>,
    lanes: [] as Array<Record<string, unknown>>,
  };
  const skipped: Array<{ line: number; label: string; reason: string }> = [];
  const laneIds = new Set<string>();
  const addLane = (kind: string, label?: string, cells?: unknown[]) => {
    if (kind !== 'notes' && doc.lanes.some((l) => l.kind === kind)) return;
    const id = uniqueSlug(label ?? kind, laneIds, 'lane');
    doc.lanes.push({ id, kind, ...(label ? { label } : {}), ...(cells ? { cells } : {}) });
  };
  // Emotion rows before thoughts, so that "Name: text" can find the persona.
  const ordered = [
    ...body.filter((r) => kindOf(r.fields[0]!) === 'emotions'),
    ...body.filter((r) => kindOf(r.fields[0]!) !== 'emotions'),
  ];
  const laneOrder = new Map(body.map((r, i) => [r, i]));
  const lanesAt: Array<[number, () => void]> = [];
  for (const r of ordered) {
    const label = r.fields[0]!;
    const kind = kindOf(label);
    const cells = r.fields.slice(1);
    const each = (fn: (item: string, stageId: string, c: number) => void) =>
      cells.forEach((cell, c) => {
        for (const item of items(cell)) fn(item, stages[c]!.id, c);
      });
    if (kind !== undefined && SKIP[kind]) {
      skipped.push({ line: r.line, label, reason: SKIP[kind] });
      lanesAt.push([laneOrder.get(r)!, () => addLane(kind)]);
      continue;
    }
    lanesAt.push([laneOrder.get(r)!, () => (kind === undefined ? undefined : addLane(kind))]);
    switch (kind) {
      case undefined: {
        const notes = cells.flatMap((cell, c) =>
          cell === '' ? [] : [{ stageId: stages[c]!.id, text: cell }],
        );
        lanesAt.pop();
        lanesAt.push([laneOrder.get(r)!, () => addLane('notes', label, notes)]);
        break;
      }
      case 'steps':
        break;
      case 'emotions': {
        const who = label.slice(label.indexOf(':') + 1).trim();
        const values = cells.map((cell, c) => {
          const list = items(cell);
          const expected = stepsOf(stages[c]!.id).length;
          if (list.length !== expected)
            fail(
              r.line,
              `stage "${stages[c]!.labels.en}" has ${expected} steps but ${list.length} emotion values`,
            );
          return list.map((v) => {
            if (v.trim() === '–' || v.trim() === '') return undefined;
            const n = Number(v);
            if (!Number.isFinite(n))
              fail(r.line, `expected an emotion from -2 to +2 or "–", found ${JSON.stringify(v)}`);
            return n;
          });
        });
        const flatValues = stages.flatMap((s, c) =>
          stepsOf(s.id).map((step, k) => [step, values[c]?.[k]] as const),
        );
        if (who.toLowerCase() === 'expected') {
          for (const [step, e] of flatValues) if (e !== undefined) step.expectedEmotion = e;
        } else {
          const id = personas.get(who) ?? uniqueSlug(who, personaIds, 'persona');
          personas.set(who, id);
          doc.curves.push({
            personaId: id,
            points: flatValues.flatMap(([step, e]) =>
              e === undefined ? [] : [{ stepId: step.id, emotion: e }],
            ),
          });
        }
        break;
      }
      case 'touchpoints':
      case 'backstage':
        each((item, stageId) => {
          const m = /^(.*) \(([^()]+)\)$/.exec(item);
          const channel = m ? channelSchema.safeParse(m[2]) : undefined;
          if (!m || !channel?.success)
            return fail(
              r.line,
              `expected "Name (channel)" with a known channel, found ${JSON.stringify(item)}`,
            );
          doc.touchpoints.push({
            id: `tp-${doc.touchpoints.length + 1}`,
            name: m[1],
            channel: channel.data,
            stageId,
            ...(kind === 'backstage' ? { visibility: 'backstage' } : {}),
          });
        });
        break;
      case 'thoughts':
        each((item, stageId) => {
          const step = stepsOf(stageId)[0];
          if (step === undefined)
            return fail(r.line, `thought ${JSON.stringify(item)} is in a stage without steps`);
          const colon = item.indexOf(': ');
          const personaId = colon > 0 ? personas.get(item.slice(0, colon)) : undefined;
          doc.thoughts.push({
            id: `th-${doc.thoughts.length + 1}`,
            stepId: step.id,
            ...(personaId ? { personaId, text: item.slice(colon + 2) } : { text: item }),
          });
        });
        break;
      case 'moments-of-truth':
        each((item, stageId) => {
          const m = /^(.*?)(?: \((zero|first|second|ultimate)\))?$/.exec(item)!;
          doc.momentsOfTruth.push({
            id: `mot-${doc.momentsOfTruth.length + 1}`,
            name: m[1],
            stageId,
            ...(m[2] ? { kind: m[2] } : {}),
          });
        });
        break;
      case 'pain-points':
        each((item, stageId) => {
          const m = /^\[(low|medium|high|critical)\] (.+?)(?: \(owner: (.+)\))?$/.exec(item);
          if (!m)
            return fail(
              r.line,
              `expected "[low|medium|high|critical] description (owner: …)", found ${JSON.stringify(item)}`,
            );
          doc.painPoints.push({
            id: `pp-${doc.painPoints.length + 1}`,
            description: m[2],
            severity: m[1],
            stageId,
            ...(m[3] ? { owner: m[3] } : {}),
          });
        });
        break;
      case 'opportunities':
        each((item, stageId) =>
          doc.opportunities.push({ id: `op-${doc.opportunities.length + 1}`, description: item, stageId }),
        );
        break;
      case 'improvement-actions':
        each((item, stageId) => {
          const m = /^(.+) — (.+), due (\d{4}-\d{2}-\d{2}) \((open|in-progress|done|dropped)\)$/.exec(item);
          if (!m)
            return fail(
              r.line,
              `expected "Title — owner, due YYYY-MM-DD (status)", found ${JSON.stringify(item)}`,
            );
          doc.improvementActions.push({
            id: `ia-${doc.improvementActions.length + 1}`,
            title: m[1],
            owner: m[2],
            dueDate: m[3],
            status: m[4],
            stageId,
          });
        });
        break;
    }
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject });
  for (const [, add] of lanesAt.sort((a, b) => a[0] - b[0])) add();
  const map = parseMap({
    formatVersion: 1,
    journey: {
      id: options.journeyId ?? 'journey',
      name: options.name ?? 'Imported journey',
      version: 1,
      personaIds: [...personas.values()],
      stages,
      touchpoints: doc.touchpoints,
      steps,
      momentsOfTruth: doc.momentsOfTruth,
      painPoints: doc.painPoints,
      opportunities: doc.opportunities,
      improvementActions: doc.improvementActions,
    },
    personas: [...personas].map(([name, id]) => ({ id, name })),
    emotionCurves: doc.curves,
    thoughts: doc.thoughts,
    lanes: doc.lanes,
  });
  return { map, skipped };
}
