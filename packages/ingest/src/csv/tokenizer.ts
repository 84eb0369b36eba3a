const QUOTE = 34;
const LF = 10;
const CR = 13;

/** No problem in the current record. @internal */
export const RECORD_OK = 0;
/** A quote inside an unquoted field, or text right after a closing quote. @internal */
export const RECORD_STRAY_QUOTE = 1;
/** A quoted field still open at the end of the input. @internal */
export const RECORD_UNCLOSED_QUOTE = 2;

/**
 * Where {@link CsvTokenizer.fill} writes records (internal): for record `n` of the batch, its start offset and line,
 * and for each header field `k` kept (`offsets[k] >= 0`), the field's bytes `[cells[o + 2n], cells[o + 2n + 1])`
 * with `o = offsets[k]`.
 */
export interface CsvRecordTarget {
  /** Where each header field's cells start in `cells`, `-1` for a field not kept. */
  readonly offsets: Int32Array;
  /** Records gathered, and room for how many. */
  count: number;
  readonly capacity: number;
  readonly recordStart: Int32Array;
  readonly line: Int32Array;
  readonly cells: Int32Array;
}

/**
 * The one byte-level CSV tokenizer (RFC 4180): fields separated by a one-byte delimiter, records by LF, CRLF or CR,
 * double quotes around fields that hold delimiters, quotes (doubled) or line breaks (internal).
 *
 * Pull API: {@link CsvTokenizer.reset} with a buffer, then {@link CsvTokenizer.next} until it returns `false`; each
 * `true` leaves one record in `starts`/`ends`/`count` (read a field's content with {@link CsvTokenizer.field}). `false` means the
 * buffer holds no further complete record: `consumed` is where the first incomplete one starts (carry it over and
 * call `reset` again with more bytes), or, with `final`, the input is done. Blank lines are skipped and counted.
 *
 * A malformed quote ends its record, not the input: a stray quote inside an unquoted field marks the record
 * (`error`) and the record ends as usual; a closing quote followed by text, or a quote left open at the end of the
 * input, marks the record and cuts it at the end of its first physical line, and reading goes on from the next
 * line. Work is linear in the bytes read: a record is scanned again only when it was cut by the end of a buffer.
 */
export class CsvTokenizer {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  quoted = new Uint8Array(64);
  /** Fields of the current record. */
  count = 0;
  /** 1-based physical line where the current record starts. */
  line = 0;
  /** Byte range of the current record in the buffer (terminator excluded). */
  recordStart = 0;
  recordEnd = 0;
  /** One of RECORD_OK, RECORD_STRAY_QUOTE, RECORD_UNCLOSED_QUOTE, and the offset of the offending byte. */
  error = RECORD_OK;
  errorAt = 0;
  /** Where the first incomplete record starts after `next` returned `false`. */
  consumed = 0;
  /** 1-based line of the next record. */
  nextLine = 1;
  readonly delimiter: number;
  #buf: Uint8Array = new Uint8Array(0);
  #pos = 0;
  #end = 0;
  #final = false;
  /** Offset of the last line feed in the buffer (`-1` = none): records before it take the unquoted fast path. */
  #lastLf = -1;
  /** Byte classes of the fast path: 0 field content, 1 delimiter, 2 line break, 3 quote. */
  readonly #classes = new Uint8Array(256);
  /**
   * `high + 1` in each byte of a word (`0x01010101 × (high + 1)`), for the word-at-a-time skip of the fast path, or
   * 0 when there is no shortcut. `high`: every byte above it is field content, the highest byte with a class of its
   * own (the quote or the delimiter); no shortcut when the delimiter is above the digits, which would stop it on
   * every digit ('0' is 48: `;` and `|` delimiters).
   */
  readonly #word: number;
  /** A view of the buffer for the word loads, and the last offset a word load may start at (`-1`: none). */
  #view: DataView = new DataView(new ArrayBuffer(0));
  #viewOf: Uint8Array = new Uint8Array(0);
  #lastWord = -1;

  constructor(delimiter: number) {
    this.delimiter = delimiter;
    this.#classes[delimiter] = 1;
    this.#classes[LF] = 2;
    this.#classes[CR] = 2;
    this.#classes[QUOTE] = 3;
    this.#word = delimiter < 48 ? Math.imul(0x01010101, Math.max(QUOTE, delimiter) + 1) : 0;
  }

