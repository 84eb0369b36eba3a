import { CxOptionsError, type Interaction, journeySchema } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stageHealth } from './stage-health.js';
import { stageProgress } from './stage-progress.js';

const journey = journeySchema.parse({
  id: 'j',
  name: 'J',
  version: 1,
  stages: ['aware', 'consider', 'buy', 'use'].map((id) => ({ id, labels: { en: id } })),
  touchpoints: [{ id: 'newsletter', name: 'Newsletter', stageId: 'consider', channel: 'email' }],
});

let n = 0;
const event = (actor: string, stageId: string | undefined, touchpointId?: string): Interaction => ({
  id: String(n++),
  customerId: actor,
  timestamp: '2026-01-01T10:00:00Z',
  name: 'x',
  channel: 'web',
  ...(stageId === undefined ? {} : { stageId }),
  ...(touchpointId === undefined ? {} : { touchpointId }),
  properties: {},
});

describe('stageProgress', () => {
  it('counts people by their furthest stage (hand-counted)', () => {
    // a: aware → buy (furthest buy); b: use only (furthest use); c: aware (furthest aware);
    // d: the newsletter touchpoint (consider); e: a stage outside the journey only (not counted).
    const rows = stageProgress(
      [
        event('a', 'aware'),
        event('a', 'buy'),
        event('b', 'use'),
        event('c', 'aware'),
        event('d', undefined, 'newsletter'),
        event('e', 'elsewhere'),
      ],
      journey,
    );
    // stopped: aware 1 (c), consider 1 (d), buy 1 (a), use 1 (b) → reached 4, 3, 2, 1.
    expect(rows.map((r) => [r.stageId, r.reached, r.stoppedHere, r.continued])).toEqual([
      ['aware', 4, 1, 3],
      ['consider', 3, 1, 2],
      ['buy', 2, 1, 1],
      ['use', 1, 1, null],
    ]);
    expect(rows[0]?.continuationRate).toBe(0.75);
    expect(rows[3]?.continuationRate).toBeNull();
  });

  it('gives null rates where nobody got that far', () => {
    const rows = stageProgress([event('a', 'aware')], journey);
    expect(rows.map((r) => r.continuationRate)).toEqual([0, null, null, null]);
  });

  it('never rises from one stage to the next, and reached = stoppedHere + continued (property)', () => {
    const stageIds = ['aware', 'consider', 'buy', 'use', 'elsewhere'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.constantFrom(...stageIds)), {
          maxLength: 40,
        }),
        (pairs) => {
          const rows = stageProgress(
            pairs.map(([actor, stage]) => event(actor, stage)),
            journey,
          );
          for (let k = 1; k < rows.length; k++)
            expect(rows[k]?.reached).toBeLessThanOrEqual(rows[k - 1]?.reached as number);
          for (const row of rows) expect(row.reached).toBe(row.stoppedHere + (row.continued ?? 0));
          // Everyone seen in a journey stage is counted at the first stage.
          const seen = new Set(pairs.filter(([, s]) => s !== 'elsewhere').map(([a]) => a));
          expect(rows[0]?.reached).toBe(seen.size);
          // Whoever stageHealth saw in a stage reached it.
          const health = stageHealth(
            pairs.map(([actor, stage]) => event(actor, stage)),
            journey,
          );
          health.forEach((h, k) => {
            expect(h.reached).toBeLessThanOrEqual(rows[k]?.reached as number);
          });
        },
      ),
    );
  });

  it('rejects unknown options and null', () => {
    expect(() => stageProgress([], journey, { windowMs: 1 } as never)).toThrow(CxOptionsError);
    expect(() => stageProgress([], journey, null as never)).toThrow(CxOptionsError);
  });
});
