import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWarehouse } from './warehouse.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-example-warehouse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples/warehouse', () => {
  it('prints the same numbers from DuckDB on Parquet as in process', async () => {
    const report = await runWarehouse({ customers: 120, dir });
    expect(report.rows.length).toBeGreaterThanOrEqual(8);
    for (const row of report.rows) expect(row.duckdb, row.metric).toBe(row.inProcess);
    expect(report.rows[0]?.duckdb).toMatch(/^-?\d+\.\d \[/);
    expect(report.text).toContain('DuckDB on Parquet');
    // The six KPI definitions of the journey-map example, measured on DuckDB as in process.
    expect(report.rows.filter((r) => r.metric.startsWith('map KPI'))).toHaveLength(6);
  });
});
