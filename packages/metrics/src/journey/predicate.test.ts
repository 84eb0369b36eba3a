// Issue 13: predicate and breakdown lookups read only an interaction's own properties.
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { funnel } from './funnel.js';
import { funnelColumns } from './funnel-columns.js';
import { compilePredicate, predicateSchema } from './predicate.js';
import { ev } from './test-helpers.js';

describe('own-property lookups', () => {
  it('{ constructor: null } matches as data: an interaction without a constructor property', () => {
    const plain = ev('a', 'view', '2026-01-01 10:00:00');
    expect(compilePredicate({ properties: { constructor: null } })(plain)).toBe(true);
    expect(compilePredicate({ properties: { toString: null, hasOwnProperty: null } })(plain)).toBe(true);
    const own = ev('a', 'view', '2026-01-01 10:00:00', { properties: { constructor: 'x' } });
    expect(compilePredicate({ properties: { constructor: 'x' } })(own)).toBe(true);
    expect(compilePredicate({ properties: { constructor: null } })(own)).toBe(false);
  });

  it('a breakdown value is never an inherited member such as function Object()', () => {
    const events = [
      ev('a', 'view', '2026-01-01 10:00:00'),
      ev('a', 'buy', '2026-01-01 10:05:00'),
      ev('b', 'view', '2026-01-01 10:00:00', { properties: { constructor: 'paid' } }),
    ];
    const r = funnel(events, {
      steps: [{ name: 'view' }, { name: 'buy' }],
      breakdown: { property: 'constructor' },
    });
    expect(r.breakdown?.map((b) => b.value).sort()).toEqual(['paid', null].sort());
    expect(JSON.stringify(r)).not.toContain('native code');
  });

  it('columns do not take an inherited member for a numeric property column', () => {
    const columns = buildInteractionColumns([ev('a', 'view', '2026-01-01 10:00:00')]);
    expect(() => funnelColumns(columns, { steps: [{ properties: { constructor: 1 } }] })).toThrow(
      /unsupported|numeric properties/,
    );
  });

  it('refuses a "__proto__" property condition instead of dropping it', () => {
    const parsed = predicateSchema.safeParse(JSON.parse('{"properties": {"__proto__": "x"}}'));
    expect(parsed.success).toBe(false);
  });
});
