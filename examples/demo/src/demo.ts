// The main job as a user would do it: the sample shop's exports written to files, a cx.config.json beside them, and
// the `cx report` command line run on them (as a child process, exactly as `npx cx report --config …`).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { demoConfig } from './config.js';
import { type WrittenFile, writeShopExports } from './write-exports.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Where the report (and any dead letters) go. */
  readonly outDir: string;
  readonly customers?: number;
  readonly seed?: number;
  /** Keep the exports and the config in this folder instead of a temporary one that is removed. */
  readonly dataDir?: string;
  /** Where the command line's progress goes (its stderr); nothing when undefined. */
  readonly progress?: (text: string) => void;
}

/** What the demo did. */
export interface DemoResult {
  readonly report: string;
  readonly files: readonly WrittenFile[];
  readonly config: string;
  /** The command line's summary (its stdout). */
  readonly summary: string;
}

/** The `cx` executable of @cx/cli. */
export function cxBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@cx/cli/package.json')), 'bin', 'cx.mjs');
}

/** Runs `cx` with arguments; resolves with its stdout, rejects with its stderr when it exits non-zero. */
function cx(args: readonly string[], progress: ((text: string) => void) | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cxBin(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      progress?.(chunk.toString());
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`cx ${args.join(' ')} exited with ${code}:\n${err}`)),
    );
  });
}

/** Writes the exports and the config, runs `cx report`, and cleans up the temporary files. */
export async function runDemo({
  outDir,
  customers = 3000,
  seed = 2026,
  dataDir,
  progress,
}: DemoOptions): Promise<DemoResult> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'cx-demo-')));
  try {
    await mkdir(dir, { recursive: true });
    progress?.(
      `  Writing the sample shop's exports (${customers.toLocaleString('en-US')} customers, one year) to ${dir}\n`,
    );
    const { files, surveys } = await writeShopExports(dir, { customers, seed });
    const config = join(dir, 'cx.config.json');
    await writeFile(config, `${JSON.stringify(demoConfig(surveys), null, 2)}\n`);
    const summary = await cx(['report', '--config', config, '--out', outDir], progress);
    return { report: join(outDir, 'report.html'), files, config, summary };
  } finally {
    if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
  }
}
