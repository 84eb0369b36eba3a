import { CxValidationError } from '@cx/model';
import { z } from 'zod';
import type { JourneyMap, JourneyMapInput } from '../format/document.js';
import { cellItems } from '../grid/items.js';
import { LANE_LABELS } from '../grid/rows.js';
import { ImportIds, naturalKey } from '../import-ids.js';
import type { LocatedIssue } from '../issues.js';
import type { Conversion, MapLoss } from '../losses.js';
import { checkOptions } from '../options.js';
import { parseMap } from '../parse.js';
import { limitsSchema, type MapReadLimits, resolveLimits } from '../read/limits.js';
import { classifyRow, type RowKind } from './classify.js';
import { unguardCell } from './formula-guard.js';
import {
  type Read,
  readAction,
  readEmotion,
  readImprovement,
  readMoment,
  readNamed,
  readOpportunity,
  readPainPoint,
  readTouchpoint,
} from './read-items.js';
import { readCsv } from './text.js';

const SUBJECT = 'journey-map CSV';

/**
 * Options of {@link fromCsv}.
 *
 * @category Conversion
 * @since 0.1.0
 */
export interface FromCsvOptions {
  /** Journey id; default `journey`. */
  readonly journeyId?: string;
  /** Journey name; default `Imported journey`. */
  readonly name?: string;
  /**
   * The map the CSV was exported from: items that match one of its items (a step by stage and name, a pain point
   * by stage and description …) keep that item's id, so that `diffMaps(base, imported)` shows what changed.
   */
  readonly idsFrom?: JourneyMap | JourneyMapInput;
  /** Remove one leading apostrophe from every cell, undoing {@link toCsv}'s formula guard; default true. */
  readonly formulaGuard?: boolean;
  /** Work limits (`maxLength` applies to the CSV text). */
  readonly limits?: MapReadLimits;
}

const optionsSchema = z.strictObject({
  journeyId: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  idsFrom: z.unknown().optional(),
  formulaGuard: z.boolean().optional(),
  limits: limitsSchema,
});

interface Row {
  readonly line: number;
  readonly kind: RowKind;
  readonly label: string;
  readonly cells: readonly string[];
}

/**
 * Imports the spreadsheet layout written by {@link toCsv}: stages from the header row, then one row per lane
 * (`Steps`, `Goals`, `Touchpoints`, `Emotion: <persona>`, `Thoughts: <persona>`, `Pain points`,
 * `Blueprint: <layer>` …; see docs/map-format.md for each item's grammar); a row with any other label becomes a
 * notes lane. Reading is linear in the text.
 *
 * @param text - CSV text (RFC 4180; LF, CRLF or CR line ends).
 * @param options - Journey id and name, the map to take ids from, the formula guard, limits.
 * @returns The map and its losses: rows not read back (`row_skipped`, with their line), ids made up, thoughts
 * without a step.
 * @throws {@link @cx/model!CxValidationError} whose issues carry the CSV `line`: malformed CSV, a missing `Lane`
 * header, rows of the wrong width, items that do not follow their lane's grammar, emotion counts that do not
 * match the steps, unknown channels or steps.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option (naming the closest known one) or a value out of range.
 * @throws {@link @cx/model!CxLimitError} for text longer than `limits.maxLength`.
 * @example
 * ```ts
 * import { fromCsv } from '@cx/map';
 * const { value: map } = fromCsv('Lane,Use\r\nSteps,Unboxes\r\nEmotion: Anna,+2 (delighted)\r\n');
 * console.log(map.emotionCurves[0]?.points); // [{ stepId: 'unboxes', emotion: 2, words: ['delighted'] }]
 * ```
 * @category Conversion
 * @since 0.1.0
 */
