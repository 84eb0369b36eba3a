import { feedbackSchema, interactionSchema, type JsonValue, orderSchema, propertiesSchema } from '@cx/model';
import { z } from 'zod';
import type { CsvTokenizer } from '../csv/tokenizer.js';
import { resolveCurrency } from '../mapping/currency.js';
import { FAILED, FieldReader, MISSING, UNCHECKED } from '../mapping/field-reader.js';
import type { RecordKind } from '../mapping/kinds.js';
import type { Mapping } from '../mapping/mapping.js';
import { isIdSchema, isPlainId } from '../mapping/plain-id.js';
import { contentId, type RecordBuilder, type RowAccess, type RowRejection } from './builder.js';

/**
 * The kinds the fast builder makes, each with the rule its schema adds over its fields (internal). Only kinds whose
 * schema is a strict object of field schemas plus such a rule are here: a survey response (scale and score rules),
 * a subscription (period rules) and a customer (a union of two shapes) keep the whole-record zod parse.
 * `fast-builder.test.ts` holds this table to the schemas (their shapes and checks) and the built records to
 * `schema.safeParse`.
 */
const FAST_KINDS: Partial<
  Record<
    RecordKind,
    {
      readonly schema: z.ZodObject;
      /** The schema's record rule over the built values (by key index of `keys`), `true` when it holds. */
      readonly rule: ((keys: readonly string[]) => (values: readonly unknown[]) => boolean) | undefined;
    }
  >
> = {
  interaction: {
    schema: interactionSchema as unknown as z.ZodObject,
    // `.refine((v) => v.customerId !== undefined || v.anonymousId !== undefined)`
    rule: (keys) => {
      const customer = keys.indexOf('customerId');
      const anonymous = keys.indexOf('anonymousId');
      return (values) => values[customer] !== MISSING || values[anonymous] !== MISSING;
    },
  },
  order: { schema: orderSchema as unknown as z.ZodObject, rule: undefined },
  feedback: { schema: feedbackSchema as unknown as z.ZodObject, rule: undefined },
};

/** What {@link FastRecordBuilder.record} returns for a row it leaves to the zod builder (internal). */
export const UNSURE: unique symbol = Symbol('unsure');

const READER = 0;
const CONSTANT = 1;
const GENERATE = 2;
const DEFAULT = 3;
const EXTRA = 4;
const ABSENT = 5;

/**
 * How the fast builder fills one key of the record, in the order of the schema's shape (internal). One class, so
 * that the build loop sees one object shape.
 */
class Slot {
  constructor(
    /** READER, CONSTANT, GENERATE, DEFAULT, EXTRA or ABSENT. */
    readonly from: number,
    readonly reader: FieldReader | undefined = undefined,
    /** The checked constant. */
    readonly value: unknown = undefined,
    readonly generate: 'line' | readonly string[] = 'line',
    readonly check: (value: unknown) => unknown = () => UNCHECKED,
    /** A fresh default (DEFAULT, EXTRA when there are no properties to keep). */
    readonly make: () => unknown = () => MISSING,
  ) {}
}

/** The row access of `visitCsv`: a cell is read by its field index in the tokenizer's record (internal). */
interface CsvRow {
  readonly tokenizer: CsvTokenizer;
  indexOf(column: string): number;
}

/** A record of one key pattern from the values by key index (internal). */
type RecordMaker = (values: readonly unknown[]) => Record<string, unknown>;

/** Key patterns (which optional keys a record has) that get a maker of their own; others are built key by key. */
const MAX_MAKERS = 64;

/**
 * The maker of the records that have the keys of `mask` (bit `i`: `keys[i]`), in the schema's order (internal): one
 * object literal, so that every record of a pattern is allocated at once with its final hidden class, instead of
 * growing through a transition per key with a keyed store each. The keys are the schema's own, not input text.
 */
function recordMaker(keys: readonly string[], mask: number): RecordMaker {
  const entries: string[] = [];
  keys.forEach((key, i) => {
    if (((mask >>> i) & 1) === 1) entries.push(`${JSON.stringify(key)}: v[${i}]`);
  });
  return new Function('v', `return { ${entries.join(', ')} };`) as RecordMaker;
}

/** The check of one field's values against its schema: parsed value or UNCHECKED (objects are not checked). */
function checker(schema: z.ZodType): (value: unknown) => unknown {
  const full = (value: unknown): unknown => {
    if (typeof value === 'object' && value !== null) return UNCHECKED;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : UNCHECKED;
  };
  if (!isIdSchema(schema)) return full;
  return (value) => (typeof value === 'string' && isPlainId(value) ? value : full(value));
}

