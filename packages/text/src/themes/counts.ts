/** A short quote that contains a theme. */
export interface ThemeExample {
  /** Id of the document. */
  readonly id: string;
  /** The document's text. */
  readonly text: string;
}

/** Counts of one term in one group of documents. */
export interface TermCount {
  count: number;
  documents: number;
  readonly surfaces: Map<string, number>;
  examples: ThemeExample[];
  /** Ids of every document containing the term, in the order added (each once). */
  readonly ids: string[];
  readonly idSet: Set<string>;
}

/** Orders examples: shortest text first, then by id, so that the kept examples do not depend on order. */
export function compareExamples(a: ThemeExample, b: ThemeExample): number {
  return a.text.length - b.text.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Mergeable term counts of one group of documents. */
export class TermCounts {
  readonly terms = new Map<string, TermCount>();
  total = 0;
  documents = 0;

  constructor(readonly maxExamples: number) {}

  addDocument(id: string, text: string, occurrences: readonly { key: string; surface: string }[]): void {
    this.documents++;
    const seen = new Set<string>();
    for (const { key, surface } of occurrences) {
      const term = this.#term(key);
      term.count++;
      term.surfaces.set(surface, (term.surfaces.get(surface) ?? 0) + 1);
      this.total++;
      if (!seen.has(key)) {
        seen.add(key);
        term.documents++;
        this.#addId(term, id);
        this.#addExample(term, { id, text });
      }
    }
  }

  merge(other: TermCounts): void {
    this.total += other.total;
    this.documents += other.documents;
    for (const [key, theirs] of other.terms) {
      const term = this.#term(key);
      term.count += theirs.count;
      term.documents += theirs.documents;
      for (const [surface, n] of theirs.surfaces)
        term.surfaces.set(surface, (term.surfaces.get(surface) ?? 0) + n);
      for (const id of theirs.ids) this.#addId(term, id);
      for (const example of theirs.examples) this.#addExample(term, example);
    }
  }

  /** Counts of `this` minus `other` (examples are not kept); `other` must be a subset of `this`. */
  minus(other: TermCounts): TermCounts {
    const out = new TermCounts(0);
    out.merge(this);
    out.total -= other.total;
    out.documents -= other.documents;
    for (const [key, theirs] of other.terms) {
      const term = out.terms.get(key);
      if (term === undefined) continue;
      term.count -= theirs.count;
      term.documents -= theirs.documents;
      for (const [surface, n] of theirs.surfaces)
        term.surfaces.set(surface, (term.surfaces.get(surface) ?? 0) - n);
      if (term.count <= 0) out.terms.delete(key);
      else {
        const removed = new Set(theirs.ids);
        const kept = term.ids.filter((id) => !removed.has(id));
        term.ids.length = 0;
        term.ids.push(...kept);
        for (const id of removed) term.idSet.delete(id);
      }
    }
    return out;
  }

  #term(key: string): TermCount {
    let term = this.terms.get(key);
    if (term === undefined) {
      term = { count: 0, documents: 0, surfaces: new Map(), examples: [], ids: [], idSet: new Set() };
      this.terms.set(key, term);
    }
    return term;
  }

  #addId(term: TermCount, id: string): void {
    if (term.idSet.has(id)) return;
    term.idSet.add(id);
    term.ids.push(id);
  }

  #addExample(term: TermCount, example: ThemeExample): void {
    if (this.maxExamples === 0) return;
    if (term.examples.some((e) => e.id === example.id)) return;
    term.examples.push(example);
    term.examples.sort(compareExamples);
    if (term.examples.length > this.maxExamples) term.examples.length = this.maxExamples;
  }
}

/**
 * The JSON form of the term counts of one group of documents (part of a {@link ThemeAccumulator} snapshot):
 * totals and, per term, counts, surface forms, examples and document ids.
 *
 * @category Themes
 * @since 0.2.0
 */
export interface TermCountsJson {
  readonly total: number;
  readonly documents: number;
  readonly terms: readonly {
    readonly key: string;
    readonly count: number;
    readonly documents: number;
    readonly surfaces: readonly (readonly [string, number])[];
    readonly examples: readonly ThemeExample[];
    readonly ids: readonly string[];
  }[];
}

/** Writes term counts as JSON, terms sorted by key so that equal counts give equal JSON. */
export function termCountsToJson(counts: TermCounts): TermCountsJson {
  return {
    total: counts.total,
    documents: counts.documents,
    terms: [...counts.terms]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([key, t]) => ({
        key,
        count: t.count,
        documents: t.documents,
        surfaces: [...t.surfaces].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
        examples: t.examples.map((e) => ({ ...e })),
        ids: [...t.ids],
      })),
  };
}

/** Reads term counts from {@link termCountsToJson} (already schema-checked). */
export function termCountsFromJson(json: TermCountsJson, maxExamples: number): TermCounts {
  const out = new TermCounts(maxExamples);
  out.total = json.total;
  out.documents = json.documents;
  for (const t of json.terms) {
    out.terms.set(t.key, {
      count: t.count,
      documents: t.documents,
      surfaces: new Map(t.surfaces),
      examples: t.examples.map((e) => ({ ...e })),
      ids: [...t.ids],
      idSet: new Set(t.ids),
    });
  }
  return out;
}
