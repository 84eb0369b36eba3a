// Issue 13: funnel options are checked by a strict schema; windows are durations, never bare numbers.
import { CxOptionsError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { abandonment } from './abandonment.js';
import { desiredActions } from './desired-actions.js';
import { funnel, funnelAsync } from './funnel.js';
import { FunnelAccumulator } from './funnel-accumulator.js';
import { MAX_FUNNEL_STEPS } from './funnel-options.js';
import { ev } from './test-helpers.js';

const steps = [{ name: 'view' }, { name: 'buy' }];

function optionsError(fn: () => unknown): CxOptionsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CxOptionsError);
    return error as CxOptionsError;
  }
  throw new Error('expected a CxOptionsError');
}

describe('funnel options', () => {
  it('rejects a window given as a bare number of milliseconds (it fell back to 14 days)', () => {
    const error = optionsError(() => funnel([], { steps, window: 3_600_000 as never }));
    expect(error.issues).toEqual([expect.objectContaining({ path: ['window'], code: 'invalid_type' })]);
    expect(error.subject).toBe('funnel');
  });

  it('names the new name of windowMs, on the funnel and on a step', () => {
    const top = optionsError(() => funnel([], { steps, windowMs: 3_600_000 } as never));
    expect(top.issues[0]).toMatchObject({ path: ['windowMs'], code: 'unknown_option', suggestion: 'window' });
    expect(top.message).toContain('renamed to "window"');
    const step = optionsError(() =>
      funnel([], { steps: [{ name: 'view' }, { name: 'buy', windowMs: 1 }] } as never),
    );
    expect(step.issues[0]).toMatchObject({ path: ['steps', 1, 'windowMs'], suggestion: 'window' });
  });

  it('rejects null, arrays and primitives as the options object', () => {
    for (const bad of [null, [], 'steps', 7]) {
      const error = optionsError(() => funnel([], bad as never));
      expect(error.issues[0]).toMatchObject({ path: [], code: 'invalid_type' });
    }
    expect(() => new FunnelAccumulator(null as never)).toThrow(CxOptionsError);
  });

  it('rejects a misspelled key with the closest known one', () => {
    const error = optionsError(() => funnel([], { steps, oredr: 'strict' } as never));
    expect(error.issues[0]).toMatchObject({ path: ['oredr'], code: 'unknown_option', suggestion: 'order' });
  });

  it('bounds the steps at MAX_FUNNEL_STEPS and says so', () => {
    const many = Array.from({ length: MAX_FUNNEL_STEPS + 1 }, (_, k) => ({ name: `s${k}` }));
    expect(optionsError(() => funnel([], { steps: many })).issues[0]).toMatchObject({
      path: ['steps'],
      code: 'out_of_range',
    });
    expect(funnel([], { steps: many.slice(0, MAX_FUNNEL_STEPS) }).steps).toHaveLength(MAX_FUNNEL_STEPS);
  });

  it('refuses a step window on the first step, and breakdowns by both a field and a property', () => {
    expect(
      optionsError(() => funnel([], { steps: [{ name: 'a', window: { hours: 1 } }, { name: 'b' }] }))
        .issues[0],
    ).toMatchObject({ path: ['steps', 0, 'window'], code: 'conflicting_options' });
    expect(
      optionsError(() => funnel([], { steps, breakdown: { field: 'channel', property: 'device' } }))
        .issues[0],
    ).toMatchObject({ path: ['breakdown'], code: 'conflicting_options' });
  });

  it('checks the options of funnelAsync before reading the stream', async () => {
    let read = false;
    async function* stream() {
      read = true;
      yield ev('a', 'view', '2026-01-01 10:00:00');
    }
    await expect(funnelAsync(stream(), { steps, window: 5 as never })).rejects.toBeInstanceOf(CxOptionsError);
    expect(read).toBe(false);
  });

  it('abandonment and desiredActions speak the same vocabulary', () => {
    expect(
      optionsError(() =>
        abandonment([], { start: { name: 'a' }, finish: { name: 'b' }, windowMs: 1 } as never),
      ).issues[0],
    ).toMatchObject({ path: ['windowMs'], suggestion: 'window' });
    const journey = { id: 'j', name: 'J', version: 1, stages: [{ id: 'x', labels: { en: 'X' } }] };
    expect(
      optionsError(() => desiredActions([], journey as never, { window: 86_400_000 } as never)).issues[0],
    ).toMatchObject({ path: ['window'], code: 'invalid_type' });
  });
});
