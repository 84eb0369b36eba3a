import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  Channel,
  CompilePatternOptions,
  Customer,
  CustomerInput,
  Interaction,
  InteractionInput,
  Journey,
  patternSchema,
  SafePattern,
  Scale,
  StageRule,
  SurveyResponse,
  SurveyResponseInput,
} from './index.js';

describe('inferred types', () => {
  it('Channel keeps known values and custom: values, and rejects typos', () => {
    expectTypeOf<'web'>().toExtend<Channel>();
    expectTypeOf<'custom:kiosk'>().toExtend<Channel>();
    expectTypeOf<'wbe'>().not.toExtend<Channel>();
  });

  it('Customer is a union discriminated by type; only business customers have an account', () => {
    expectTypeOf<Customer['type']>().toEqualTypeOf<'consumer' | 'business'>();
    expectTypeOf<Extract<Customer, { type: 'business' }>['account']['name']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<Customer, { type: 'consumer' }>>().not.toHaveProperty('account');
    // Defaults make attributes optional on input, present on output.
    expectTypeOf<Customer['attributes']>().not.toEqualTypeOf<undefined>();
    expectTypeOf<CustomerInput>().toExtend<{ attributes?: unknown }>();
  });

  it('Interaction timestamps are instant strings; properties are always present after parsing', () => {
    expectTypeOf<Interaction['timestamp']>().toEqualTypeOf<string>();
    expectTypeOf<Interaction['properties']>().toExtend<Record<string, unknown>>();
    expectTypeOf<InteractionInput['properties']>().toEqualTypeOf<Record<string, unknown> | undefined>();
    expectTypeOf<Interaction['customerId']>().toEqualTypeOf<string | undefined>();
  });

  it('SurveyResponse carries its scale and a defaulted weight', () => {
    expectTypeOf<SurveyResponse['scale']>().toEqualTypeOf<Scale>();
    expectTypeOf<Scale['direction']>().toEqualTypeOf<'higher-is-better' | 'lower-is-better'>();
    expectTypeOf<SurveyResponse['weight']>().toEqualTypeOf<number>();
    expectTypeOf<SurveyResponseInput['weight']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<SurveyResponse['metric']>().toEqualTypeOf<'nps' | 'csat' | 'ces' | 'custom'>();
  });

  it('Journey arrays are present after parsing', () => {
    expectTypeOf<Journey['painPoints'][number]['severity']>().toEqualTypeOf<
      'low' | 'medium' | 'high' | 'critical'
    >();
    expectTypeOf<Journey['status']>().toEqualTypeOf<'draft' | 'active' | 'archived'>();
    expectTypeOf<Journey['improvementActions'][number]['dueDate']>().toEqualTypeOf<string>();
  });

  it('patterns: a stage rule keeps namePattern a string; flags are "" or "i" only', () => {
    expectTypeOf<z.output<typeof patternSchema>>().toEqualTypeOf<string>();
    expectTypeOf<StageRule['namePattern']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<CompilePatternOptions['flags']>>().toEqualTypeOf<'' | 'i'>();
    expectTypeOf<{ flags: 'g' }>().not.toExtend<CompilePatternOptions>();
    expectTypeOf<SafePattern['test']>().toEqualTypeOf<(text: string) => boolean>();
  });
});
