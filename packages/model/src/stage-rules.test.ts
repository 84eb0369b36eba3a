import { describe, expect, it } from 'vitest';
import { CxValidationError } from './errors/validation-error.js';
import type { Interaction } from './interaction.js';
import { assignStages } from './stage-rules.js';

const e = (name: string, channel: Interaction['channel'], extra: Partial<Interaction> = {}): Interaction => ({
  id: name,
  customerId: 'c',
  timestamp: '2026-01-01T00:00:00Z',
  name,
  channel,
  properties: {},
  ...extra,
});

describe('assignStages', () => {
  const rules = [
    { name: 'purchase', channel: 'physical-store' as const, stageId: 'purchase' },
    { namePattern: '^(view_item|compare)$', stageId: 'consideration' },
    { touchpointId: 'helpdesk', stageId: 'use' },
    { name: 'purchase', stageId: 'purchase' },
  ];

  it('applies the first matching rule, with every condition of a rule required', () => {
    const out = assignStages(
      [
        e('view_item', 'web'),
        e('purchase', 'web'),
        e('ticket', 'email', { touchpointId: 'helpdesk' }),
        e('page_view', 'web'),
      ],
      rules,
    );
    expect(out.map((i) => i.stageId)).toEqual(['consideration', 'purchase', 'use', undefined]);
  });

  it('keeps an existing stage unless told to overwrite, and never mutates its input', () => {
    const input = [e('view_item', 'web', { stageId: 'search' })];
    expect(assignStages(input, rules)[0]?.stageId).toBe('search');
    expect(assignStages(input, rules, { overwrite: true })[0]?.stageId).toBe('consideration');
    expect(input[0]?.stageId).toBe('search');
  });

  it('rejects rules without conditions and invalid patterns, naming the rule', () => {
    expect(() => assignStages([], [{ stageId: 'use' }])).toThrow(CxValidationError);
    const issueOf = (namePattern: string) => {
      try {
        assignStages([], [rules[0] as never, { namePattern, stageId: 'use' }]);
      } catch (error) {
        if (error instanceof CxValidationError) return error.issues[0];
        throw error;
      }
      throw new Error(`${namePattern} was accepted`);
    };
    expect(issueOf('(')).toMatchObject({ path: ['rules', 1, 'namePattern'], code: 'invalid_pattern' });
    // Unsupported JavaScript syntax is rejected before any interaction is read, with its position.
    const lookahead = issueOf('^view(?=_item)');
    expect(lookahead).toMatchObject({ path: ['rules', 1, 'namePattern'], code: 'invalid_pattern' });
    expect(lookahead?.message).toContain('at index 5 ("(?=_item)")');
    expect(issueOf('^a{5000}$')).toMatchObject({ path: ['rules', 1, 'namePattern'], code: 'too_big' });
  });

  it('matches a catastrophic-backtracking pattern in linear time (issue 13)', () => {
    // RegExp needs seconds for ^(a+)+$ on 29 a's and a b (2^29 paths); the linear matcher answers at once, so a
    // much longer name costs nothing either.
    const rule = { namePattern: '^(a+)+$', stageId: 'use' };
    const names = [`${'a'.repeat(29)}b`, 'a'.repeat(29), `${'a'.repeat(100_000)}b`];
    const out = assignStages(
      names.map((name) => e(name, 'web')),
      [rule],
    );
    expect(out.map((i) => i.stageId)).toEqual([undefined, 'use', undefined]);
  });
});
