import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { type JourneyMap, parseMapJson, parseMapYaml } from '@cx/map';
import { parseOptions } from '@cx/model';
import { renderReport } from '@cx/report';
import { z } from 'zod';
import { analyse } from './analysis/analyse.js';
import { loadConfig } from './config/load.js';
import { type Progress, streamProgress } from './progress.js';
import { readSources, type SourceRead } from './read-sources.js';

/**
 * Options of {@link runReport}.
 *
 * @example
 * ```ts
 * import type { RunReportOptions } from '@cx/cli';
 * const options: RunReportOptions = { out: 'public/cx', quiet: true };
 * console.log(options.out); // 'public/cx'
 * ```
 * @category Command line
 * @since 0.1.0
 */
export interface RunReportOptions {
  /** Output folder, instead of the config's `out` (relative to the working directory). */
  readonly out?: string | undefined;
  /** Write no progress. */
  readonly quiet?: boolean | undefined;
  /** Where progress goes; default stderr. */
  readonly progress?: { write(text: string): unknown; isTTY?: boolean } | undefined;
}

/**
 * What {@link runReport} wrote and read.
 *
 * @example
 * ```ts
 * import type { RunReportResult } from '@cx/cli';
 * const result: RunReportResult = { report: 'cx-report/report.html', deadLetters: [], sources: [] };
 * console.log(result.report); // 'cx-report/report.html'
 * ```
 * @category Command line
 * @since 0.1.0
 */
export interface RunReportResult {
  /** The report's path. */
  readonly report: string;
  /** The dead-letter files written (one per source with rejected rows). */
  readonly deadLetters: readonly string[];
  /** Rows in, out, rejected and skipped per source. */
  readonly sources: ReadonlyArray<{
    readonly name: string;
    readonly rowsIn: number;
    readonly rowsOut: number;
    readonly rejected: number;
    readonly skipped: number;
  }>;
}

async function loadMap(path: string): Promise<JourneyMap> {
  const text = await readFile(path, 'utf8');
  return /\.ya?ml$/i.test(extname(path)) ? parseMapYaml(text) : parseMapJson(text);
}

/**
 * Runs `cx report`: reads the config, every source through its `@cx/ingest` mapping (rejected rows to
 * `<out>/<source>.dead-letters.ndjson`), computes every measure, and writes `<out>/report.html`.
 *
 * @param configPath - Path of `cx.config.json`.
 * @param options - Output folder and progress.
 * @returns The files written and what each source gave.
 * @throws {@link @cx/model!CxOptionsError} synchronously, before any work, for invalid `options` (an unknown key
 *   names the closest known one; `null` and wrong types are errors); in the returned promise, for a config that
 *   does not follow the schema (path in the file,
 *   closest key for a misspelt one); {@link @cx/model!CxValidationError} for malformed JSON, a journey map that does
 *   not parse, or a source rejected above its `maxRejected`; `ENOENT` errors for missing files.
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { runReport } from '@cx/cli';
 * const dir = mkdtempSync(join(tmpdir(), 'cx-'));
 * writeFileSync(join(dir, 'nps.csv'), 'id,score,at\nr1,10,2025-01-05 10:00\nr2,6,2025-01-20 12:00\nr3,9,2025-02-03 09:00\n');
 * writeFileSync(join(dir, 'cx.config.json'), JSON.stringify({
 *   timeZone: 'Europe/Warsaw',
 *   sources: { nps: { path: 'nps.csv', mapping: { kind: 'surveyResponse', timeZone: 'Europe/Warsaw', fields: {
 *     id: 'id', score: 'score', respondedAt: 'at', surveyId: { value: 'nps' }, metric: { value: 'nps' }, scale: { value: { min: 0, max: 10 } },
 *   } } } },
 *   report: { title: 'NPS' },
 * }));
 * const result = await runReport(join(dir, 'cx.config.json'), { quiet: true });
 * console.log(result.sources[0]?.rowsOut, result.report.endsWith('report.html')); // 3 true
 * ```
 * @category Command line
 * @since 0.1.0
 */
export function runReport(configPath: string, options?: RunReportOptions): Promise<RunReportResult> {
  return run(configPath, parseOptions(optionsSchema, options, 'runReport'));
}

const optionsSchema = z.strictObject({
  out: z.string().min(1).optional(),
  quiet: z.boolean().optional(),
  progress: z
    .custom<NonNullable<RunReportOptions['progress']>>(
      (v) => typeof v === 'object' && v !== null && typeof (v as { write?: unknown }).write === 'function',
      { error: 'Expected an object with a write(text) method, such as process.stderr' },
    )
    .optional(),
});

async function run(configPath: string, options: RunReportOptions): Promise<RunReportResult> {
  const progress: Progress = streamProgress(options.progress, options.quiet ?? false);
  const config = await loadConfig(configPath, options.out);
  await mkdir(config.outDir, { recursive: true });
  const map = config.journey === undefined ? undefined : await loadMap(config.journey);
  const { records, reads } = await readSources(config, progress);
  const fromOut = (path: string) => relative(config.outDir, path);
  const input = await analyse(records, reads, config.config, map, progress, fromOut);
  const report = join(config.outDir, 'report.html');
  await progress.step('Writing the report', async () => {
    const sections = config.config.report.sections;
    await writeFile(report, renderReport(input, sections === undefined ? undefined : { sections }));
  });
  return {
    report,
    deadLetters: reads.flatMap((r: SourceRead) => (r.deadLetters === undefined ? [] : [r.deadLetters])),
    sources: reads.map((r) => ({
      name: r.name,
      rowsIn: r.summary.rowsIn,
      rowsOut: r.summary.rowsOut,
      rejected: r.summary.rejected,
      skipped: r.summary.skipped,
    })),
  };
}
