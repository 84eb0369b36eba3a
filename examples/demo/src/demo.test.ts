// The demo end to end on a smaller shop: the exports written to files, `cx report` run on them as a child process,
// the report written, and nothing large left behind.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, runDemo } from './demo.js';

let out = '';
let result: DemoResult;
let progress = '';

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'cx-demo-out-'));
  result = await runDemo({ outDir: out, customers: 500, progress: (t) => (progress += t) });
}, 300_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('the demo', () => {
  it('writes the exports as files and reads every row back through cx report', () => {
    expect(result.files.map((f) => f.name)).toEqual([
      'orders.csv',
      'events.csv',
      'survey-ces-checkout.csv',
      'survey-ces-support.csv',
      'survey-ces-support-legacy.csv',
      'survey-csat-delivery.csv',
      'survey-csat-support.csv',
      'survey-nps-post-purchase.csv',
      'subscriptions.csv',
      'feedback.csv',
      'journey-map.json',
    ]);
    expect(result.summary).toContain('Every row was read.');
    expect(progress).toMatch(/✓ Reading events \(events\.csv\)/);
    const events = result.files.find((f) => f.name === 'events.csv');
    expect(progress).toContain(
      `${events?.records.toLocaleString('en-US')} rows: ${events?.records.toLocaleString('en-US')} interaction records, 0 rejected`,
    );
  });

  it('leaves only the report in the output folder, and no temporary files', async () => {
    expect(await readdir(out)).toEqual(['report.html']);
    expect((await stat(result.report)).size).toBeLessThan(3_000_000);
    await expect(stat(result.config)).rejects.toThrow(/ENOENT/);
  });

  it('draws every section of the report', async () => {
    const page = await readFile(result.report, 'utf8');
    for (const id of [
      'key-figures',
      'nps-trend',
      'journey-map',
      'funnel',
      'retention',
      'satisfaction-by-stage',
      'churn',
      'stages',
      'pain-points',
      'topics',
      'themes',
      'data-quality',
    ])
      expect(page, id).toContain(`id="${id}"`);
  });
});