  /** Sets the bytes to tokenize: `buf[start, end)`; `final` when no more bytes follow. */
  reset(buf: Uint8Array, start: number, end: number, final: boolean): void {
    this.#buf = buf;
    this.#pos = start;
    this.#end = end;
    this.#final = final;
    this.consumed = start;
    this.#lastLf = end > start ? buf.lastIndexOf(LF, end - 1) : -1;
    if (this.#viewOf !== buf) {
      this.#viewOf = buf;
      this.#view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    this.#lastWord = this.#word === 0 ? -1 : end - 4;
  }

  /**
   * The fast path of {@link CsvTokenizer.next} for a record that starts before the buffer's last line feed (so a
   * line break ends every scan without a bounds check) and has no quote byte: field content skipped a word at a
   * time, one table lookup per other byte. Returns `false`, having changed nothing, when it meets a quote; the
   * general path then reads the record.
   */
  #unquoted(recordStart: number): boolean {
    const buf = this.#buf;
    const classes = this.#classes;
    let starts = this.starts;
    let ends = this.ends;
    let quoted = this.quoted;
    let count = 0;
    let from = recordStart;
    let p = recordStart;
    let k: number;
    const view = this.#view;
    const word = this.#word;
    const lastWord = this.#lastWord;
    for (;;) {
      k = classes[buf[p] as number] as number;
      while (k === 0) {
        // Bytes above `high` are field content (letters, digits, '-', ':', '.', '_' and UTF-8 bytes, with a comma or
        // tab delimiter): skipped four at a time while a whole word is such bytes; the table classifies the rest.
        // The word test is exact: `m = (x - word) & ~x & 0x80808080` is zero exactly when no byte of `x` is below
        // `high + 1` (at most 128), and no load reaches past the input's end. Its lowest flagged byte is exactly the
        // first byte of `x` below `high + 1` (a borrow only flags bytes above a true one): the scan goes straight
        // to it (its offset is the flag's bit index over 8), with no byte loop whose exit, at a different byte in
        // each field, the CPU could not predict.
        p++;
        while (p <= lastWord) {
          const x = view.getInt32(p, true);
          const m = (x - word) & ~x & 0x80808080;
          if (m !== 0) {
            p += (31 - Math.clz32(m & -m)) >>> 3;
            break;
          }
          p += 4;
        }
        k = classes[buf[p] as number] as number;
      }
      if (k === 3) return false;
      if (count === starts.length) {
        this.#grow();
        starts = this.starts;
        ends = this.ends;
        quoted = this.quoted;
      }
      starts[count] = from;
      ends[count] = p;
      quoted[count++] = 0;
      if (k === 2) break;
      from = ++p;
    }
    // A CR or LF at p, and a line feed at or after it: the terminator is complete.
    const recordEnd = p;
    p += buf[p] === CR && buf[p + 1] === LF ? 2 : 1;
    this.count = count;
    this.line = this.nextLine;
    this.nextLine += 1;
    this.recordStart = recordStart;
    this.recordEnd = recordEnd;
    this.error = RECORD_OK;
    this.errorAt = 0;
    this.#pos = p;
    this.consumed = p;
    return true;
  }

