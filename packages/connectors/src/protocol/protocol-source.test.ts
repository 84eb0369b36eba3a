import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CxProtocolError } from '../errors.js';
import { memoryDeadLetters } from '../sync/dead-letter.js';
import { syncAll } from '../sync/sync-all.js';
import { parseProtocolMessage } from './messages.js';
import { protocolSource } from './protocol-source.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));
const contacts = {
  kind: 'customer',
  fields: { id: 'id', email: 'email', firstSeenAt: 'updatedAt' },
  defaults: { type: 'consumer' },
} as const;

describe('parseProtocolMessage', () => {
  it('normalizes Singer and Airbyte records and states', () => {
    expect(
      parseProtocolMessage({
        type: 'record',
        stream: 's',
        record: { a: 1 },
        time_extracted: '2024-06-01T00:00:00Z',
      }),
    ).toEqual({
      type: 'RECORD',
      stream: 's',
      data: { a: 1 },
      emittedAt: '2024-06-01T00:00:00Z',
    });
    expect(
      parseProtocolMessage({ type: 'RECORD', record: { stream: 's', data: { a: 1 }, emitted_at: 0 } }),
    ).toMatchObject({
      stream: 's',
      emittedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(
      parseProtocolMessage({
        type: 'STATE',
        state: { type: 'STREAM', stream: { stream_descriptor: { name: 'd' }, stream_state: {} } },
      }),
    ).toMatchObject({
      type: 'STATE',
      stream: 'd',
    });
    expect(parseProtocolMessage({ type: 'SPEC', spec: {} })).toEqual({ type: 'OTHER', kind: 'SPEC' });
    expect(parseProtocolMessage({ no: 'type' })).toBeNull();
  });
});

describe('protocolSource', () => {
  it('reads a Singer file: SCHEMA keys and bookmarks, STATE as resume data, unmapped streams dead-lettered', async () => {
    const dead = memoryDeadLetters();
    const result = await syncAll(
      protocolSource({ protocol: 'singer', input: fixture('singer-hubspot.jsonl'), streams: { contacts } }),
      {
        deadLetters: dead,
      },
    );
    expect(result.items.map((i) => i.record.value)).toEqual([
      expect.objectContaining({ id: '501', email: 'ana@example.com', attributes: { firstname: 'Ana' } }),
      expect.objectContaining({ id: '502', attributes: { new_column: 42 } }),
    ]);
    expect(dead.letters.map((l) => l.reason.split(':')[0] ?? '')).toEqual([
      'Line 5',
      expect.stringContaining('Invalid Customer'),
    ]);
    expect(result.state.resume).toEqual({
      tapState: { bookmarks: { contacts: { updatedAt: '2024-06-01T10:00:00Z' } } },
    });
    expect(result.state.cursor).toEqual({ time: '2024-06-01T10:00:00.000Z', id: '503' });
  });

  it('reads an Airbyte stream: per-stream STATE, LOG and rate-limit TRACE messages', async () => {
    const result = await syncAll(
      protocolSource({
        protocol: 'airbyte',
        input: fixture('airbyte-deals.jsonl'),
        streams: {
          deals: {
            kind: 'order',
            fields: {
              id: 'id',
              customerId: 'contact_id',
              amount: 'amount',
              orderedAt: 'hs_lastmodifieddate',
            },
            defaults: { currency: 'EUR', status: 'placed' },
          },
        },
      }),
    );
    expect(
      result.items.map((i) => [i.record.value.id, 'amount' in i.record.value ? i.record.value.amount : null]),
    ).toEqual([
      ['9001', 1200.5],
      ['9002', 80],
    ]);
    expect(result.state.resume).toMatchObject({
      streamStates: { deals: { type: 'STATE', state: { type: 'STREAM' } } },
    });
  });

  it('reads Unix time only in the unit a stream declares (cursor and record), never by its size', async () => {
    const line = JSON.stringify({
      type: 'RECORD',
      stream: 'events',
      record: { id: 'e1', name: 'visit', channel: 'web', who: 'u1', at: 1717236000 },
    });
    const events = {
      kind: 'interaction',
      fields: { id: 'id', name: 'name', channel: 'channel', anonymousId: 'who', timestamp: 'at' },
    } as const;
    const declared = await syncAll(
      protocolSource({
        protocol: 'singer',
        input: () => Readable.from([line]),
        streams: { events: { ...events, epoch: { timestamp: 's' } } },
      }),
    );
    expect(declared.items.map((i) => (i.record.value as { timestamp?: string }).timestamp)).toEqual([
      '2024-06-01T10:00:00.000Z',
    ]);
    // the cursor time is in the record's key: read in the declared unit too
    expect(JSON.stringify(declared.state)).toContain('events:e1@2024-06-01T10:00:00.000Z');
    const dead = memoryDeadLetters();
    const undeclared = await syncAll(
      protocolSource({ protocol: 'singer', input: () => Readable.from([line]), streams: { events } }),
      { deadLetters: dead },
    );
    expect(undeclared.items).toEqual([]);
    expect(dead.letters.map((l) => l.reason)).toEqual(['Line 1: no cursor time']);
  });

  it('fails on an Airbyte TRACE ERROR', async () => {
    const line = JSON.stringify({
      type: 'TRACE',
      trace: { type: 'ERROR', error: { message: 'bad config', failure_type: 'config_error' } },
    });
    const source = protocolSource({ protocol: 'airbyte', input: () => Readable.from([line]), streams: {} });
    await expect(syncAll(source)).rejects.toThrow(/config_error.*bad config/);
  });

  it('runs a tap as a child process and passes the saved STATE back with --state', async () => {
    const tap = { command: process.execPath, args: [fixture('fake-tap.mjs')] };
    const first = await syncAll(protocolSource({ protocol: 'singer', input: tap, streams: { contacts } }));
    expect(first.items.map((i) => i.record.value.id)).toEqual(['1', '2', '3', '4', '5']);
    const second = await syncAll(protocolSource({ protocol: 'singer', input: tap, streams: { contacts } }), {
      state: first.state,
    });
    expect(second.records).toBe(0);
    expect(second.duplicates + second.outOfWindow).toBe(0); // the tap itself skipped them: it got the state
    const failing = protocolSource({
      protocol: 'singer',
      input: { ...tap, args: [fixture('fake-tap.mjs'), '--fail'], secrets: ['TAP-SECRET-KEY'] },
      streams: { contacts },
    });
    const error = await syncAll(failing).catch((e: unknown) => e as CxProtocolError);
    expect(error).toBeInstanceOf(CxProtocolError);
    expect((error as Error).message).toMatch(/exited with code 2: auth failed for api key \[REDACTED\]/);
  });
});
