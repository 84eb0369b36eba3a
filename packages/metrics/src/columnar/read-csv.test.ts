import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from './build.js';
import { streamInteractionCsv } from './csv-stream.js';
import { readInteractionColumnsCsv } from './read-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-columnar-'));
let fileCount = 0;
const csvFile = (text: string): string => {
  const path = join(dir, `f${fileCount++}.csv`);
  writeFileSync(path, text);
  return path;
};

const HEADER = 'id,customerId,anonymousId,timestamp,name,channel,touchpointId,stageId,properties.revenue';

describe('readInteractionColumnsCsv', () => {
  it('reads quoted fields, CRLF, BOM, blank lines and missing values', async () => {
    const path = csvFile(
      `\uFEFF${HEADER}\r\n` +
        'e1,"c,1",,2026-01-02T00:00:00Z,"say ""hi""",web,,,\r\n' +
        '\r\n' +
        'e2,,dev-9,2026-01-01T00:00:00.250Z,visit,web,home,awareness,19.5\r\n' +
        'e3,"c,1",,2026-01-01T00:00:00Z,"multi\nline",email,,,-2\n',
    );
    const columns = await readInteractionColumnsCsv(path, { numeric: ['revenue'] });
    expect(columns.actorIds).toEqual(['c,1', 'dev-9']);
    expect(Array.from(columns.actorOffsets)).toEqual([0, 2, 3]);
    expect(Array.from(columns.name, (i) => columns.names[i])).toEqual(['multi\nline', 'say "hi"', 'visit']);
    expect(Array.from(columns.numeric.revenue ?? [])).toEqual([-2, Number.NaN, 19.5]);
    expect(columns.time[2]).toBe(Date.parse('2026-01-01T00:00:00.250Z'));
    expect(columns.touchpoints[columns.touchpoint[2] ?? -1]).toBe('home');
    expect(columns.stage[0]).toBe(-1);
    expect(columns.channels).toEqual(['web', 'email']);
  });

  it('gives the same columns as buildInteractionColumns on the same events, for any chunk size (property)', async () => {
    const row = fc.record({
      actor: fc.constantFrom('a', 'b', 'ü"x', 'd,e'),
      ms: fc.integer({ min: 0, max: 1e11 }),
      name: fc.constantFrom('visit', 'buy', 'sign up'),
      revenue: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 30 }),
        fc.integer({ min: 1024, max: 2048 }),
        async (rows, chunkBytes) => {
          const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
          const text =
            `${HEADER}\n` +
            rows
              .map(
                (r, i) =>
                  `e${i},${quote(r.actor)},,${new Date(r.ms).toISOString()},${quote(r.name)},web,,,${r.revenue ?? ''}`,
              )
              .join('\n');
          const fromCsv = await readInteractionColumnsCsv(csvFile(text), {
            numeric: ['revenue'],
            chunkBytes,
          });
          const fromObjects = buildInteractionColumns(
            rows.map((r, i) => ({
              id: `e${i}`,
              customerId: r.actor,
              timestamp: new Date(r.ms).toISOString(),
              name: r.name,
              channel: 'web' as const,
              properties: r.revenue === undefined ? {} : { revenue: r.revenue },
            })),
            { numeric: ['revenue'] },
          );
          expect(fromCsv).toEqual(fromObjects);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('numbers actors known by customerId, anonymousId or both as buildInteractionColumns does (property)', async () => {
    // Actor indices are in order of first appearance over customerId, else anonymousId, with one index per string:
    // an anonymous actor first met after some customers, a customer id equal to an anonymous one, ids met again
    // after others, duplicates dropped or not. Rows of 80+ bytes and 1 KiB chunks cut the file into many batches.
    const ids = ['c1', 'c2', 'shared', 'c,4', 'c"5'];
    const row = fc.record({
      customer: fc.option(fc.constantFrom(...ids), { nil: undefined }),
      anonymous: fc.constantFrom(...ids, 'dev-1', 'dev-2'),
      ms: fc.integer({ min: 0, max: 1e11 }),
      duplicate: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        fc.constantFrom(0, 1),
        async (rows, dedupe, workers) => {
          const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
          const events = rows.map((r, i) => ({
            id: r.duplicate && i > 0 ? `e${i - 1}` : `e${i}`,
            ...(r.customer === undefined ? {} : { customerId: r.customer }),
            anonymousId: r.anonymous,
            timestamp: new Date(r.ms).toISOString(),
            name: 'visit',
            channel: 'web' as const,
            touchpointId: 'x'.repeat(60),
            properties: {},
          }));
          // A column never read (numeric not asked for) with quoted delimiters, quotes and line breaks in some rows.
          const note = (i: number): string => (i % 3 === 0 ? quote(`x,"y"\n${'z'.repeat(50)}`) : '');
          const text = `${HEADER}\n${events
            .map(
              (e, i) =>
                `${e.id},${quote(e.customerId ?? '')},${quote(e.anonymousId)},${e.timestamp},visit,web,${e.touchpointId},,${note(i)}`,
            )
            .join('\n')}\n`;
          const path = csvFile(text);
          const fromCsv = await readInteractionColumnsCsv(path, { dedupe, chunkBytes: 1024, workers });
          expect(fromCsv).toEqual(buildInteractionColumns(events, { dedupe }));
          const stream = streamInteractionCsv(path, { dedupe, chunkBytes: 1024, workers, dimensions: [] });
          const actors: string[] = [];
          // `firstRow + i` is the data row of event i, also after a dropped duplicate (errors name rows by it).
          const dataRows: number[] = [];
          for await (const batch of stream) {
            batch.actor.forEach((a, i) => {
              actors.push(stream.actorId(a));
              dataRows.push(batch.firstRow + i);
            });
          }
          const keptRows = events.flatMap((e, i) =>
            !dedupe || events.findIndex((f) => f.id === e.id) === i ? [i] : [],
          );
          const kept = keptRows.map((i) => events[i] as (typeof events)[number]);
          expect(actors).toEqual(kept.map((e) => e.customerId ?? e.anonymousId));
          expect(dataRows).toEqual(keptRows);
          expect(stream.actorCount).toBe(new Set(actors).size);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('handles a file larger than one chunk with records crossing chunk boundaries', async () => {
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `e${i},c${i % 97},,${new Date(1.7e12 + i * 1000).toISOString()},visit,web,,,${i}`,
    );
    const columns = await readInteractionColumnsCsv(csvFile(`${HEADER}\n${lines.join('\n')}`), {
      numeric: ['revenue'],
      chunkBytes: 1024,
    });
    expect(columns.length).toBe(3000);
    expect(columns.actorIds.length).toBe(97);
    // Sum 0 + 1 + … + 2999 = 2999 · 3000 / 2.
    expect(Array.from(columns.numeric.revenue ?? []).reduce((s, v) => s + v, 0)).toBe(4_498_500);
  });

  it('skips the dimensions not asked for (-1 in batches, no name or channel required)', async () => {
    const path = csvFile(`${HEADER}\ne1,c1,,2026-01-01T00:00:00Z,,,home,,\n`);
    const columns = await readInteractionColumnsCsv(path, { dimensions: ['touchpoint'] });
    expect(Array.from(columns.name)).toEqual([-1]);
    expect(Array.from(columns.channel)).toEqual([-1]);
    expect(columns.touchpoints).toEqual(['home']);
    await expect(readInteractionColumnsCsv(path)).rejects.toThrow(CxValidationError);
  });

  it('drops duplicate ids when asked', async () => {
    const path = csvFile(
      `${HEADER}\ne1,c1,,2026-01-01T00:00:00Z,visit,web,,,\ne1,c1,,2026-01-01T00:00:00Z,visit,web,,,\n`,
    );
    expect((await readInteractionColumnsCsv(path)).length).toBe(2);
    expect((await readInteractionColumnsCsv(path, { dedupe: true })).length).toBe(1);
  });

  it('maps renamed columns', async () => {
    const path = csvFile('user;ts;event;medium\nu1;2026-01-01T00:00:00Z;open;email\n');
    const columns = await readInteractionColumnsCsv(path, {
      delimiter: ';',
      columns: { customerId: 'user', timestamp: 'ts', name: 'event', channel: 'medium' },
    });
    expect(columns.actorIds).toEqual(['u1']);
    expect(columns.names).toEqual(['open']);
  });

  it('reports bad rows with their data-row index and column', async () => {
    const path = csvFile(
      `${HEADER}\ne1,c1,,2026-01-01,visit,web,,,\ne2,,,2026-01-01T00:00:00Z,visit,web,,,\ne3,c1,,2026-01-01T00:00:00Z,visit,web,,,ten\ne4,c1\n`,
    );
    const error = await readInteractionColumnsCsv(path, { numeric: ['revenue'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
      [0, 'timestamp'],
      [1, 'customerId'],
      [2, 'properties.revenue'],
      [3],
    ]);
  });

  it('rejects bad options at the call, before reading, naming the function and the closest known key', () => {
    // A misspelt key was ignored before (the read went on with the default), a tiny chunk size raised to 1 KiB.
    const bad: unknown[] = [
      { delimter: ';' },
      { delimiter: ';;' },
      { delimiter: '\n' },
      { chunkBytes: 10 },
      { chunkBytes: 2 ** 31 },
      { dimensions: ['names'] },
      { columns: { customer: 'who' } },
      { numeric: [''] },
      { workers: -1 },
      { workers: 1.5 },
      { dedupe: 'yes' },
    ];
    for (const options of bad) {
      const label = JSON.stringify(options);
      expect(() => streamInteractionCsv('x.csv', options as never), label).toThrow(CxOptionsError);
      expect(() => readInteractionColumnsCsv('x.csv', options as never), label).toThrow(CxOptionsError);
    }
    const caught = (call: () => unknown): CxOptionsError | undefined => {
      try {
        call();
      } catch (e) {
        return e as CxOptionsError;
      }
    };
    const typo = caught(() => readInteractionColumnsCsv('x.csv', { delimter: ';' } as never));
    expect(typo?.issues[0]).toMatchObject({
      path: ['delimter'],
      code: 'unknown_option',
      suggestion: 'delimiter',
    });
    expect(typo?.message).toMatch(/readInteractionColumnsCsv/);
    expect(caught(() => streamInteractionCsv('x.csv', { chunkBytes: 10 }))?.message).toMatch(
      /streamInteractionCsv/,
    );
  });

  it('rejects a header without the required columns, an empty file and a bad delimiter', async () => {
    const missing = await readInteractionColumnsCsv(csvFile('customerId,name\nc1,x\n'), {
      numeric: ['revenue'],
    }).catch((e: unknown) => e);
    expect((missing as CxValidationError).issues.map((i) => i.path)).toEqual([
      ['numeric', 0],
      ['columns', 'timestamp'],
      ['columns', 'channel'],
    ]);
    await expect(readInteractionColumnsCsv(csvFile(''))).rejects.toThrow(/header/);
    await expect(readInteractionColumnsCsv(csvFile(`${HEADER}\ne1,"c1`))).rejects.toThrow(/closing quote/);
  });
});

describe('streamInteractionCsv batches', () => {
  // The library's own consumers read with reuseBatches (a batch's memory is written over once the next is asked
  // for); a caller's batches must not be: each stays as it was when yielded.
  it.each([0, 2])('keeps every batch valid after later ones are read (workers %i)', async (workers) => {
    const rows: string[] = [];
    for (let i = 0; i < 400; i++) {
      rows.push(`e${i},c${i % 37},,2026-01-01T00:${String(i % 60).padStart(2, '0')}:00Z,visit,web,,,${i}`);
    }
    const path = csvFile(`${HEADER}\n${rows.join('\n')}\n`);
    const stream = streamInteractionCsv(path, { chunkBytes: 1024, workers, numeric: ['revenue'] });
    const kept: Array<{ readonly sum: number; readonly batch: { time: Float64Array; length: number } }> = [];
    const sumOf = (time: Float64Array, length: number): number => {
      let sum = 0;
      for (let i = 0; i < length; i++) sum += time[i] as number;
      return sum;
    };
    for await (const batch of stream) kept.push({ sum: sumOf(batch.time, batch.length), batch });
    expect(kept.length).toBeGreaterThan(2);
    for (const { sum, batch } of kept) expect(sumOf(batch.time, batch.length)).toBe(sum);
  });
});
