import type { Interaction } from '@cx/model';
import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns, buildInteractionColumnsAsync } from './build.js';

const event = (
  id: string,
  actor: string,
  timestamp: string,
  name = 'visit',
  extra: Partial<Interaction> = {},
): Interaction => ({
  id,
  customerId: actor,
  timestamp,
  name,
  channel: 'web',
  properties: {},
  ...extra,
});

describe('buildInteractionColumns', () => {
  it('groups by actor and sorts by time, ties in input order', () => {
    const columns = buildInteractionColumns([
      event('1', 'b', '2026-01-03T00:00:00Z', 'late'),
      event('2', 'a', '2026-01-02T00:00:00Z', 'x'),
      event('3', 'b', '2026-01-01T00:00:00Z', 'early'),
      event('4', 'b', '2026-01-03T00:00:00Z', 'tie'),
      {
        id: '5',
        anonymousId: 'dev',
        timestamp: '2026-01-01T00:00:00Z',
        name: 'open',
        channel: 'mobile-app',
        touchpointId: 'home',
        stageId: 'use',
        properties: {},
      },
    ]);
    expect(columns.actorIds).toEqual(['b', 'a', 'dev']);
    expect(Array.from(columns.actorOffsets)).toEqual([0, 3, 4, 5]);
    expect(Array.from(columns.name, (i) => columns.names[i])).toEqual(['early', 'late', 'tie', 'x', 'open']);
    expect(Array.from(columns.touchpoint)).toEqual([-1, -1, -1, -1, 0]);
    expect(columns.touchpoints).toEqual(['home']);
    expect(columns.stages[columns.stage[4] ?? -1]).toBe('use');
    expect(columns.channels[columns.channel[4] ?? -1]).toBe('mobile-app');
    expect(columns.time[0]).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('keeps selected numeric properties, NaN when missing', () => {
    const columns = buildInteractionColumns(
      [
        event('1', 'a', '2026-01-02T00:00:00Z', 'buy', { properties: { revenue: 12.5 } }),
        event('2', 'a', '2026-01-01T00:00:00Z', 'visit'),
      ],
      { numeric: ['revenue'] },
    );
    expect(Array.from(columns.numeric.revenue ?? [])).toEqual([Number.NaN, 12.5]);
  });

  it('drops duplicate ids unless told not to', () => {
    const events = [event('1', 'a', '2026-01-01T00:00:00Z'), event('1', 'a', '2026-01-01T00:00:00Z')];
    expect(buildInteractionColumns(events).length).toBe(1);
    expect(buildInteractionColumns(events, { dedupe: false }).length).toBe(2);
  });

  it('returns empty columns for no events', () => {
    const columns = buildInteractionColumns([]);
    expect(columns.length).toBe(0);
    expect(Array.from(columns.actorOffsets)).toEqual([0]);
  });

  it('reports every bad event with its position', () => {
    const bad = [
      event('1', 'a', 'yesterday'),
      {
        id: '2',
        timestamp: '2026-01-01T00:00:00Z',
        name: 'x',
        channel: 'web',
        properties: {},
      } as Interaction,
      event('3', 'a', '2026-01-01T00:00:00Z', 'buy', { properties: { revenue: 'ten' } }),
    ];
    try {
      buildInteractionColumns(bad, { numeric: ['revenue'] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        [0, 'timestamp'],
        [1, 'customerId'],
        [2, 'properties', 'revenue'],
      ]);
    }
  });

  it('is a per-actor stable sort of the input, whatever its order (property)', async () => {
    const arbitrary = fc.array(
      fc.record({
        actor: fc.constantFrom('a', 'b', 'c'),
        day: fc.integer({ min: 1, max: 5 }),
        name: fc.constantFrom('x', 'y'),
      }),
      { maxLength: 40 },
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (rows) => {
        const events = rows.map((r, i) => event(String(i), r.actor, `2026-01-0${r.day}T00:00:00Z`, r.name));
        const columns = await buildInteractionColumnsAsync(events);
        const expected = columns.actorIds.flatMap((actor) =>
          events
            .map((e, i) => ({ e, i }))
            .filter(({ e }) => e.customerId === actor)
            .sort((x, y) => Date.parse(x.e.timestamp) - Date.parse(y.e.timestamp) || x.i - y.i)
            .map(({ e }) => `${actor}|${e.timestamp}|${e.name}`),
        );
        const actual: string[] = [];
        columns.actorIds.forEach((actor, a) => {
          for (let i = columns.actorOffsets[a] ?? 0; i < (columns.actorOffsets[a + 1] ?? 0); i++) {
            actual.push(
              `${actor}|${new Date(columns.time[i] ?? 0).toISOString().replace('.000', '')}|${columns.names[columns.name[i] ?? 0]}`,
            );
          }
        });
        expect(actual).toEqual(expected);
      }),
    );
  });
});
