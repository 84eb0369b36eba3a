import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSyncState } from '@cx/connectors';
import { createSampleShop } from '@cx/sample-data';
import { afterAll, describe, expect, it } from 'vitest';
import { runHubspotSync } from './hubspot-sync.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-hubspot-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hubspot-sync example', () => {
  it('interrupts, resumes from the saved state file and delivers every contact exactly once', async () => {
    const statePath = join(dir, 'state.json');
    const report = await runHubspotSync({ statePath });
    expect(report.contacts).toBe(600);
    const [first, second, third] = report.runs;
    // Run 1 stops at record 250 (mid third page). Committed: page 1 (100) + page 2 (99 new: page 2 starts at
    // lastmodifieddate >= the last time of page 1, so it re-reads that contact, which the dedup set drops) = 199;
    // the 51 records of page 3 were never checkpointed and are lost with the "crash".
    expect(first).toMatchObject({ delivered: 250, committed: 199, requests: 3 });
    // Run 2 resumes from the file and delivers the remaining 600 − 199 = 401, all committed.
    expect(second).toMatchObject({ delivered: 401, committed: 401 });
    expect(report.distinct).toBe(600);
    expect(report.repeated).toEqual([]);
    expect(report.missing).toEqual([]);
    // Run 3: only the three contacts edited after run 2 (HubSpot ids 101–103), in one request.
    expect(third).toMatchObject({ delivered: 3, committed: 3, requests: 1 });
    expect(report.incremental).toEqual(['101', '102', '103']);
    expect(report.store.size).toBe(600);
    const firstCustomer = [...createSampleShop({ seed: 42, customers: 1 }).customers()][0]!;
    expect(report.store.get('101')).toMatchObject({
      name: firstCustomer.name,
      email: firstCustomer.email,
      attributes: { cx_customer_id: firstCustomer.id, lifecyclestage: 'evangelist' },
    });
    const saved = parseSyncState(JSON.parse(readFileSync(statePath, 'utf8')));
    expect(saved.cursor).toEqual({ time: '2026-01-15T13:00:00.000Z', id: '103' });
    expect(report.text).toContain('every contact exactly once');
  });

  it('gives the same union however early the first run stops', async () => {
    for (const stopAfter of [1, 99, 100, 101, 599]) {
      const report = await runHubspotSync({
        statePath: join(dir, `s${stopAfter}.json`),
        stopAfter,
        customers: 200,
        pageSize: 50,
      });
      expect(report.distinct).toBe(200);
      expect(report.repeated).toEqual([]);
      expect(report.missing).toEqual([]);
    }
  });
});
