import { PatternProblemSignal } from './ast.js';

/** Reads a pattern source code point by code point, as RegExp does with the `u` flag (internal). */
export class Scanner {
  /** UTF-16 index of the next code point. */
  index = 0;

  constructor(readonly source: string) {}

  /** Whether the whole source has been read. */
  get done(): boolean {
    return this.index >= this.source.length;
  }

  /** The next code point, or -1 at the end. */
  peek(offset = 0): number {
    let i = this.index;
    for (let k = 0; k < offset && i < this.source.length; k++) i += this.width(i);
    return i < this.source.length ? (this.source.codePointAt(i) as number) : -1;
  }

  /** Whether the next code point is `char` (a one-unit character). */
  at(char: string, offset = 0): boolean {
    return this.peek(offset) === char.charCodeAt(0);
  }

  /** Consumes and returns the next code point (-1 at the end). */
  next(): number {
    if (this.done) return -1;
    const cp = this.source.codePointAt(this.index) as number;
    this.index += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** Consumes `char` if it comes next. */
  eat(char: string): boolean {
    if (!this.at(char)) return false;
    this.index += 1;
    return true;
  }

  /** Stops parsing with a syntax problem at `index`. */
  fail(index: number, message: string): never {
    throw new PatternProblemSignal({ kind: 'syntax', index, message });
  }

  /** Stops parsing with a limit problem at `index`. */
  failLimit(index: number, message: string, limit: number, actual: number): never {
    throw new PatternProblemSignal({ kind: 'limit', index, message, limit, actual });
  }

  private width(i: number): number {
    return (this.source.codePointAt(i) as number) > 0xffff ? 2 : 1;
  }
}

/** The value of a hexadecimal digit, or -1. */
export function hexValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp >= 0x41 && cp <= 0x46) return cp - 0x41 + 10;
  if (cp >= 0x61 && cp <= 0x66) return cp - 0x61 + 10;
  return -1;
}

/** Whether `cp` is an ASCII decimal digit. */
export function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}
