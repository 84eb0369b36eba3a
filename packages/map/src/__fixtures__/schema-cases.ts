// Generates documents that probe every rule of a JSON Schema: for each place of a valid base document, values
// that satisfy or break the rule that governs that place (pattern, length, range, enum, const, required keys,
// unknown keys, record keys, item counts, types), and for each optional property not in the base, values for it.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

/** One generated change of the base document (`value: undefined` deletes the key) and the rule it probes. */
export interface SchemaCase {
  readonly rule: string;
  readonly path: ReadonlyArray<string | number>;
  readonly value: Json | undefined;
}

/**
 * Runs `check` on the base document with the case's change applied in place, then restores the document (a
 * copy per case would cost more than both validators together).
 */
export function withCase<T>(document: Json, c: SchemaCase, check: (document: Json) => T): T {
  if (c.path.length === 0) return check(c.value as Json);
  let node = document as Record<string | number, Json>;
  for (const segment of c.path.slice(0, -1)) node = node[segment] as Record<string | number, Json>;
  const last = c.path.at(-1)!;
  const had = Object.hasOwn(node, last);
  const before = node[last];
  const set = (value: Json | undefined) => {
    if (value === undefined) delete node[last];
    else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  };
  set(c.value);
  try {
    return check(document);
  } finally {
    set(had ? before : undefined);
  }
}

export class SchemaCases {
  readonly #root: Schema;
  readonly #seed: number;
  readonly #cache = new Map<Schema, Json[]>();
  readonly #patterns = new Map<string, string[]>();
  readonly #random: string[];
  #n = 0;