export function fromCsv(text: string, options?: FromCsvOptions): Conversion<JourneyMap> {
  const opts = checkOptions(optionsSchema, options, 'fromCsv');
  const base = opts.idsFrom === undefined ? undefined : parseMap(opts.idsFrom);
  const guard = opts.formulaGuard ?? true;
  const records = readCsv(text, SUBJECT, resolveLimits(opts.limits).maxLength);
  const cell = (s: string) => (guard ? unguardCell(s) : s);
  const issues: LocatedIssue[] = [];
  const losses: MapLoss[] = [];
  const fail = (line: number, message: string) =>
    issues.push({ path: [], line, code: 'invalid_csv', message });
  const header = records[0];
  if (
    header === undefined ||
    cell(header.fields[0] ?? '')
      .trim()
      .toLowerCase() !== 'lane'
  ) {
    fail(1, 'expected a header row starting with "Lane" followed by the stage labels');
    throw new CxValidationError(issues, { subject: SUBJECT });
  }
  const ids = new ImportIds(base);
  const stages = header.fields.slice(1).map((raw, i) => {
    const label = cell(raw);
    if (label === '') fail(1, `stage ${i + 1} has an empty label`);
    return {
      id: ids.take('stages', naturalKey(label), label, 'stage'),
      labels: { en: label },
      goals: [] as string[],
      expectations: [] as string[],
    };
  });
  const rows: Row[] = [];
  for (const r of records.slice(1)) {
    if (r.fields.length === 1 && r.fields[0] === '') continue;
    if (r.fields.length !== stages.length + 1) {
      fail(r.line, `expected ${stages.length + 1} fields, found ${r.fields.length}`);
      continue;
    }
    const label = cell(r.fields[0]!);
    rows.push({ line: r.line, kind: classifyRow(label), label, cells: r.fields.slice(1).map(cell) });
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: SUBJECT });

  const builder = new Builder(stages, ids, fail, losses);
  // Rows that others refer to come first: steps, then desired actions; the rest in their order.
  const first = rows.filter((r) => r.kind.kind === 'steps');
  const second = rows.filter((r) => r.kind.kind === 'desired-actions');
  for (const row of [...first, ...second, ...rows.filter((r) => !first.includes(r) && !second.includes(r))])
    builder.row(row);
  if (issues.length > 0) throw new CxValidationError(issues, { subject: SUBJECT });
  if (ids.generated > 0)
    losses.push({
      path: [],
      code: 'id_generated',
      message: `${ids.generated} ids made up from names (a CSV carries no ids)${base === undefined ? '; pass idsFrom to keep the ids of the map the CSV was exported from' : ''}`,
    });
  const map = parseMap({
    formatVersion: 2,
    journey: {
      id: opts.journeyId ?? 'journey',
      name: opts.name ?? 'Imported journey',
      version: 1,
      personaIds: [...builder.personas.values()],
      stages,
      ...builder.journey,
    },
    personas: [...builder.personas].map(([name, id]) => ({ id, name })),
    emotionCurves: builder.curves,
    thoughts: builder.thoughts,
    blueprint: builder.blueprint,
    lanes: builder.lanes(rows),
  });
  return { value: map, losses };
}

type Fail = (line: number, message: string) => void;

/** Builds the map's parts row by row. */
class Builder {
  readonly personas = new Map<string, string>();
  readonly curves: Array<{ personaId: string; scenario?: string; points: unknown[] }> = [];
  readonly thoughts: unknown[] = [];
  readonly blueprint: unknown[] = [];
  readonly journey = {
    steps: [] as Array<{
      id: string;
      stageId: string;
      name: string;
      expectedEmotion?: number;
      scenario?: string;
    }>,
    touchpoints: [] as unknown[],
    momentsOfTruth: [] as unknown[],
    painPoints: [] as unknown[],
    desiredActions: [] as Array<{ id: string; stageId: string; name: string; interactionNames: string[] }>,
    completedActions: [] as unknown[],
    opportunities: [] as unknown[],
    improvementActions: [] as unknown[],
  };
  readonly #read = new Set<string>();
  readonly #laneRows = new Map<Row, { kind: string; label?: string; cells?: unknown[] }>();
  readonly #stepByName = new Map<string, string>();
  readonly #stepsOf = new Map<string, Array<{ id: string; expectedEmotion?: number }>>();
  readonly #desiredByName = new Map<string, string>();

