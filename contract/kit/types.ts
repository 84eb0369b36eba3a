// The contract every public function and class of every package is held to (issue 13): one table per package.
import type fc from 'fast-check';

/** A public function or constructor that takes an options object. */
export interface OptionsCase {
  /** The exported name (a function, or a class whose constructor or factory takes the options). */
  readonly name: string;
  /** Calls it with valid data and the given options object (passed through untouched, even when it is `null`). */
  readonly call: (options: unknown) => unknown;
  /** A valid options object for `call` (may be `{}` when every option is optional). */
  readonly valid: Readonly<Record<string, unknown>>;
  /** A real option key: the suite misspells it and expects `unknown_option` suggesting it. */
  readonly typoOf: string;
  /** Option values out of range in their stated unit: each, merged into `valid`, must throw `CxOptionsError`. */
  readonly outOfRange: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Whether `undefined` options are valid (every option optional); default true. */
  readonly optionsOptional?: boolean;
}

/** A streaming accumulator: the laws of `@cx/model`'s `Accumulator`. */
export interface AccumulatorCase<Acc = unknown, Input = unknown> {
  /** The exported class name. */
  readonly name: string;
  /** A new, empty accumulator with fixed options. */
  readonly make: () => Acc;
  /** A new, empty accumulator with different options (merging it must throw `options_mismatch`). */
  readonly makeOther: () => Acc;
  /** The class's static restore. */
  readonly restore: (snapshot: unknown) => Acc;
  /** Generated lists of inputs. */
  readonly inputs: fc.Arbitrary<readonly Input[]>;
  /** Adds one input. */
  readonly add: (acc: Acc, input: Input) => void;
  /** The result, in a form compared with `toEqual` (round floating sums where order may differ). */
  readonly result: (acc: Acc) => unknown;
}

/** What one package promises. */
export interface PackageContract {
  /** Package name. */
  readonly pkg: string;
  /** The package's module (`import * as m from '@cx/…'`). */
  readonly module: Readonly<Record<string, unknown>>;
  /** Functions and constructors that take options. */
  readonly options: readonly OptionsCase[];
  /** Accumulators (each made with {@link defineAccumulator}). */
  readonly accumulators: readonly AccumulatorCase[];
  /** Every other exported function or class, with the reason it has no options contract. */
  readonly exempt: Readonly<Record<string, string>>;
}

/** Erases an accumulator case's types so that cases of different classes fit one list. */
export function defineAccumulator<Acc, Input>(c: AccumulatorCase<Acc, Input>): AccumulatorCase {
  return c as unknown as AccumulatorCase;
}
