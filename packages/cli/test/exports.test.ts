// The command line on the fixture exports of @cx/ingest (Shopify and a Polish shop's Windows-1250 orders, Typeform
// responses, HubSpot contacts, a GA4 export): a report, and every rejected row counted and written beside it.
// Expected values are read off the fixture files by hand (see the comments).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';

const CONFIG = join(import.meta.dirname, 'fixtures', 'exports', 'cx.config.json');
let out = '';
let code = -1;
let stdout = '';
let stderr = '';
let page = '';

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'cx-cli-'));
  code = await runCli(['report', '--config', CONFIG, '--out', out], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  page = await readFile(join(out, 'report.html'), 'utf8');
}, 120_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

function csv(name: string): string[] {
  const match = new RegExp(`download="${name}\\.csv" href="([^"]+)"`).exec(page);
  if (match === null) throw new Error(`no ${name}.csv in the report`);
  const url = (match[1] as string).replaceAll('&amp;', '&');
  return decodeURIComponent(url.slice(url.indexOf(',') + 1))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
}

async function deadLetters(source: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(join(out, `${source}.dead-letters.ndjson`), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('cx report on the fixture exports', () => {
  it('writes the report and says where the rejected rows went', () => {
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`Report: ${join(out, 'report.html')}`);
    expect(stdout).toContain('3 rows rejected, written to:');
  });

  it('reports progress of each step on stderr, with the rejected rows per reason and line', () => {
    expect(stderr).toMatch(/✓ Reading shopify \(shopify-orders\.csv\)/);
    expect(stderr).toContain('5 rows: 4 order records, 0 rejected, 1 skipped');
    expect(stderr).toContain('rejected: nonexistent_local_time 1');
    expect(stderr).toMatch(/line 4, column 15: orderedAt/);
    expect(stderr).toMatch(/✓ Writing the report/);
  });

  it('writes every rejected row, with its line and reason, beside the report', async () => {
    // polish-shop-orders line 4: "2024-03-31 02:30" does not exist in Warsaw (clocks jump from 02:00 to 03:00).
    expect(await deadLetters('sklep')).toMatchObject([
      { line: 4, column: 15, field: 'orderedAt', code: 'nonexistent_local_time', raw: '2024-03-31 02:30' },
    ]);
    // typeform-nps line 5 (r8k2m4) has no score.
    expect(await deadLetters('typeform')).toMatchObject([{ line: 5, field: 'score', code: 'missing_value' }]);
    // ga4-events line 5: event_timestamp "not-a-number".
    expect(await deadLetters('ga4')).toMatchObject([
      { line: 5, code: 'invalid_instant', raw: 'not-a-number' },
    ]);
  });

  it('shows what each source gave: rows in = accepted + rejected + skipped', () => {
    expect(csv('sources')).toEqual([
      'Source,Records,Rows in,Accepted,Rejected,Skipped,Reasons,Dead letters',
      'shopify (shopify-orders.csv),order,5,4,0,1,,',
      'sklep (polish-shop-orders.cp1250.csv),order,6,5,1,0,nonexistent_local_time (1),sklep.dead-letters.ndjson',
      'typeform (typeform-nps.csv),surveyResponse,5,4,1,0,missing_value (1),typeform.dead-letters.ndjson',
      'hubspot (hubspot-contacts.csv),customer,4,4,0,0,,',
      'ga4 (ga4-events.ndjson),interaction,5,4,1,0,invalid_instant (1),ga4.dead-letters.ndjson',
    ]);
  });

  it('measures NPS by month in Europe/Warsaw', () => {
    // r8k2m1 (10) was submitted at 22:31 UTC on 31 January: 23:31 in Warsaw, still January.
    // February: r8k2m2 (6) and r8k2m3 (9) → 1 promoter, 1 detractor: 0. March: r8k2m5 (3) → −100.
    const rows = csv('nps-trend').map((r) => r.split(',').slice(0, 2).join(','));
    expect(rows).toEqual(['Period,NPS (points)', 'Jan 2024,100', 'Feb 2024,0', 'Mar 2024,-100']);
  });

  it('measures repeat-purchase cohorts from both order exports', () => {
    // Paid orders (refunded, cancelled and placed ones are not purchases), months in Warsaw:
    //   anna: ZAM/2024/0001 31 Jan 23:30 (January), #1001 2 Mar → January cohort, back in Month 2.
    //   jan: ZAM/2024/0002 14 Feb → February cohort (#1002 refunded, ZAM/2024/0006 placed).
    //   #1004 (12 Apr, pos): April cohort. ZAM/2024/0003 was rejected (DST gap).
    const rows = csv('retention');
    expect(rows[0]).toBe('Cohort,Size,Month 0 (%),Month 1 (%),Month 2 (%),Month 3 (%)');
    expect(rows[1]).toBe('Jan 2024,1,100,0,100,0');
    expect(rows[2]).toBe('Feb 2024,1,100,0,0,0');
    // As of 1 July, April's Month 3 (July) is not over.
    expect(rows.find((r) => r.startsWith('Apr 2024'))).toBe('Apr 2024,1,100,0,0,not over yet');
  });

  it('draws the journey map, the funnel, the stages and activity churn', () => {
    for (const id of ['chart-nps-trend', 'chart-funnel', 'chart-retention', 'chart-churn', 'chart-stages'])
      expect(page).toContain(`id="${id}"`);
    expect(page).toContain('class="cx-map"');
    // The funnel follows anna (the only visitor with all three steps within 7 days).
    expect(csv('funnel')[3]).toMatch(/^Purchased,1,100,100,0$/);
  });
});

describe('cx report mistakes', () => {
  const io = () => {
    const buffers = { out: '', err: '' };
    return {
      buffers,
      io: {
        stdout: { write: (t: string) => (buffers.out += t) },
        stderr: { write: (t: string) => (buffers.err += t) },
      },
    };
  };

  it('a usage mistake exits 2 with the usage text', async () => {
    const { buffers, io: streams } = io();
    expect(await runCli(['reprot', '--config', CONFIG], streams)).toBe(2);
    expect(buffers.err).toContain('unknown command "reprot"');
    expect(await runCli(['report', '--confg', CONFIG], streams)).toBe(2);
    expect(await runCli(['report'], streams)).toBe(2);
    expect(buffers.err).toContain('report needs --config <file>');
  });

  it('a config mistake exits 1 naming the path in the file and the closest key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-cli-bad-'));
    const { writeFile } = await import('node:fs/promises');
    const file = join(dir, 'cx.config.json');
    await writeFile(
      file,
      JSON.stringify({ timeZone: 'Europe/Warsaw', sources: {}, report: { title: 'x', intervall: 'month' } }),
    );
    const { buffers, io: streams } = io();
    expect(await runCli(['report', '--config', file], streams)).toBe(1);
    expect(buffers.err).toContain(file);
    expect(buffers.err).toMatch(/report\.intervall|report\/intervall/);
    expect(buffers.err).toContain('interval');
    expect(buffers.err).toContain('Expected at least one source');
    await rm(dir, { recursive: true, force: true });
  });

  it('a mapping mistake is located in the config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-cli-bad-'));
    const { writeFile } = await import('node:fs/promises');
    const file = join(dir, 'cx.config.json');
    await writeFile(
      file,
      JSON.stringify({
        timeZone: 'UTC',
        sources: {
          orders: { path: 'orders.csv', mapping: { kind: 'order', fields: { id: 'Nr', amuont: 'Kwota' } } },
        },
        report: { title: 'x' },
      }),
    );
    const { buffers, io: streams } = io();
    expect(await runCli(['report', '--config', file], streams)).toBe(1);
    expect(buffers.err).toMatch(
      /sources.orders.mapping.fields.amuont|sources\/orders\/mapping\/fields\/amuont/,
    );
    expect(buffers.err).toContain('amount');
    await rm(dir, { recursive: true, force: true });
  });

  it('malformed JSON and a missing file exit 1 with the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-cli-bad-'));
    const { writeFile } = await import('node:fs/promises');
    const file = join(dir, 'cx.config.json');
    await writeFile(file, '{ "timeZone": "UTC", }');
    const { buffers, io: streams } = io();
    expect(await runCli(['report', '--config', file], streams)).toBe(1);
    expect(buffers.err).toMatch(/JSON/);
    expect(await runCli(['report', '--config', join(dir, 'nope.json')], streams)).toBe(1);
    expect(buffers.err).toMatch(/ENOENT|no such file/);
    await rm(dir, { recursive: true, force: true });
  });
});
