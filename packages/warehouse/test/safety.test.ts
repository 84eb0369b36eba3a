import { breakdown, nps, npsMetric } from '@cx/metrics';
import { STANDARD_SCALES } from '@cx/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickhouseEngine,
  createTable,
  type Engine,
  ident,
  insertRows,
  postgresEngine,
  sql,
  surveyBreakdownQuery,
  surveyMetricQuery,
} from '../src/index.js';
import { expectClose } from './compare.js';
import { testEngines } from './engines.js';

// Names a careless SQL builder would break on: quotes of every dialect, a statement separator, a comment,
// backslashes, spaces, dots and non-ASCII letters.
const TABLE = `resp"onses\`; DROP TABLE x; -- ża`;
const SCORE = `sc'o"re\\`;
const SEGMENT = `seg.ment "\`; --`;

for (const testEngine of testEngines()) {
  describe(`hostile names on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
    });
    afterAll(async () => engine?.close());

    it('tables, columns, segment values and filter values are quoted or bound, and give the in-process result', async () => {
      const columns = [
        { name: SCORE, type: 'float' },
        { name: SEGMENT, type: 'text' },
      ] as const;
      await createTable(engine, TABLE, columns);
      const values = ["'; DELETE FROM x; --", 'b"`\\', null];
      const rows = [10, 9, 3, 7, 0, 10].map((score, i) => ({ [SCORE]: score, [SEGMENT]: values[i % 3] }));
      await insertRows(engine, TABLE, columns, rows);
      const table = { table: TABLE, score: SCORE, segments: { [SEGMENT]: SEGMENT } };
      const responses = rows.map((r, i) => ({
        id: `r${i}`,
        surveyId: 's',
        metric: 'nps' as const,
        scale: STANDARD_SCALES.nps,
        score: r[SCORE] as number,
        respondedAt: '2026-01-01T00:00:00Z',
        weight: 1,
        properties: { seg: r[SEGMENT] as string | null },
      }));
      expectClose(await surveyMetricQuery(table, npsMetric()).run(engine), nps(responses));
      expectClose(
        await surveyBreakdownQuery(table, npsMetric(), { by: SEGMENT }).run(engine),
        breakdown(responses, npsMetric(), { by: { property: 'seg' } }),
      );
      const filtered = await surveyMetricQuery(
        { ...table, where: { [SEGMENT]: "'; DELETE FROM x; --" } },
        npsMetric(),
      ).run(engine);
      expect(filtered.n).toBe(2);
      const [count] = await engine.query(sql`SELECT count(*) AS n FROM ${ident(TABLE)}`);
      expect(count?.n).toBe(6);
    });
  });
}

describe('credentials never leave the settings', () => {
  it('PostgreSQL: not in description, toSql or the error of a failed connection', async () => {
    const password = 'pa55-w0rd-SECRET';
    const engine = await postgresEngine({ host: '127.0.0.1', port: 1, user: 'cx', password, database: 'cx' });
    expect(engine.description).toBe('postgres://cx@127.0.0.1:1/cx');
    expect(JSON.stringify(engine.toSql(sql`SELECT ${1}`))).not.toContain(password);
    const error = (await engine.query(sql`SELECT 1`).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(`${error.message} ${error.stack} ${String(error.cause ?? '')}`).not.toContain(password);
    expect((error as { code?: string }).code).toBe('engine_connection_failed');
    await engine.close();
  });

  it('ClickHouse: a URL with credentials is rejected without echoing them; settings are strict', async () => {
    const error = (await clickhouseEngine({ url: 'http://admin:SECRET-1@127.0.0.1:8123' }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(/without user information/);
    expect(error.message).not.toContain('SECRET-1');
    const unknown = (await clickhouseEngine({
      url: 'http://127.0.0.1:8123',
      pasword: 'SECRET-2',
    } as never).catch((e: unknown) => e)) as Error;
    expect(unknown.message).toMatch(/Unknown option "pasword".*did you mean "password"/);
    expect(unknown.message).not.toContain('SECRET-2');
    const wrongType = (await clickhouseEngine({
      url: 'http://127.0.0.1:8123',
      password: 12345678,
    } as never).catch((e: unknown) => e)) as Error;
    expect(wrongType.message).not.toContain('12345678');
    const engine = await clickhouseEngine({ url: 'http://127.0.0.1:8123', password: 'SECRET-3' });
    expect(engine.description).toBe('clickhouse://default@127.0.0.1:8123/default');
    await engine.close();
  });
});