/** A fresh copy of a schema's default for each record (`{}`, `[]` or a primitive), or `undefined` (internal). */
function defaultMaker(schema: z.ZodType): (() => unknown) | undefined {
  const parsed = schema.safeParse(undefined);
  if (!parsed.success || parsed.data === undefined) return undefined;
  const value = parsed.data;
  if (Array.isArray(value)) return value.length === 0 ? () => [] : () => schema.parse(undefined);
  if (typeof value === 'object' && value !== null)
    return Object.keys(value).length === 0 ? () => ({}) : () => schema.parse(undefined);
  return () => value;
}

/**
 * Builds the records of a CSV read from cells that each went through the model's grammar and their field's schema
 * already, without the whole-record `schema.parse` (internal). A record is made only when every field passed its
 * field's schema (checked once per distinct text cell, as the text cache keeps checked values), every required key is
 * there and the kind's record rule holds; then it equals what `schema.parse` of the same raw object gives, keys in
 * the schema's order. Anything else (a cell the grammar or a field's schema rejects, an object value, a currency
 * that does not reconcile, a missing required value) goes to the zod builder, which gives the same error as without
 * this builder.
 *
 * Used for CSV reads of interactions, orders and feedback whose mapping has no function fields and no numeric
 * properties ({@link FastRecordBuilder.for} says when). `fast-builder.test.ts` proves the equivalence over generated
 * cells, valid and invalid, of every field kind of these mappings.
 */
export class FastRecordBuilder {
  readonly #slow: RecordBuilder;
  readonly #keys: readonly string[];
  readonly #slots: readonly Slot[];
  /** Per key: the schema rejects `undefined` (no default, not optional). */
  readonly #required: readonly boolean[];
  readonly #rule: ((values: readonly unknown[]) => boolean) | undefined;
  /** The values of the record being built, per key (MISSING: none). */
  readonly #values: unknown[];
  /** Index of `currency` when a money cell may carry a currency token, else -1. */
  readonly #currency: number;
  readonly #checkCurrency: (value: unknown) => unknown;
  readonly #mapped: ReadonlySet<string>;
  readonly #properties: 'rest' | readonly string[];
  /** The row access the field indices below were taken from (one per read). */
  #row: RowAccess | undefined;
  /** Whether `#row` is a CSV row read by field index. */
  #csv = false;
  /** The key index of each READER slot, in key order. */
  readonly #readerKeys: Int32Array;
  /** The reader of each READER slot. */
  readonly #readers: readonly FieldReader[];
  /** Per READER slot: the field index of its column in the CSV records, else -1 (read by column name). */
  readonly #fields: Int32Array;
  /** The key index of each GENERATE, DEFAULT and EXTRA slot (the others' values are fixed: see the constructor). */
  readonly #otherKeys: Int32Array;
  /** Key bits (keys 0–29) of the constants that are present, and of the required keys. */
  readonly #constantMask: number;
  readonly #requiredMask: number;
  /** A constant its field's schema rejects: every row goes to the zod builder (for its error). */
  readonly #constantUnchecked: boolean;
  /** The fixed value (a constant, or MISSING) of `currency` when its slot is not rewritten per row, else MISSING. */
  readonly #currencyFixed: unknown;
  readonly #currencyIsFixed: boolean;
  /** The tokenizer of `#row` when it is a CSV row read by field index. */
  #tokenizer: CsvTokenizer | undefined;
  /** Record makers by key pattern (bounded by {@link MAX_MAKERS}), and the last one used. */
  readonly #makers = new Map<number, RecordMaker>();
  #lastMask = -1;
  #lastMaker: RecordMaker | undefined;
  /** Code generation is disallowed here: no makers. */
  #noCodegen = false;

  /** The fast builder of a mapping, or `undefined` when the mapping needs the zod builder (see above). */
  static for(mapping: Mapping, slow: RecordBuilder): FastRecordBuilder | undefined {
    const kind = FAST_KINDS[mapping.kind];
    // A schema that stopped being one object (a union, a pipe) is not built field by field.
    if (kind === undefined || !(kind.schema instanceof z.ZodObject)) return undefined;
    const keys = kind.schema.shape as Record<string, unknown>;
    // Every mapped field must be a key of the shape (the build loop visits the keys), read from cells or constants.
    for (const f of mapping.fields)
      if (f.source === 'function' || !Object.hasOwn(keys, f.field)) return undefined;
    return new FastRecordBuilder(mapping, slow, kind.schema, kind.rule);
  }

