import type { JourneyMap } from './format/document.js';
import { Slugs } from './slug.js';

/** The collections whose ids an importer assigns. @internal */
export type IdCollection =
  | 'stages'
  | 'steps'
  | 'touchpoints'
  | 'momentsOfTruth'
  | 'painPoints'
  | 'desiredActions'
  | 'completedActions'
  | 'opportunities'
  | 'improvementActions'
  | 'personas'
  | 'thoughts'
  | 'blueprint'
  | 'lanes';

/** The natural key of an item: what identifies it in a form without ids (CSV, Mermaid). @internal */
export const naturalKey = (...parts: ReadonlyArray<string | undefined>): string =>
  parts.map((p) => p ?? '').join('\u0000');

class Pool {
  readonly #slugs = new Slugs();
  readonly #byKey = new Map<string, { ids: string[]; next: number }>();

  constructor(items: ReadonlyArray<{ readonly id: string; readonly key: string }>) {
    for (const { id, key } of items) {
      this.#slugs.reserve(id);
      const entry = this.#byKey.get(key);
      if (entry === undefined) this.#byKey.set(key, { ids: [id], next: 0 });
      else entry.ids.push(id);
    }
  }

  take(key: string, label: string, fallback: string): { id: string; reused: boolean } {
    const entry = this.#byKey.get(key);
    if (entry !== undefined && entry.next < entry.ids.length)
      return { id: entry.ids[entry.next++]!, reused: true };
    return { id: this.#slugs.take(label, fallback), reused: false };
  }
}

/**
 * Assigns ids to imported items. With a base map (the map a CSV or Mermaid text was exported from), an item whose
 * natural key (e.g. a step's stage and name) matches a base item gets that item's id back, so that a diff against
 * the base shows what changed, not everything removed and added again. Other items get readable slugs of their
 * text that collide with no base id. Same input, same ids.
 *
 * @internal
 */
export class ImportIds {
  readonly #pools = new Map<IdCollection, Pool>();
  #generated = 0;

  constructor(base?: JourneyMap) {
    const j = base?.journey;
    const stageOf = new Map(j?.steps.map((s) => [s.id, s.stageId]) ?? []);
    const add = (collection: IdCollection, items: ReadonlyArray<{ id: string; key: string }>) =>
      this.#pools.set(collection, new Pool(items));
    add('stages', j?.stages.map((s) => ({ id: s.id, key: naturalKey(s.labels.en) })) ?? []);
    add('steps', j?.steps.map((s) => ({ id: s.id, key: naturalKey(s.stageId, s.name) })) ?? []);
    add(
      'touchpoints',
      j?.touchpoints.map((t) => ({
        id: t.id,
        key: naturalKey(t.stageId, t.visibility, t.name, t.channel),
      })) ?? [],
    );
    add(
      'momentsOfTruth',
      j?.momentsOfTruth.map((m) => ({ id: m.id, key: naturalKey(m.stageId, m.name) })) ?? [],
    );
    add(
      'painPoints',
      j?.painPoints.map((p) => ({ id: p.id, key: naturalKey(p.stageId, p.description) })) ?? [],
    );
    add(
      'desiredActions',
      j?.desiredActions.map((d) => ({ id: d.id, key: naturalKey(d.stageId, d.name) })) ?? [],
    );
    add(
      'completedActions',
      j?.completedActions.map((c) => ({ id: c.id, key: naturalKey(c.desiredActionId, c.name) })) ?? [],
    );
    add(
      'opportunities',
      j?.opportunities.map((o) => ({ id: o.id, key: naturalKey(o.stageId, o.description) })) ?? [],
    );
    add(
      'improvementActions',
      j?.improvementActions.map((a) => ({ id: a.id, key: naturalKey(a.title, a.dueDate) })) ?? [],
    );
    add('personas', base?.personas.map((p) => ({ id: p.id, key: naturalKey(p.name) })) ?? []);
    add(
      'thoughts',
      base?.thoughts.map((t) => ({
        id: t.id,
        key: naturalKey(stageOf.get(t.stepId), t.stepId, t.personaId, t.text),
      })) ?? [],
    );
    add(
      'blueprint',
      base?.blueprint.map((b) => ({ id: b.id, key: naturalKey(b.layer, b.stageId, b.name) })) ?? [],
    );
    add(
      'lanes',
      base?.lanes.map((l) => ({
        id: l.id,
        key: l.kind === 'notes' ? naturalKey(l.kind, l.label) : naturalKey(l.kind),
      })) ?? [],
    );
  }

  /** The id of an imported item: the base item's id when the natural key matches, else a new slug. */
  take(collection: IdCollection, key: string, label: string, fallback: string): string {
    const { id, reused } = this.#pools.get(collection)!.take(key, label, fallback);
    if (!reused) this.#generated++;
    return id;
  }

  /** How many ids were made up rather than taken from the base map. */
  get generated(): number {
    return this.#generated;
  }
}
