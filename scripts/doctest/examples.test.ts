// Runs every @example of every package as a module, so that documented examples cannot rot.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extractExamples, packageNames } from './extract.js';

const generated = join(import.meta.dirname, '.generated');
rmSync(generated, { recursive: true, force: true });
afterAll(() => rmSync(generated, { recursive: true, force: true }));

for (const pkg of packageNames()) {
  const examples = extractExamples(pkg);
  describe.skipIf(examples.length === 0)(`@cx/${pkg} @example blocks run`, () => {
    examples.forEach((example, i) => {
      it(`${example.file}:${example.line}`, async () => {
        const dir = join(generated, pkg);
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `example-${i}.ts`);
        writeFileSync(file, `${example.code}\nexport {};\n`);
        const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
        const table = vi.spyOn(console, 'table').mockImplementation(() => undefined);
        try {
          await expect(import(file)).resolves.toBeDefined();
        } finally {
          log.mockRestore();
          table.mockRestore();
        }
      });
    });
  });
}
