// Vitest global setup: PostgreSQL 15 from Debian on a private data directory and port, as user postgres
// (PostgreSQL refuses to run as root), stopped when the run ends. `.ci/run` installs the package when missing.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/** The newest PostgreSQL Debian installed (15 on bookworm). */
const BIN = (() => {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10))[0] ?? '15';
  return `${root}/${newest}/bin`;
})();

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { host: string; port: number; user: string; database: string } | { missing: string };
  }
}

function asPostgres(args: readonly string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(
    root ? 'runuser' : (args[0] as string),
    root ? ['-u', 'postgres', '--', ...args] : args.slice(1),
    {
      stdio: 'pipe',
    },
  );
}

export default function setup(project: TestProject): () => void {
  if (!existsSync(`${BIN}/initdb`)) {
    project.provide('postgres', {
      missing: `PostgreSQL is not installed: apt-get install -y postgresql (bash .ci/run does this), then run the tests again`,
    });
    return () => undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cx-warehouse-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const port = 54_329 + (process.pid % 200);
  asPostgres([`${BIN}/initdb`, '-D', `${dir}/data`, '-A', 'trust', '-U', 'cx']);
  asPostgres([
    `${BIN}/pg_ctl`,
    '-D',
    `${dir}/data`,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-l',
    `${dir}/log`,
    '-w',
    'start',
  ]);
  execFileSync(`${BIN}/createdb`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'cx', 'cx']);
  project.provide('postgres', { host: '127.0.0.1', port, user: 'cx', database: 'cx' });
  return () => {
    try {
      asPostgres([`${BIN}/pg_ctl`, '-D', `${dir}/data`, '-m', 'fast', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
