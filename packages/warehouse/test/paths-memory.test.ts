// DuckDB's top paths run in bounded memory: under a memory limit that an aggregate of every node of every actor
// cannot hold (the first formulation, which ran out of a 6 GB limit at 100 M events), the window formulation spills
// and gives the in-process result.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topPaths } from '@cx/metrics';
import { epochMsToInstant, type Interaction } from '@cx/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbEngine, type InteractionTable, sql, topPathsQuery } from '../src/index.js';
import { expectClose } from './compare.js';

const ROWS = 300_000;
const ACTORS = ROWS / 50;
const LIMIT = '40MB';
const EVENTS: InteractionTable = {
  table: 'events',
  timestamp: 'ts',
  fields: {
    id: 'id',
    customerId: 'customer_id',
    name: { constant: 'view' },
    channel: { constant: 'web' },
    touchpointId: 'touchpoint_id',
  },
  order: 'seq',
};

describe('top paths on DuckDB under a memory limit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-paths-memory-'));
  const file = join(dir, 'paths.duckdb');
  let interactions: Interaction[] = [];

  beforeAll(async () => {
    // 300,000 events of 6,000 actors over 600 minutes (many ties in time, broken by id), four touchpoints (repeats
    // to collapse) and one event in nine without a touchpoint; generated in SQL, read back for the in-process run.
    const engine = await duckdbEngine({ path: file, threads: 2 });
    const r = '((((i * 48271) % 2147483647) * 48271) % 2147483647)';
    await engine.execute(
      sql([
        `CREATE TABLE events AS SELECT 'e' || CAST(${r} % 1000003 AS VARCHAR) || '-' || CAST(i AS VARCHAR) AS id, 'c' || CAST(i % ${ACTORS} AS VARCHAR) AS customer_id, make_timestamptz((1767225600000 + (${r} % 600) * 60000) * 1000) AS ts, CASE WHEN ${r} % 9 = 0 THEN NULL ELSE 'tp' || CAST(${r} % 4 AS VARCHAR) END AS touchpoint_id, i AS seq FROM range(${ROWS}) t(i)`,
      ] as unknown as TemplateStringsArray),
    );
    const rows = await engine.query(
      sql`SELECT id, customer_id, epoch_ms(ts) AS t, touchpoint_id FROM events ORDER BY seq`,
    );
    interactions = rows.map((row) => ({
      id: row.id as string,
      customerId: row.customer_id as string,
      timestamp: epochMsToInstant(row.t as number),
      name: 'view',
      channel: 'web',
      ...(row.touchpoint_id === null ? {} : { touchpointId: row.touchpoint_id as string }),
      properties: {},
    }));
    await engine.close();
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`the limit binds: an aggregate of every node per actor is refused under ${LIMIT}`, async () => {
    const engine = await duckdbEngine({ path: file, threads: 2, memoryLimit: LIMIT });
    try {
      const error = await engine
        .query(
          sql`SELECT sum(len(l)) AS n FROM (SELECT actor, list_transform(list_sort(list({t: t, id: id, ord: ord, v: v}) FILTER (WHERE v IS NOT NULL)), lambda z: z.v) AS l FROM (SELECT customer_id AS actor, epoch_ms(ts) AS t, id, CAST(seq AS DOUBLE) AS ord, touchpoint_id AS v FROM events) n GROUP BY actor) p`,
        )
        .catch((e: unknown) => e);
      expect(String(error)).toMatch(/Out of Memory/);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('spills into the tempDirectory setting', async () => {
    const spill = join(dir, 'spill');
    const engine = await duckdbEngine({ path: file, threads: 2, memoryLimit: LIMIT, tempDirectory: spill });
    try {
      const [row] = await engine.query(sql`SELECT current_setting('temp_directory') AS d`);
      expect(row?.d).toBe(spill);
      await topPathsQuery(EVENTS, { maxLength: 5 }).run(engine);
      expect(existsSync(spill)).toBe(true);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it.each([
    { limit: 5, maxLength: 5 },
    { limit: 3, maxLength: 4, collapseRepeats: false },
  ])(
    `equals topPaths in process under ${LIMIT} (%o)`,
    async (options) => {
      const engine = await duckdbEngine({ path: file, threads: 2, memoryLimit: LIMIT });
      try {
        const actual = await topPathsQuery(EVENTS, options).run(engine);
        const expected = topPaths(interactions, options);
        expect(expected.actors + expected.actorsWithoutPath).toBe(ACTORS);
        expectClose(actual, expected);
      } finally {
        await engine.close();
      }
    },
    60_000,
  );
});