  private constructor(
    mapping: Mapping,
    slow: RecordBuilder,
    schema: z.ZodObject,
    rule: ((keys: readonly string[]) => (values: readonly unknown[]) => boolean) | undefined,
  ) {
    this.#slow = slow;
    this.#properties = mapping.properties;
    this.#mapped = new Set(mapping.fields.flatMap((f) => (f.column === undefined ? [] : [f.column])));
    const shape = schema.shape as Record<string, z.ZodType>;
    const extraKey = mapping.kind === 'customer' ? 'attributes' : 'properties';
    this.#keys = Object.keys(shape);
    this.#rule = rule?.(this.#keys);
    this.#required = this.#keys.map((k) => !(shape[k] as z.ZodType).safeParse(undefined).success);
    this.#slots = this.#keys.map((key): Slot => {
      const fieldSchema = shape[key] as z.ZodType;
      const spec = mapping.fields.find((f) => f.field === key);
      if (spec === undefined) {
        const make = defaultMaker(fieldSchema);
        if (key === extraKey) return new Slot(EXTRA, undefined, undefined, 'line', undefined, make);
        return make === undefined
          ? new Slot(ABSENT)
          : new Slot(DEFAULT, undefined, undefined, 'line', undefined, make);
      }
      const check = checker(fieldSchema);
      if (spec.source === 'value') return new Slot(CONSTANT, undefined, check(spec.value));
      if (spec.source === 'generate')
        return new Slot(GENERATE, undefined, undefined, spec.generate as 'line' | readonly string[], check);
      const reader = new FieldReader(spec, mapping.disambiguation);
      reader.check = check;
      reader.plainText = isIdSchema(fieldSchema) && spec.values === undefined;
      return new Slot(READER, reader);
    });
    const hasMoney = mapping.fields.some((f) => f.type === 'money' && f.source === 'column');
    this.#currency = hasMoney ? this.#keys.indexOf('currency') : -1;
    this.#checkCurrency =
      shape.currency === undefined ? () => UNCHECKED : checker(shape.currency as z.ZodType);
    this.#values = new Array<unknown>(this.#keys.length).fill(MISSING);
    // Constants (and absent keys, MISSING) are written once: only the other slots change from row to row.
    let constantMask = 0;
    let requiredMask = 0;
    let constantUnchecked = false;
    const readerKeys: number[] = [];
    const otherKeys: number[] = [];
    this.#slots.forEach((slot, i) => {
      if (this.#required[i]) requiredMask |= 1 << i;
      if (slot.from === READER) readerKeys.push(i);
      else if (slot.from === CONSTANT) {
        this.#values[i] = slot.value;
        if (slot.value === UNCHECKED || slot.value === FAILED) constantUnchecked = true;
        else if (slot.value !== MISSING) constantMask |= 1 << i;
      } else if (slot.from !== ABSENT) otherKeys.push(i);
    });
    const currencyFrom = this.#currency >= 0 ? (this.#slots[this.#currency] as Slot).from : READER;
    this.#currencyIsFixed = currencyFrom === CONSTANT || currencyFrom === ABSENT;
    this.#currencyFixed = this.#currencyIsFixed ? this.#values[this.#currency] : MISSING;
    this.#constantMask = constantMask;
    this.#requiredMask = requiredMask;
    this.#constantUnchecked = constantUnchecked;
    this.#readerKeys = Int32Array.from(readerKeys);
    this.#readers = readerKeys.map((i) => (this.#slots[i] as Slot).reader as FieldReader);
    this.#otherKeys = Int32Array.from(otherKeys);
    this.#fields = new Int32Array(readerKeys.length).fill(-1);
  }

  /** Takes the field indices of the mapped columns from a new row access (once per read). */
  #bind(row: RowAccess): void {
    this.#row = row;
    const csv = row as unknown as Partial<CsvRow>;
    this.#csv = csv.tokenizer !== undefined && typeof csv.indexOf === 'function';
    this.#tokenizer = this.#csv ? (row as unknown as CsvRow).tokenizer : undefined;
    const readers = this.#readers;
    for (let r = 0; r < readers.length; r++)
      this.#fields[r] = this.#csv
        ? (row as unknown as CsvRow).indexOf((readers[r] as FieldReader).spec.column as string)
        : -1;
  }

  /**
   * The maker of the records with the keys of `mask`, or `undefined` beyond {@link MAX_MAKERS} patterns and where
   * code generation is disallowed (`--disallow-code-generation-from-strings`, a CSP): records are then built key by
   * key.
   */
  #maker(mask: number): RecordMaker | undefined {
    let maker = this.#makers.get(mask);
    if (maker === undefined) {
      if (this.#makers.size >= MAX_MAKERS || this.#noCodegen) return undefined;
      try {
        maker = recordMaker(this.#keys, mask);
      } catch (error) {
        if (!(error instanceof EvalError)) throw error;
        this.#noCodegen = true;
        return undefined;
      }
      this.#makers.set(mask, maker);
    }
    this.#lastMask = mask;
    this.#lastMaker = maker;
    return maker;
  }

  /** The record of a row, or why it was rejected (the zod builder's answer whenever this one is not sure). */
  build(row: RowAccess, line: number): { readonly value: unknown } | RowRejection {
    const value = this.record(row, line);
    return value === UNSURE ? this.#slow.build(row, line) : { value };
  }

  /**
   * The record of a row, or {@link UNSURE} when the row needs the zod builder (a cell or a rule the field checks do
   * not settle); the read path calls this, without a result object per record.
   */
  record(row: RowAccess, line: number): unknown {
    if (row !== this.#row) this.#bind(row);
    if (this.#constantUnchecked) return UNSURE;
    const slots = this.#slots;
    const values = this.#values;
    const keys = this.#keys;
    // Bit i: key i has a value (keys 0–29; records of more keys are built key by key below).
    let mask = this.#constantMask;
    // The currency token of a money cell (as the zod builder keeps it).
    let token: string | undefined;
    // The cells, read by field index from the tokenizer's record (by column name through the row otherwise).
    const t = this.#tokenizer;
    const readers = this.#readers;
    const readerKeys = this.#readerKeys;
    const fields = this.#fields;
    for (let r = 0; r < readers.length; r++) {
      const reader = readers[r] as FieldReader;
      const k = fields[r] as number;
      let value: unknown;
      if (k >= 0) {
        const tokenizer = t as CsvTokenizer;
        tokenizer.field(k);
        value = reader.fromBytes(tokenizer.fieldBuf, tokenizer.fieldFrom, tokenizer.fieldTo);
      } else value = row.read(reader.spec.column as string, reader);
      const i = readerKeys[r] as number;
      if (value === MISSING) {
        values[i] = MISSING;
        continue;
      }
      if (value === FAILED || value === UNCHECKED) return UNSURE;
      if (reader.currency !== undefined) token = reader.currency;
      values[i] = value;
      mask |= 1 << i;
    }
    const others = this.#otherKeys;
    for (let o = 0; o < others.length; o++) {
      const i = others[o] as number;
      const slot = slots[i] as Slot;
      let value: unknown;
      if (slot.from === GENERATE) {
        const generate = slot.generate;
        value = slot.check(
          generate === 'line' ? `line-${line}` : contentId(generate.map((c) => row.text(c))),
        );
      } else if (slot.from === DEFAULT) value = slot.make();
      else {
        value = this.#extra(row);
        if (value === MISSING) value = slot.make();
      }
      if (value === FAILED || value === UNCHECKED) return UNSURE;
      values[i] = value;
      if (value !== MISSING) mask |= 1 << i;
    }
    // A currency resolved for the last row is not this row's declared one.
    if (this.#currencyIsFixed) values[this.#currency] = this.#currencyFixed;
    if (token !== undefined && this.#currency >= 0) {
      // As the zod builder: the token is reconciled with the currency field's value.
      const declared = values[this.#currency];
      const resolved = resolveCurrency(token, typeof declared === 'string' ? declared : undefined);
      if ('error' in resolved) return UNSURE;
      const currency = this.#checkCurrency(resolved.code);
      if (currency === UNCHECKED) return UNSURE;
      values[this.#currency] = currency;
      mask |= 1 << this.#currency;
    }
    if (keys.length <= 30) {
      const required = this.#requiredMask;
      if ((mask & required) !== required) return UNSURE;
      if (this.#rule !== undefined && !this.#rule(values)) return UNSURE;
      const maker = mask === this.#lastMask ? this.#lastMaker : this.#maker(mask);
      if (maker !== undefined) return maker(values);
    } else {
      const required = this.#required;
      for (let i = 0; i < values.length; i++) if (values[i] === MISSING && required[i]) return UNSURE;
      if (this.#rule !== undefined && !this.#rule(values)) return UNSURE;
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = values[i];
      if (value !== MISSING) out[keys[i] as string] = value;
    }
    return out;
  }

  /** The unmapped columns kept as properties, checked by the properties schema; MISSING when none. */
  #extra(row: RowAccess): unknown {
    const properties = this.#properties;
    if (properties !== 'rest' && properties.length === 0) return MISSING;
    const extra: Record<string, JsonValue> = {};
    if (properties === 'rest') {
      const cells = row.values();
      if (cells === undefined) return UNCHECKED;
      for (const [k, v] of Object.entries(cells))
        if (!this.#mapped.has(k) && v !== '' && v !== null) extra[k] = v;
    } else {
      for (const c of properties) {
        if (!row.has(c)) continue;
        let v: JsonValue | undefined;
        try {
          v = row.value(c);
        } catch {
          return UNCHECKED;
        }
        if (v !== undefined && v !== '' && v !== null) extra[c] = v;
      }
    }
    if (Object.keys(extra).length === 0) return MISSING;
    const parsed = propertiesSchema.safeParse(extra);
    return parsed.success ? parsed.data : UNCHECKED;
  }
}