  /**
   * Tokenizes the records that follow straight into `target`, while each is one the fast path of
   * {@link CsvTokenizer.next} reads (it starts before the buffer's last line feed and has no quote), has exactly
   * `offsets.length` fields, no more than `maxRecordBytes` bytes, and `target` has room; the first record that is not
   * such a record (a blank line too) is left where it is, for `next`. Each record gathered is the one `next` would
   * give, with the same line; only `count`, `consumed` and `nextLine` of the tokenizer move. Returns the number of
   * records gathered.
   */
  fill(target: CsvRecordTarget, maxRecordBytes: number): number {
    const buf = this.#buf;
    const classes = this.#classes;
    const view = this.#view;
    const word = this.#word;
    const lastWord = this.#lastWord;
    const lastLf = this.#lastLf;
    const offsets = target.offsets;
    const fields = offsets.length;
    const cells = target.cells;
    const recordStarts = target.recordStart;
    const lines = target.line;
    const capacity = target.capacity;
    const first = target.count;
    let n = first;
    let line = this.nextLine;
    let p = this.#pos;
    records: while (n < capacity && p < lastLf) {
      const recordStart = p;
      let k = classes[buf[p] as number] as number;
      if (k === 2) break;
      let field = 0;
      let from = p;
      for (;;) {
        // The scan of #unquoted.
        while (k === 0) {
          p++;
          while (p <= lastWord) {
            const x = view.getInt32(p, true);
            const m = (x - word) & ~x & 0x80808080;
            if (m !== 0) {
              p += (31 - Math.clz32(m & -m)) >>> 3;
              break;
            }
            p += 4;
          }
          k = classes[buf[p] as number] as number;
        }
        if (k === 3 || field === fields) {
          p = recordStart;
          break records;
        }
        const at = offsets[field++] as number;
        if (at >= 0) {
          cells[at + 2 * n] = from;
          cells[at + 2 * n + 1] = p;
        }
        if (k === 2) break;
        from = ++p;
        k = classes[buf[p] as number] as number;
      }
      if (field !== fields || p - recordStart > maxRecordBytes) {
        p = recordStart;
        break;
      }
      recordStarts[n] = recordStart;
      lines[n++] = line++;
      p += buf[p] === CR && buf[p + 1] === LF ? 2 : 1;
    }
    target.count = n;
    this.nextLine = line;
    this.#pos = p;
    this.consumed = p;
    return n - first;
  }

