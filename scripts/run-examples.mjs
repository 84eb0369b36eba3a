// Runs every example workspace's `start` script (after `npm run build`) and fails if any exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'examples');
const examples = existsSync(dir)
  ? readdirSync(dir)
      .filter((name) => existsSync(join(dir, name, 'package.json')))
      .map((name) => ({ name, manifest: JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) }))
      .filter((e) => e.manifest.scripts?.start)
  : [];
let failed = 0;
for (const { name, manifest } of examples) {
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'start', '--silent', '-w', manifest.name], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CX_EXAMPLE_QUIET: '1' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    console.log(`ok   examples/${name} (${seconds} s)`);
  } else {
    failed++;
    console.log(
      `FAIL examples/${name} (exit ${result.status}, ${seconds} s)\n${result.stdout}\n${result.stderr}`,
    );
  }
}
console.log(`examples: ${examples.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
