import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CxValidationError } from '@cx/model';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOutputs, FROZEN_FILES, HELD_OUT_FILES, readHeldOut, readRaw } from './assemble';
import { type EvalText, heldOutSetOf, serializeRow } from './corpus';

const row = (overrides: Partial<EvalText> = {}): EvalText => ({
  id: 'en-0001',
  text: 'Arrived a day early.',
  label: 'positive',
  source: 'review',
  domain: 'electronics',
  aspects: [],
  ...overrides,
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** A corpus folder with the given batches: { 'raw/en-review-01.jsonl': [rows] }. */
function corpus(batches: Record<string, EvalText[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cx-text-eval-'));
  dirs.push(dir);
  for (const [path, rows] of Object.entries(batches)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), rows.map((r) => `${serializeRow(r)}\n`).join(''));
  }
  return dir;
}

describe('heldOutSetOf', () => {
  it.each([
    ['en-t2-0001', 'test-2'],
    ['pl-t2-0400', 'test-2'],
    ['en-0001', undefined],
    ['pl-t3-0001', undefined],
  ])('%s → %s', (id, set) => expect(heldOutSetOf({ id })).toBe(set));
});

describe('readRaw and readHeldOut', () => {
  it('read the batches of their own folder', () => {
    const dir = corpus({
      'raw/en-review-01.jsonl': [row()],
      'raw-test-2/en-review-01.jsonl': [row({ id: 'en-t2-0001', text: 'Came early.' })],
    });
    expect(readRaw(dir).map((r) => r.id)).toEqual(['en-0001']);
    expect(readHeldOut('test-2', dir).map((r) => r.id)).toEqual(['en-t2-0001']);
  });

  it('reject a held-out id among the split batches, and a split id among the held-out batches', () => {
    const dir = corpus({
      'raw/en-review-01.jsonl': [row({ id: 'en-t2-0001' })],
      'raw-test-2/en-review-01.jsonl': [row({ id: 'en-0002' })],
    });
    expect(() => readRaw(dir)).toThrow('raw/: en-t2-0001 has the id of a held-out set');
    expect(() => readHeldOut('test-2', dir)).toThrow('raw-test-2/: en-0002 lacks the id infix "-t2-"');
  });

  it('reject an id with an unknown set infix as bad data', () => {
    const dir = corpus({ 'raw-test-2/en-review-01.jsonl': [row({ id: 'en-t3-0001' })] });
    expect(() => readHeldOut('test-2', dir)).toThrow(CxValidationError);
  });
});

describe('buildOutputs', () => {
  it('writes each held-out set whole, per language and sorted by id, and counts it in the manifest', () => {
    const heldOut = [
      row({ id: 'pl-t2-0001', text: 'Przyszło wcześniej.' }),
      row({ id: 'en-t2-0002', text: 'Late twice.', label: 'negative' }),
      row({ id: 'en-t2-0001', text: 'Came early.' }),
    ];
    const { files, manifest } = buildOutputs([row()], { 'test-2': heldOut });
    expect(
      files
        .get('en/test-2.jsonl')
        ?.split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).id),
    ).toEqual(['en-t2-0001', 'en-t2-0002']);
    expect(manifest.files['pl/test-2.jsonl']?.texts).toBe(1);
    expect(manifest.heldOut['test-2'].en?.label).toEqual({ positive: 1, negative: 1, neutral: 0 });
    expect(HELD_OUT_FILES.map((f) => f.path)).toEqual(['en/test-2.jsonl', 'pl/test-2.jsonl']);
  });

  it('rejects a held-out text that repeats a text of the split corpus', () => {
    const heldOut = [row({ id: 'en-t2-0001', text: 'ARRIVED a day early!' })];
    expect(() => buildOutputs([row()], { 'test-2': heldOut })).toThrow(CxValidationError);
  });

  it('freezes the test splits and every held-out file', () => {
    expect([...FROZEN_FILES].sort()).toEqual([
      'en/test-2.jsonl',
      'en/test.jsonl',
      'pl/test-2.jsonl',
      'pl/test.jsonl',
    ]);
  });
});