  constructor(
    readonly stages: ReadonlyArray<{
      id: string;
      labels: { en: string };
      goals: string[];
      expectations: string[];
    }>,
    readonly ids: ImportIds,
    readonly fail: Fail,
    readonly losses: MapLoss[],
  ) {
    for (const s of stages) this.#stepsOf.set(s.id, []);
  }

  persona(name: string): string {
    let id = this.personas.get(name);
    if (id === undefined) {
      id = this.ids.take('personas', naturalKey(name), name, 'persona');
      this.personas.set(name, id);
    }
    return id;
  }

  /** Each item of each cell with its stage; bad items are reported with the row's line. */
  #each<T>(row: Row, read: (item: string) => Read<T>, use: (value: T, stageId: string) => void): void {
    row.cells.forEach((text, c) => {
      for (const item of cellItems(text)) {
        const result = read(item);
        if (!result.ok) this.fail(row.line, `${result.error} (stage "${this.stages[c]!.labels.en}")`);
        else use(result.value, this.stages[c]!.id);
      }
    });
  }

  #step(row: Row, stageId: string, name: string | undefined, required: boolean): string | undefined {
    if (name === undefined) {
      if (!required) return undefined;
      const firstStep = this.#stepsOf.get(stageId)?.[0]?.id;
      if (firstStep === undefined)
        this.fail(row.line, `an item in stage "${stageId}" needs a step, but the stage has none`);
      else
        this.losses.push({
          path: [],
          line: row.line,
          code: 'value_approximated',
          message: `An item without "(step: …)" was placed at the first step of stage "${stageId}"`,
        });
      return firstStep;
    }
    const id = this.#stepByName.get(naturalKey(stageId, name));
    if (id === undefined) this.fail(row.line, `unknown step ${JSON.stringify(name)} in stage "${stageId}"`);
    return id;
  }

  #skip(row: Row, reason: string): void {
    this.losses.push({
      path: [],
      line: row.line,
      code: 'row_skipped',
      message: `Row "${row.label}" not read: ${reason}`,
    });
  }

  row(row: Row): void {
    const k = row.kind;
    const key =
      k.kind === 'emotions'
        ? `emotions:${k.who}:${k.scenario ?? ''}`
        : k.kind === 'thoughts'
          ? `thoughts:${k.who}`
          : k.kind === 'blueprint'
            ? `blueprint:${k.layer}`
            : k.kind;
    if (k.kind !== 'notes') {
      if (this.#read.has(key)) {
        this.#skip(row, `a second "${row.label}" row`);
        return;
      }
      this.#read.add(key);
    }
    const laneKind = k.kind;
    const j = this.journey;
    switch (k.kind) {
      case 'channels':
        this.#laneRows.set(row, { kind: 'channels' });
        this.#skip(row, 'channels are derived from the touchpoints');
        return;
      case 'kpis':
        this.#laneRows.set(row, { kind: 'kpis' });
        this.#skip(row, 'KPIs and measurements are text only');
        return;
      case 'notes': {
        const cells = row.cells.flatMap((text, c) =>
          text === '' ? [] : [{ stageId: this.stages[c]!.id, text }],
        );
        this.#laneRows.set(row, {
          kind: 'notes',
          ...(k.label === undefined ? {} : { label: k.label }),
          cells,
        });
        return;
      }
      case 'steps':
        this.#each(
          row,
          (item) => readNamed(item, []),
          (v, stageId) => {
            const id = this.ids.take('steps', naturalKey(stageId, v.name), v.name, 'step');
            const step = { id, stageId, name: v.name, ...(v.scenario ? { scenario: v.scenario } : {}) };
            j.steps.push(step);
            this.#stepsOf.get(stageId)!.push(step);
            const byName = naturalKey(stageId, v.name);
            if (!this.#stepByName.has(byName)) this.#stepByName.set(byName, id);
          },
        );
        break;
      case 'goals':
      case 'expectations':
        row.cells.forEach((text, c) => {
          const stage = this.stages[c]!;
          (k.kind === 'goals' ? stage.goals : stage.expectations).push(...cellItems(text));
        });
        break;
      case 'touchpoints':
      case 'backstage':
        this.#each(row, readTouchpoint, (v, stageId) => {
          const visibility = k.kind === 'backstage' ? 'backstage' : 'frontstage';
          j.touchpoints.push({
            id: this.ids.take(
              'touchpoints',
              naturalKey(stageId, visibility, v.name, v.channel),
              v.name,
              'touchpoint',
            ),
            name: v.name,
            channel: v.channel,
            stageId,
            visibility,
            ...(v.scenario ? { scenario: v.scenario } : {}),
          });
        });
        break;
      case 'emotions':
        this.#emotions(row, k.who, k.scenario);
        break;
      case 'thoughts': {
        const personaId = k.who === null ? undefined : this.persona(k.who);
        this.#each(
          row,
          (item) => readNamed(item, ['step']),
          (v, stageId) => {
            const stepId = this.#step(row, stageId, v.groups.get('step'), true);
            if (stepId === undefined) return;
            this.thoughts.push({
              id: this.ids.take(
                'thoughts',
                naturalKey(stageId, stepId, personaId, v.name),
                v.name,
                'thought',
              ),
              stepId,
              ...(personaId ? { personaId } : {}),
              text: v.name,
              ...(v.scenario ? { scenario: v.scenario } : {}),
            });
          },
        );
        break;
      }
      case 'moments-of-truth':
        this.#each(row, readMoment, (v, stageId) => {
          const stepId = this.#step(row, stageId, v.step, false);
          j.momentsOfTruth.push({
            id: this.ids.take('momentsOfTruth', naturalKey(stageId, v.name), v.name, 'moment'),
            name: v.name,
            stageId,
            ...(stepId ? { stepId } : {}),
            ...(v.kind ? { kind: v.kind } : {}),
            ...(v.scenario ? { scenario: v.scenario } : {}),
          });
        });
        break;
      case 'pain-points':
        this.#each(row, readPainPoint, (v, stageId) => {
          const stepId = this.#step(row, stageId, v.step, false);
          j.painPoints.push({
            id: this.ids.take('painPoints', naturalKey(stageId, v.description), v.description, 'pain-point'),
            description: v.description,
            severity: v.severity,
            stageId,
            ...(stepId ? { stepId } : {}),
            personaIds: v.personas.map((name) => this.persona(name)),
            ...(v.frequency ? { frequency: v.frequency } : {}),
            ...(v.businessImpact ? { businessImpact: v.businessImpact } : {}),
            ...(v.owner ? { owner: v.owner } : {}),
            ...(v.scenario ? { scenario: v.scenario } : {}),
          });
        });
        break;
      case 'desired-actions':
        this.#each(
          row,
          (item) => readAction(item, false),
          (v, stageId) => {
            const id = this.ids.take('desiredActions', naturalKey(stageId, v.name), v.name, 'desired');
            j.desiredActions.push({ id, stageId, name: v.name, interactionNames: v.events });
            if (!this.#desiredByName.has(naturalKey(stageId, v.name)))
              this.#desiredByName.set(naturalKey(stageId, v.name), id);
          },
        );
        break;
      case 'completed-actions':
        this.#each(
          row,
          (item) => readAction(item, true),
          (v, stageId) => {
            const desiredActionId =
              v.for === undefined ? undefined : this.#desiredByName.get(naturalKey(stageId, v.for));
            if (desiredActionId === undefined)
              return this.fail(
                row.line,
                `completed action ${JSON.stringify(v.name)} needs "(for: <desired action of its stage>)"`,
              );
            j.completedActions.push({
              id: this.ids.take('completedActions', naturalKey(desiredActionId, v.name), v.name, 'completed'),
              desiredActionId,
              name: v.name,
              interactionNames: v.events,
            });
          },
        );
        break;
      case 'opportunities':
        this.#each(row, readOpportunity, (v, stageId) => {
          const stepId = this.#step(row, stageId, v.step, false);
          const { step: _, ...fields } = v;
          j.opportunities.push({
            id: this.ids.take(
              'opportunities',
              naturalKey(stageId, v.description),
              v.description,
              'opportunity',
            ),
            stageId,
            ...(stepId ? { stepId } : {}),
            ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
          });
        });
        break;
      case 'improvement-actions':
        this.#each(row, readImprovement, (v, stageId) => {
          j.improvementActions.push({
            id: this.ids.take('improvementActions', naturalKey(v.title, v.dueDate), v.title, 'action'),
            ...v,
            stageId,
          });
        });
        break;
      case 'blueprint':
        this.#each(
          row,
          (item) => readNamed(item, ['step', 'owner']),
          (v, stageId) => {
            const stepId = this.#step(row, stageId, v.groups.get('step'), false);
            const owner = v.groups.get('owner');
            this.blueprint.push({
              id: this.ids.take('blueprint', naturalKey(k.layer, stageId, v.name), v.name, 'action'),
              layer: k.layer,
              stageId,
              ...(stepId ? { stepId } : {}),
              name: v.name,
              ...(owner ? { owner } : {}),
              ...(v.scenario ? { scenario: v.scenario } : {}),
            });
          },
        );
        break;
    }
    if (!this.#read.has(`lane:${laneKind}`)) {
      this.#read.add(`lane:${laneKind}`);
      this.#laneRows.set(row, { kind: laneKind });
    }
  }

  #emotions(row: Row, who: string | null, scenario: string | undefined): void {
    const values = this.stages.map((stage, c) => {
      const items = cellItems(row.cells[c]!);
      const steps = this.#stepsOf.get(stage.id)!;
      if (items.length === 0) return steps.map(() => undefined);
      if (items.length !== steps.length) {
        this.fail(
          row.line,
          `stage "${stage.labels.en}" has ${steps.length} steps but ${items.length} emotion values`,
        );
        return [];
      }
      return items.map((item) => {
        const read = readEmotion(item);
        if (!read.ok) this.fail(row.line, read.error);
        return read.ok ? read.value : undefined;
      });
    });
    const points: Array<{ stepId: string; emotion?: number; words: string[] }> = [];
    this.stages.forEach((stage, c) => {
      this.#stepsOf.get(stage.id)!.forEach((step, k) => {
        const v = values[c]?.[k];
        if (v === undefined) return;
        if (who !== null) points.push({ stepId: step.id, ...v, words: v.words });
        else if (v.words.length > 0) this.fail(row.line, 'expected emotions are numbers only, without words');
        else if (v.emotion !== undefined) step.expectedEmotion = v.emotion;
      });
    });
    if (who === null) return;
    this.curves.push({ personaId: this.persona(who), ...(scenario ? { scenario } : {}), points });
  }

  /** One lane per kind (the first row of it), one per notes row, in the order of the rows. */
  lanes(rows: readonly Row[]): unknown[] {
    return rows.flatMap((row) => {
      const lane = this.#laneRows.get(row);
      if (lane === undefined) return [];
      const label = lane.label;
      return [
        {
          id: this.ids.take(
            'lanes',
            lane.kind === 'notes' ? naturalKey(lane.kind, label) : naturalKey(lane.kind),
            label ?? LANE_LABELS[lane.kind as keyof typeof LANE_LABELS] ?? lane.kind,
            'lane',
          ),
          ...lane,
        },
      ];
    });
  }
}
