// Every `@example` in the public TSDoc of this package runs here, so that the documented examples cannot rot.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const src = fileURLToPath(new URL('.', import.meta.url));
const out = fileURLToPath(new URL('../test/.examples/', import.meta.url));
const EXAMPLE = /@example\n((?: \* .*\n| \*\n)*?) \* ```ts\n((?: \*.*\n)*?) \* ```/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const examples = sources(src).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(EXAMPLE)].map((m, i) => ({
    name: `${relative(src, file)} #${i + 1}`,
    code: (m[2] ?? '')
      .split('\n')
      .map((l) => l.replace(/^ \* ?/, '').replace(/^ \*$/, ''))
      .join('\n'),
  })),
);

mkdirSync(out, { recursive: true });
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('TSDoc examples', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(40);
  });
  it.each(examples)('$name runs', async ({ name, code }) => {
    const file = join(out, `${name.replace(/[^a-z0-9]+/gi, '-')}.ts`);
    writeFileSync(file, `${code}\nexport {};\n`);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      log.mockRestore();
    }
  });
});
