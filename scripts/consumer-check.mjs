// Package-consumer check: pack every package, install the tarballs into a fresh project outside the
// workspace, import each package from ESM and from CJS, and type-check a TypeScript consumer under
// moduleResolution node16 and bundler. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');
const packages = readdirSync(packagesDir)
  .map((dir) => ({
    dir: join(packagesDir, dir),
    manifest: JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')),
  }))
  .filter((p) => !p.manifest.private);
const work = mkdtempSync(join(tmpdir(), 'cx-consumer-'));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
let failures = 0;
const check = (label, fn) => {
  try {
    fn();
    console.log(`ok   ${label}`);
  } catch (error) {
    failures++;
    console.log(
      `FAIL ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}${error.stdout || error.stderr ? '' : error.message}`,
    );
  }
};

try {
  const tarballs = packages.map((p) => {
    const out = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], p.dir));
    return join(work, out[0].filename);
  });
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'cx-consumer', private: true, version: '0.0.0' }),
  );
  // A Node.js TypeScript project has Node's types: @cx/connectors' public types use node:stream and Buffer.
  // Optional peers (e.g. @duckdb/node-api for @cx/connectors/duckdb) are installed as a consumer of that subpath
  // would, at the version the workspace tests with, so that every subpath is really imported.
  const optionalPeers = [
    ...new Set(
      packages.flatMap((p) =>
        Object.entries(p.manifest.peerDependenciesMeta ?? {})
          .filter(([name, meta]) => meta.optional && name !== '@types/node')
          .map(([name]) => name),
      ),
    ),
  ].map((name) => {
    const installed = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
    return `${name}@${installed.version}`;
  });
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--prefer-offline',
      ...tarballs,
      '@types/node@20',
      ...optionalPeers,
    ],
    app,
  );
  const names = packages.map((p) => p.manifest.name);
  // Subpath exports (e.g. @cx/metrics/journey): every one is imported too, and a name the root also exports must be
  // the very binding of the root (a subpath such as @cx/connectors/duckdb may hold names the root does not).
  const subpaths = packages.flatMap((p) =>
    Object.keys(p.manifest.exports ?? {})
      .filter((key) => key !== '.' && key !== './package.json')
      .map((key) => ({ root: p.manifest.name, name: `${p.manifest.name}${key.slice(1)}` })),
  );

  const esm = names.map(
    (n, i) =>
      `import * as m${i} from '${n}';\nif (Object.keys(m${i}).length === 0) throw new Error('${n}: no exports (ESM)');`,
  );
  const esmSubpaths = subpaths.map(
    ({ root, name }, i) =>
      `import * as s${i} from '${name}';\nimport * as r${i} from '${root}';\n` +
      `if (Object.keys(s${i}).length === 0) throw new Error('${name}: no exports (ESM)');\n` +
      `for (const k of Object.keys(s${i})) if (k in r${i} && s${i}[k] !== r${i}[k]) throw new Error('${name}: ' + k + ' differs from ${root} (ESM)');`,
  );
  writeFileSync(join(app, 'esm.mjs'), `${[...esm, ...esmSubpaths].join('\n')}\nconsole.log('esm ok');\n`);
  check(`ESM import of every package and subpath (${subpaths.length})`, () => run('node', ['esm.mjs'], app));

  const cjs = names.map(
    (n) =>
      `{ const m = require('${n}'); if (Object.keys(m).length === 0) throw new Error('${n}: no exports (CJS)'); }`,
  );
  const cjsSubpaths = subpaths.map(
    ({ root, name }) =>
      `{ const s = require('${name}'); const r = require('${root}'); if (Object.keys(s).length === 0) throw new Error('${name}: no exports (CJS)');` +
      ` for (const k of Object.keys(s)) if (k in r && s[k] !== r[k]) throw new Error('${name}: ' + k + ' differs from ${root} (CJS)'); }`,
  );
  writeFileSync(join(app, 'cjs.cjs'), `${[...cjs, ...cjsSubpaths].join('\n')}\nconsole.log('cjs ok');\n`);
  check(`CJS require of every package and subpath (${subpaths.length})`, () => run('node', ['cjs.cjs'], app));

  const consumer = [
    ...names.map((n, i) => `import * as m${i} from '${n}';`),
    ...subpaths.map(({ name }, i) => `import * as s${i} from '${name}';`),
    `import { type Interaction, interactionSchema, CxValidationError } from '@cx/model';`,
    `const e: Interaction = interactionSchema.parse({ id: 'e1', customerId: 'c1', timestamp: '2026-01-01T00:00:00Z', name: 'x', channel: 'web' });`,
    // A class reached through the root and through its subpath is one type (its private fields make it nominal).
    ...(subpaths.some(({ name }) => name === '@cx/metrics/journey')
      ? [
          `import { FunnelAccumulator, type FunnelOptions } from '@cx/metrics/journey';`,
          `import * as metricsRoot from '@cx/metrics';`,
          `const options: FunnelOptions = { steps: [{ name: 'x' }], window: { days: 1 } };`,
          `const acc: metricsRoot.FunnelAccumulator = new FunnelAccumulator(options).add(e);`,
          `export const converted: number = acc.result().converted;`,
        ]
      : []),
    `export const used = [e, CxValidationError, ${[...names.map((_, i) => `m${i}`), ...subpaths.map((_, i) => `s${i}`)].join(', ')}];`,
  ].join('\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [resolution, module] of [
    ['node16', 'node16'],
    ['bundler', 'esnext'],
  ]) {
    for (const type of resolution === 'node16' ? ['module', 'commonjs'] : ['module']) {
      const dir = join(app, `ts-${resolution}-${type}`);
      execFileSync('mkdir', ['-p', dir]);
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }));
      writeFileSync(join(dir, 'consumer.ts'), consumer);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: 'es2022',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ['node'],
          },
          files: ['consumer.ts'],
        }),
      );
      check(`TypeScript consumer, moduleResolution ${resolution}, package type ${type}`, () =>
        run('node', [tsc, '-p', dir], dir),
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failures > 0) {
  console.log(`consumer check: ${failures} failed`);
  process.exit(1);
}
console.log('consumer check: all passed');