  constructor(root: Schema, seed: number) {
    this.#root = root;
    this.#seed = seed;
    this.#random = [
      ...this.#sample(fc.string({ unit: 'binary', maxLength: 12 }), 6),
      ...this.#sample(fc.string({ unit: 'grapheme-ascii', maxLength: 30 }), 6),
    ];
  }

  /** Samples of strings matching a pattern (memoized: generating from some patterns takes seconds). */
  #matching(pattern: string, n: number): string[] {
    let samples = this.#patterns.get(pattern);
    if (samples === undefined) {
      try {
        samples = this.#sample(fc.stringMatching(new RegExp(pattern, 'u')), 6);
      } catch {
        samples = []; // fast-check cannot generate from this pattern (a lookahead): fixed and random strings probe it.
      }
      this.#patterns.set(pattern, samples);
    }
    return samples.slice(0, n);
  }

  resolve(node: Schema): Schema {
    let current = node;
    while (typeof current.$ref === 'string') {
      const name = current.$ref.replace('#/$defs/', '');
      current = {
        ...(this.#root.$defs as Record<string, Schema>)[name],
        ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')),
      };
    }
    return current;
  }

  #sample<T>(arbitrary: fc.Arbitrary<T>, n: number): T[] {
    return fc.sample(arbitrary, { numRuns: n, seed: this.#seed + this.#n++ });
  }

  /** Strings for a string schema: samples of its pattern, edge lengths, near misses, random text. */
  strings(s: Schema, current?: string): string[] {
    const out = new Set<string>(['', ' ', 'x', 'X Y', '\u0000', 'a\u0085b', '😀', '__proto__', '10']);
    if (current !== undefined)
      for (const v of [
        `${current} `,
        ` ${current}`,
        current.toUpperCase(),
        `${current}x`,
        current.slice(1),
        current.slice(0, -1),
        `${current}\n`,
      ])
        out.add(v);
    if (typeof s.pattern === 'string') for (const v of this.#matching(s.pattern, 6)) out.add(v);
    for (const v of this.#random) out.add(v);
    if (typeof s.maxLength === 'number') {
      const max = s.maxLength;
      out.add('a'.repeat(max));
      out.add('a'.repeat(max + 1));
      out.add('😀'.repeat(max)); // max code points, 2 × max UTF-16 units
      out.add('😀'.repeat(max + 1));
    }
    if (Array.isArray(s.enum))
      for (const v of s.enum)
        if (typeof v === 'string') {
          out.add(v);
          out.add(v.toUpperCase());
          out.add(`${v} `);
        }
    if (typeof s.const === 'string') out.add(s.const);
    return [...out];
  }

  numbers(s: Schema): number[] {
    const out = new Set<number>([0, -0, 1, -1, 0.5, -0.5, 2.5, 1e300, -1e300, 2 ** 53, 2 ** 53 + 2]);
    for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
      const v = s[key];
      if (typeof v === 'number') for (const d of [-1, -0.001, 0, 0.001, 1]) out.add(v + d);
    }
    if (typeof s.const === 'number') out.add(s.const);
    return [...out];
  }

  /** A minimal valid value for a schema (required properties only), used to add absent properties and items. */
  minimal(node: Schema): Json {
    const s = this.resolve(node);
    if ('const' in s) return s.const as Json;
    if (Array.isArray(s.enum)) return s.enum[0] as Json;
    const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (branches && s.type === undefined) return this.minimal(branches[0]!);
    if (s.type === 'string') {
      return typeof s.pattern === 'string' ? (this.#matching(s.pattern, 1)[0] ?? 'a') : 'a';
    }
    if (s.type === 'number' || s.type === 'integer')
      return typeof s.minimum === 'number'
        ? s.minimum
        : typeof s.exclusiveMinimum === 'number'
          ? s.exclusiveMinimum + 1
          : 0;
    if (s.type === 'boolean') return true;
    if (s.type === 'array')
      return Array.from({ length: (s.minItems as number) ?? 0 }, () => this.minimal(s.items as Schema));
    if (s.type === 'object') {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const out: Record<string, Json> = {};
      for (const key of (s.required ?? []) as string[])
        out[key] = this.minimal(props[key] ?? { type: 'string', minLength: 1 });
      return out;
    }
    return null;
  }

  /** Candidate values for a schema: valid and invalid, of every type. */
  values(node: Schema, current?: Json): Json[] {
    if (current === undefined) {
      const cached = this.#cache.get(node);
      if (cached) return cached;
      const computed = this.#values(node);
      this.#cache.set(node, computed);
      return computed;
    }
    return this.#values(node, current);
  }

  #values(node: Schema, current?: Json): Json[] {
    const s = this.resolve(node);
    const out: Json[] = [null, true, 0, 1.5, '', 'x', [], {}];
    const types = new Set<unknown>([s.type]);
    for (const b of ((s.anyOf ?? s.oneOf ?? []) as Schema[]).map((x) => this.resolve(x))) {
      types.add(b.type);
      if (b.type === 'string')
        out.push(...this.strings(b, typeof current === 'string' ? current : undefined));
      if (b.type === 'number' || b.type === 'integer') out.push(...this.numbers(b));
      if (b.type === 'object' || b.type === 'array') out.push(this.minimal(b));
      if (Array.isArray(b.enum)) out.push(...(b.enum as Json[]));
    }
    if (types.has('string')) out.push(...this.strings(s, typeof current === 'string' ? current : undefined));
    if (types.has('number') || types.has('integer')) out.push(...this.numbers(s));
    if (Array.isArray(s.enum)) out.push(...(s.enum as Json[]));
    if ('const' in s) out.push(s.const as Json);
    if (types.has('object') || types.has('array')) out.push(this.minimal(s));
    return out;
  }

  /** Every case for the base document. */
  *cases(base: Json): Generator<SchemaCase> {
    yield* this.#walk(this.#root, base, []);
  }

  *#walk(node: Schema, value: Json, path: Array<string | number>): Generator<SchemaCase> {
    const s = this.resolve(node);
    const at = (rule: string, v: Json | undefined, p: Array<string | number> = path): SchemaCase => ({
      rule,
      path: p,
      value: v,
    });
    if (typeof value !== 'object' || value === null) {
      for (const v of this.values(s, value)) yield at('value', v);
      return;
    }
    for (const v of [null, 0, 'x', true, Array.isArray(value) ? {} : []]) yield at('type', v);
    if (Array.isArray(value)) {
      const items = s.items as Schema | undefined;
      if (items === undefined) return;
      yield at('minItems', []);
      yield at('extra item', [...value, this.minimal(items)]);
      for (const v of this.values(items)) yield at('extra item', [...value, v]);
      for (let i = 0; i < Math.min(value.length, 2); i++) yield* this.#walk(items, value[i]!, [...path, i]);
      return;
    }
    const object = value as Record<string, Json>;
    const branches = ((s.anyOf ?? s.oneOf ?? []) as Schema[]).map((b) => this.resolve(b));
    const shape = s.type === 'object' ? s : (branches.find((b) => b.type === 'object') ?? s);
    const props = (shape.properties ?? {}) as Record<string, Schema>;
    for (const key of (shape.required ?? []) as string[])
      if (Object.hasOwn(object, key)) yield at('required', undefined, [...path, key]);
    for (const [key, child] of Object.entries(props)) {
      if (Object.hasOwn(object, key)) yield* this.#walk(child, object[key]!, [...path, key]);
      else for (const v of this.values(child)) yield at('optional property', v, [...path, key]);
    }
    if (shape.additionalProperties === false) {
      yield at('unknown key', 'x', [...path, 'unknownKey']);
      yield at('unknown key', 'x', [...path, '__proto__']);
    } else if (typeof shape.additionalProperties === 'object') {
      const names = shape.propertyNames as Schema | undefined;
      const entryValues = this.values(shape.additionalProperties as Schema).slice(0, 8);
      for (const key of [...this.strings(names ?? { type: 'string' }), 'en', 'constructor', 'toString'])
        for (const v of entryValues) yield at('record entry', v, [...path, key]);
      for (const key of Object.keys(object).slice(0, 2))
        yield* this.#walk(shape.additionalProperties as Schema, object[key]!, [...path, key]);
    }
  }
}
