// A HubSpot contacts sync that is interrupted, saves its checkpoint to a JSON file, resumes from it, and then
// picks up edits incrementally: every contact is delivered exactly once.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { bearerAuth, fileStateStore, hubspotSource, sync } from '@cx/connectors';
import {
  CUSTOMER_ID_PROPERTY,
  customersToHubspotContacts,
  startHubspotServer,
} from '@cx/example-replay-servers';
import type { Customer } from '@cx/model';
import { createSampleShop } from '@cx/sample-data';
import { formatTable } from './table.js';

/** Options of {@link runHubspotSync}. */
export interface HubspotSyncOptions {
  /** Where the checkpoint state is saved between runs. */
  readonly statePath: string;
  /** Sample customers to serve as HubSpot contacts (default 600). */
  readonly customers?: number;
  /** Contacts per search request (default 100). */
  readonly pageSize?: number;
  /** The first run is stopped after this many records (default 250: mid-way through the third page). */
  readonly stopAfter?: number;
  /** Contacts edited in HubSpot before the third, incremental run (default 3). */
  readonly edits?: number;
}

/** One run of the sync. */
export interface SyncRun {
  readonly run: string;
  /** Search requests sent. */
  readonly requests: number;
  /** Records the sync yielded. */
  readonly delivered: number;
  /** Records committed with a checkpoint (the rest are lost with the crash and re-read on resume). */
  readonly committed: number;
  /** Cursor of the saved state after the run. */
  readonly cursor: string;
}

/** What the example computes. */
export interface HubspotSyncReport {
  readonly runs: readonly SyncRun[];
  /** Contacts served by the server. */
  readonly contacts: number;
  /** Distinct contact ids committed by the first two runs (interrupted + resumed). */
  readonly distinct: number;
  /** Contact ids committed more than once by the first two runs (should be none). */
  readonly repeated: readonly string[];
  /** Contact ids never committed by the first two runs (should be none). */
  readonly missing: readonly string[];
  /** HubSpot ids the incremental run delivered (the edited contacts). */
  readonly incremental: readonly string[];
  /** Customers as finally stored, by HubSpot id (the sink of the example). */
  readonly store: ReadonlyMap<string, Customer>;
  readonly text: string;
}

const NOW = Date.parse('2026-01-15T12:00:00Z');

/**
 * Serves sample customers as HubSpot contacts on a local replay server, syncs them with `hubspotSource`,
 * stops the first run part-way, saves the checkpoint state as JSON, resumes from the file, then edits a few
 * contacts and runs once more incrementally.
 */
export async function runHubspotSync(options: HubspotSyncOptions): Promise<HubspotSyncReport> {
  const shop = createSampleShop({ seed: 42, customers: options.customers ?? 600 });
  const contacts = customersToHubspotContacts(shop.customers());
  const server = await startHubspotServer(contacts, { token: 'pat-na1-local' });
  const source = hubspotSource({
    object: 'contacts',
    baseUrl: server.baseUrl,
    auth: bearerAuth('pat-na1-local'),
    pageSize: options.pageSize ?? 100,
    mapping: { extraProperties: [CUSTOMER_ID_PROPERTY] },
  });
  const store = new Map<string, Customer>(); // the destination: upsert by HubSpot id
  mkdirSync(dirname(options.statePath), { recursive: true });
  const stateStore = fileStateStore(options.statePath); // atomic: temporary file, fsync, rename
  const committedIds: string[] = [];
  const runs: SyncRun[] = [];

  /** Runs the sync from the saved state; records are committed to the store only together with a checkpoint. */
  const runOnce = async (run: string, now: number, stopAfter = Number.POSITIVE_INFINITY) => {
    const before = server.requests.length;
    const saved = await stateStore.load();
    let pending: Customer[] = [];
    let delivered = 0;
    let committed = 0;
    const ids: string[] = [];
    for await (const item of sync(source, { state: saved, now: () => now })) {
      if (item.type === 'record') {
        pending.push(item.record.value as Customer);
        if (++delivered >= stopAfter) break; // the process dies here: pending records are not committed
      } else {
        for (const customer of pending) {
          store.set(customer.id, customer);
          ids.push(customer.id);
        }
        committed += pending.length;
        pending = [];
        // after the records: a crash between the two re-delivers the batch, which the upsert absorbs. For records
        // and state in one transaction, use syncToSink with ndjsonSink or duckdbSink.
        await stateStore.save(item.state);
      }
    }
    const cursor = (await stateStore.load())?.cursor;
    runs.push({
      run,
      requests: server.requests.length - before,
      delivered,
      committed,
      cursor: cursor ? `${cursor.time} #${cursor.id}` : '–',
    });
    return ids;
  };

  try {
    rmSync(options.statePath, { force: true });
    committedIds.push(...(await runOnce('1 (stopped)', NOW, options.stopAfter ?? 250)));
    committedIds.push(...(await runOnce('2 (resumed from file)', NOW + 60_000)));

    // Edit a few contacts in "HubSpot", then sync incrementally.
    const later = new Date(NOW + 3_600_000).toISOString();
    const edited = contacts.slice(0, options.edits ?? 3).map((c) => ({
      ...c,
      properties: { ...c.properties, lifecyclestage: 'evangelist', lastmodifieddate: later },
      updatedAt: later,
    }));
    server.upsert(...edited);
    const incremental = await runOnce('3 (incremental)', NOW + 2 * 3_600_000);

    const counts = new Map<string, number>();
    for (const id of committedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const repeated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    const missing = contacts.map((c) => c.id).filter((id) => !counts.has(id));
    const text = [
      `HubSpot replay server: ${contacts.length} contacts from @cx/sample-data customers, ${options.pageSize ?? 100} per page`,
      formatTable(
        ['run', 'requests', 'delivered', 'committed', 'saved cursor'],
        runs.map((r) => [r.run, String(r.requests), String(r.delivered), String(r.committed), r.cursor]),
      ),
      '',
      `Runs 1 + 2: ${counts.size} distinct contacts committed, ${repeated.length} twice, ${missing.length} missing: ` +
        (repeated.length === 0 && missing.length === 0 ? 'every contact exactly once.' : 'NOT exactly once!'),
      `Run 3 picked up the ${incremental.length} edited contacts: ${incremental.join(', ')} ` +
        `(lifecycle stage now ${incremental.map((id) => store.get(id)?.attributes.lifecyclestage).join(', ')}).`,
      `State file: ${options.statePath}`,
    ].join('\n');
    return {
      runs,
      contacts: contacts.length,
      distinct: counts.size,
      repeated,
      missing,
      incremental,
      store,
      text,
    };
  } finally {
    await server.close();
  }
}
