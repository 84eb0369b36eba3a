#!/usr/bin/env node
// The `cx` command: the built command line of @cx/cli (dist/cli.js). In a clone of the repository, build first
// (`npm run build`, or `npx turbo run build --filter=@cx/cli...`).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('cx: @cx/cli is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
await import(built.href);
