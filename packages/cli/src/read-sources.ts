// Reads every source of the config with @cx/ingest: records by kind, each source's summary, and every dead letter
// written as NDJSON beside the report (`<out>/<source>.dead-letters.ndjson`), so no rejected row is lost.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { type DeadLetter, type IngestSummary, readRecords } from '@cx/ingest';
import type { Customer, Feedback, Interaction, Order, Subscription, SurveyResponse } from '@cx/model';
import type { ResolvedConfig, ResolvedSource } from './config/load.js';
import type { Progress } from './progress.js';

/** The records of every source, by kind. */
export interface SourceRecords {
  readonly orders: Order[];
  readonly surveyResponses: SurveyResponse[];
  readonly interactions: Interaction[];
  readonly subscriptions: Subscription[];
  readonly customers: Customer[];
  readonly feedback: Feedback[];
}

/** What reading one source gave. */
export interface SourceRead {
  readonly name: string;
  readonly file: string;
  readonly kind: string;
  readonly summary: IngestSummary;
  /** The dead-letter file, when a row was rejected. */
  readonly deadLetters: string | undefined;
}

const KEY = {
  order: 'orders',
  surveyResponse: 'surveyResponses',
  interaction: 'interactions',
  subscription: 'subscriptions',
  customer: 'customers',
  feedback: 'feedback',
} as const;

async function readSource(
  source: ResolvedSource,
  outDir: string,
  into: SourceRecords,
  progress: Progress,
): Promise<SourceRead> {
  const deadFile = join(outDir, `${source.name}.dead-letters.ndjson`);
  let sink: WriteStream | undefined;
  const pending: DeadLetter[] = [];
  const { format, delimiter, encoding, maxRejected } = source.read;
  const stream = readRecords(
    { path: source.path },
    {
      ...(format === undefined ? {} : { format }),
      ...(delimiter === undefined ? {} : { delimiter }),
      ...(encoding === undefined ? {} : { encoding }),
      ...(maxRejected === undefined ? {} : { maxRejected: definedOnly(maxRejected) }),
      mapping: source.mapping,
      name: basename(source.path),
      onDeadLetter: (letter) => pending.push(letter),
    },
  );
  const list = into[KEY[source.mapping.kind]] as unknown[];
  let n = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    sink ??= createWriteStream(deadFile);
    const text = pending.map((l) => `${JSON.stringify(l)}\n`).join('');
    pending.length = 0;
    if (!sink.write(text)) await once(sink, 'drain');
  };
  try {
    for await (const { value } of stream) {
      list.push(value);
      if (++n % 10_000 === 0) {
        progress.tick(`Reading ${source.name}`, n);
        await flush();
      }
    }
  } finally {
    await flush();
    if (sink !== undefined) {
      sink.end();
      await once(sink, 'finish');
    }
  }
  return {
    name: source.name,
    file: source.path,
    kind: source.mapping.kind,
    summary: stream.summary,
    deadLetters: sink === undefined ? undefined : deadFile,
  };
}

/** Reads every source in config order. */
export async function readSources(
  config: ResolvedConfig,
  progress: Progress,
): Promise<{ readonly records: SourceRecords; readonly reads: readonly SourceRead[] }> {
  const records: SourceRecords = {
    orders: [],
    surveyResponses: [],
    interactions: [],
    subscriptions: [],
    customers: [],
    feedback: [],
  };
  const reads: SourceRead[] = [];
  for (const source of config.sources) {
    const read = await progress.step(`Reading ${source.name} (${basename(source.path)})`, () =>
      readSource(source, config.outDir, records, progress),
    );
    const s = read.summary;
    progress.note(
      `    ${s.rowsIn.toLocaleString('en-US')} rows: ${s.rowsOut.toLocaleString('en-US')} ${source.mapping.kind} records, ${s.rejected.toLocaleString('en-US')} rejected, ${s.skipped.toLocaleString('en-US')} skipped`,
    );
    if (s.rejected > 0) {
      const reasons = Object.entries(s.byCode)
        .sort((a, b) => b[1] - a[1])
        .map(([code, k]) => `${code} ${k.toLocaleString('en-US')}`)
        .join(', ');
      progress.note(`    rejected: ${reasons}; all in ${read.deadLetters}`);
      for (const letter of s.deadLetters.slice(0, 3))
        progress.note(
          `      line ${letter.line}${letter.column === undefined ? '' : `, column ${letter.column}`}: ${letter.reason}`,
        );
    }
    reads.push(read);
  }
  return { records, reads };
}

/** The keys of an object whose values are defined (for options under exactOptionalPropertyTypes). */
function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