  #grow(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(n);
    e.set(this.ends);
    this.ends = e;
    const q = new Uint8Array(n);
    q.set(this.quoted);
    this.quoted = q;
  }

  /** Moves to the next record; `false` when none is complete in the buffer (see the class notes). */
  next(): boolean {
    const buf = this.#buf;
    const end = this.#end;
    const final = this.#final;
    const d = this.delimiter;
    let pos = this.#pos;
    // Blank lines.
    for (;;) {
      if (pos >= end) return this.#stop(pos);
      const b = buf[pos];
      if (b === LF) {
        pos++;
        this.nextLine++;
      } else if (b === CR) {
        if (pos + 1 >= end && !final) return this.#stop(pos);
        pos += pos + 1 < end && buf[pos + 1] === LF ? 2 : 1;
        this.nextLine++;
      } else break;
    }
    const recordStart = pos;
    this.#pos = pos;
    if (pos < this.#lastLf && this.#unquoted(recordStart)) return true;
    let count = 0;
    let newlines = 0;
    let error = RECORD_OK;
    let errorAt = 0;
    for (;;) {
      if (count === this.starts.length) this.#grow();
      if (pos >= end) {
        // Only after a delimiter: an empty last field.
        if (!final) return this.#stop(recordStart);
        this.starts[count] = pos;
        this.ends[count] = pos;
        this.quoted[count++] = 0;
        break;
      }
      if (buf[pos] === QUOTE) {
        const open = pos;
        let p = pos + 1;
        let escaped = false;
        for (;;) {
          while (p < end) {
            const c = buf[p];
            if (c === QUOTE) break;
            if (c === LF) newlines++;
            else if (c === CR && buf[p + 1] !== LF) newlines++;
            p++;
          }
          if (p >= end) {
            if (!final) return this.#stop(recordStart);
            return this.#resync(recordStart, RECORD_UNCLOSED_QUOTE, open);
          }
          if (p + 1 >= end && !final) return this.#stop(recordStart);
          if (p + 1 < end && buf[p + 1] === QUOTE) {
            escaped = true;
            p += 2;
            continue;
          }
          break;
        }
        this.starts[count] = open + 1;
        this.ends[count] = p;
        this.quoted[count++] = escaped ? 2 : 1;
        pos = p + 1;
        if (pos >= end) {
          if (!final) return this.#stop(recordStart);
          break;
        }
        const c = buf[pos];
        if (c === d) {
          pos++;
          continue;
        }
        if (c === LF || c === CR) break;
        return this.#resync(recordStart, RECORD_STRAY_QUOTE, pos);
      }
      let p = pos;
      for (;;) {
        while (p < end) {
          const c = buf[p];
          if (c === d || c === LF || c === CR || c === QUOTE) break;
          p++;
        }
        if (p < end && buf[p] === QUOTE) {
          if (error === RECORD_OK) {
            error = RECORD_STRAY_QUOTE;
            errorAt = p;
          }
          p++;
          continue;
        }
        break;
      }
      this.starts[count] = pos;
      this.ends[count] = p;
      this.quoted[count++] = 0;
      pos = p;
      if (pos >= end) {
        if (!final) return this.#stop(recordStart);
        break;
      }
      if (buf[pos] === d) {
        pos++;
        continue;
      }
      break; // LF or CR
    }
    const recordEnd = pos;
    // Line terminator.
    if (pos < end) {
      if (buf[pos] === CR) {
        if (pos + 1 >= end && !final) return this.#stop(recordStart);
        pos += pos + 1 < end && buf[pos + 1] === LF ? 2 : 1;
      } else pos++;
    }
    this.count = count;
    this.line = this.nextLine;
    this.nextLine += newlines + 1;
    this.recordStart = recordStart;
    this.recordEnd = recordEnd;
    this.error = error;
    this.errorAt = errorAt;
    this.#pos = pos;
    this.consumed = pos;
    return true;
  }

  #stop(at: number): boolean {
    this.#pos = at;
    this.consumed = at;
    return false;
  }

  /** Ends a record with a malformed quote at the end of its first physical line and goes on after it. */
  #resync(recordStart: number, error: number, at: number): boolean {
    const buf = this.#buf;
    const end = this.#end;
    let p = recordStart;
    while (p < end && buf[p] !== LF && buf[p] !== CR) p++;
    let next = p;
    if (next < end) next += buf[next] === CR && next + 1 < end && buf[next + 1] === LF ? 2 : 1;
    this.count = 0;
    this.line = this.nextLine;
    this.nextLine += 1;
    this.recordStart = recordStart;
    this.recordEnd = p;
    this.error = error;
    this.errorAt = at < p ? at : recordStart;
    this.#pos = next;
    this.consumed = next;
    return true;
  }

  /** Bytes of field `k` of the current record after {@link CsvTokenizer.field}: `fieldBuf[fieldFrom, fieldTo)`. */
  fieldBuf: Uint8Array = new Uint8Array(0);
  fieldFrom = 0;
  fieldTo = 0;
  #scratch = new Uint8Array(256);

  /** Points `fieldBuf`/`fieldFrom`/`fieldTo` at the content of field `k` (doubled quotes undone in a scratch copy). */
  field(k: number): void {
    const from = this.starts[k] as number;
    const to = this.ends[k] as number;
    if (this.quoted[k] !== 2) {
      this.fieldBuf = this.#buf;
      this.fieldFrom = from;
      this.fieldTo = to;
      return;
    }
    if (this.#scratch.length < to - from) this.#scratch = new Uint8Array(2 * (to - from));
    this.fieldBuf = this.#scratch;
    this.fieldFrom = 0;
    this.fieldTo = unescapeField(this.#buf, from, to, this.#scratch);
  }

  /** The end of the bytes being tokenized (see {@link CsvTokenizer.reset}). */
  get end(): number {
    return this.#end;
  }

  /** Whether no more bytes follow the ones being tokenized (see {@link CsvTokenizer.reset}). */
  get final(): boolean {
    return this.#final;
  }

  /** The buffer being tokenized. */
  get buffer(): Uint8Array {
    return this.#buf;
  }

  /**
   * 1-based character column of byte offset `at` of the current record's buffer on its physical line (UTF-8
   * continuation bytes not counted; computed on demand for messages).
   */
  columnOf(at: number): number {
    const buf = this.#buf;
    let p = at;
    while (p > this.recordStart && buf[p - 1] !== LF && buf[p - 1] !== CR) p--;
    let column = 1;
    for (let i = p; i < at; i++) if (((buf[i] as number) & 0xc0) !== 0x80) column++;
    return column;
  }

  /** 1-based physical line of byte offset `at` within the current record. */
  lineOf(at: number): number {
    const buf = this.#buf;
    let line = this.line;
    for (let i = this.recordStart; i < at; i++) {
      const b = buf[i];
      if (b === LF || (b === CR && buf[i + 1] !== LF)) line++;
    }
    return line;
  }
}

/**
 * Writes the content of a quoted field with doubled quotes, `buf[from, to)` (inside the outer quotes), into `out`
 * with each doubled quote undone; returns the bytes written (internal). `out` holds at least `to - from` bytes.
 */
export function unescapeField(buf: Uint8Array, from: number, to: number, out: Uint8Array): number {
  let w = 0;
  for (let r = from; r < to; r++) {
    const b = buf[r] as number;
    out[w++] = b;
    if (b === QUOTE) r++;
  }
  return w;
}
