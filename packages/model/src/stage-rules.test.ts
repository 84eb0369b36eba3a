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
    try {
      assignStages([], [rules[0] as never, { namePattern: '(', stageId: 'use' }]);
    } catch (error) {
      expect((error as CxValidationError).issues[0]?.path).toEqual(['rules', 1, 'namePattern']);
    }
  });
});
