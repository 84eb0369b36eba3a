import type {
  Customer,
  Feedback,
  Interaction,
  Journey,
  Mention,
  Order,
  Persona,
  Subscription,
  SurveyResponse,
} from '@cx/model';
import { expectTypeOf, test } from 'vitest';
import {
  createSampleShop,
  type ResolvedSampleShopOptions,
  type WriteCsvOptions,
  type WriteResult,
  writeCsv,
  writeNdjson,
} from './index.js';

test('streams yield @cx/model types', () => {
  const shop = createSampleShop();
  expectTypeOf(shop.options).toEqualTypeOf<ResolvedSampleShopOptions>();
  expectTypeOf(shop.journey).toEqualTypeOf<Journey>();
  expectTypeOf(shop.personas).toEqualTypeOf<readonly Persona[]>();
  expectTypeOf(shop.customers()).toEqualTypeOf<Iterable<Customer>>();
  expectTypeOf(shop.interactions()).toEqualTypeOf<Iterable<Interaction>>();
  expectTypeOf(shop.surveyResponses()).toEqualTypeOf<Iterable<SurveyResponse>>();
  expectTypeOf(shop.orders()).toEqualTypeOf<Iterable<Order>>();
  expectTypeOf(shop.subscriptions()).toEqualTypeOf<Iterable<Subscription>>();
  expectTypeOf(shop.feedback()).toEqualTypeOf<Iterable<Feedback>>();
  expectTypeOf(shop.mentions()).toEqualTypeOf<Iterable<Mention>>();
});

test('options and writers', () => {
  // @ts-expect-error unknown option
  createSampleShop({ customer: 5 });
  expectTypeOf(writeNdjson).returns.toEqualTypeOf<Promise<WriteResult>>();
  expectTypeOf(writeCsv).parameter(2).toEqualTypeOf<WriteCsvOptions | undefined>();
  expectTypeOf<WriteCsvOptions['columns']>().toEqualTypeOf<readonly string[] | undefined>();
});
