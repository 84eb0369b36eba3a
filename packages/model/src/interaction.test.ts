import { describe, expect, it } from 'vitest';
import { CxValidationError } from './errors/validation-error.js';
import { actorIdOf, interactionSchema } from './interaction.js';
import { validate } from './validate.js';

const base = {
  id: 'e1',
  customerId: 'c1',
  timestamp: '2026-03-01T09:30:00.000Z',
  name: 'add_to_cart',
  channel: 'web',
  touchpointId: 'product-page',
  stageId: 'purchase',
  sessionId: 's1',
  source: 'ga4',
  properties: { sku: 'A-1', price: 19.99, tags: ['promo'] },
};

describe('interactionSchema', () => {
  it('accepts a realistic GA4-derived event', () => {
    expect(interactionSchema.parse(base)).toEqual(base);
  });

  it('accepts an anonymous interaction and defaults properties', () => {
    const { customerId: _, properties: __, ...anonymous } = base;
    expect(interactionSchema.parse({ ...anonymous, anonymousId: 'dev-9' }).properties).toEqual({});
  });

  it('rejects an interaction that belongs to no one, naming customerId', () => {
    const { customerId: _, ...orphan } = base;
    const error = (() => {
      try {
        validate(interactionSchema, orphan, { subject: 'Interaction', at: [41] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([[41, 'customerId']]);
    expect((error as CxValidationError).message).toContain('at /41/customerId');
  });

  it('rejects local times, unknown channels and unknown keys with their paths', () => {
    const result = interactionSchema.safeParse({
      ...base,
      timestamp: '2026-03-01T10:30:00+01:00',
      channel: 'fax',
      extra: 1,
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['', 'channel', 'timestamp']);
  });

  it('keys journeys by customer id, else anonymous id', () => {
    expect(actorIdOf({ customerId: 'c1', anonymousId: 'd' })).toBe('c1');
    expect(actorIdOf({ anonymousId: 'd' })).toBe('d');
  });
});
