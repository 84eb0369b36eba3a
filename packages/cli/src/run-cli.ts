import { parseArgs } from 'node:util';
import { CxError } from '@cx/model';
import { runReport } from './run-report.js';

/**
 * Where {@link runCli} writes: the summary to `stdout`, progress and errors to `stderr`.
 *
 * @example
 * ```ts
 * import type { CliIo } from '@cx/cli';
 * const lines: string[] = [];
 * const io: CliIo = { stdout: { write: (t: string) => lines.push(t) }, stderr: { write: (t: string) => lines.push(t) } };
 * console.log(typeof io.stdout.write); // 'function'
 * ```
 * @category Command line
 * @since 0.1.0
 */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** The usage text of `cx`. */
export const USAGE = `Usage: cx report --config <cx.config.json> [--out <folder>] [--quiet]

Reads the files named in the config through their @cx/ingest mappings, measures them and writes
<out>/report.html, with every rejected row in <out>/<source>.dead-letters.ndjson.

Options:
  -c, --config <file>   the config (JSON; paths in it are relative to it)
  -o, --out <folder>    output folder (default: the config's "out", else cx-report beside the config)
  -q, --quiet           no progress on stderr
  -h, --help            this text
`;

/**
 * Runs the `cx` command line with its arguments (without `node` and the script) and returns the exit code: 0 when
 * the report was written, 1 when the config, a file or a read failed (the message says what and where), 2 for a
 * usage mistake.
 *
 * @param args - The arguments, e.g. `['report', '--config', 'cx.config.json']`.
 * @param io - Where output goes; default the process's stdout and stderr.
 * @returns The exit code.
 * @example
 * ```ts
 * import { runCli } from '@cx/cli';
 * const out: string[] = [];
 * const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } };
 * console.log(await runCli(['report'], io), out.join('').includes('--config')); // 2 true
 * ```
 * @category Command line
 * @since 0.1.0
 */
export async function runCli(args: readonly string[], io: CliIo = process): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    io.stderr.write(`cx: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals[0] !== 'report' || positionals.length > 1) {
    io.stderr.write(
      `cx: ${positionals.length === 0 ? 'a command is missing' : `unknown command "${positionals.join(' ')}"`}\n\n${USAGE}`,
    );
    return 2;
  }
  if (values.config === undefined) {
    io.stderr.write(`cx: report needs --config <file>\n\n${USAGE}`);
    return 2;
  }
  try {
    const result = await runReport(values.config, {
      ...(values.out === undefined ? {} : { out: values.out }),
      quiet: values.quiet === true,
      progress: io.stderr,
    });
    const rejected = result.sources.reduce((s, r) => s + r.rejected, 0);
    io.stdout.write(
      `Report: ${result.report}\n` +
        (rejected === 0
          ? 'Every row was read.\n'
          : `${rejected.toLocaleString('en-US')} rows rejected, written to:\n${result.deadLetters.map((f) => `  ${f}\n`).join('')}`),
    );
    return 0;
  } catch (error) {
    io.stderr.write(
      `cx: ${error instanceof CxError || error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string', short: 'c' },
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
