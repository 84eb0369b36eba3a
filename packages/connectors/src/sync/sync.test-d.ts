import type { Customer, SurveyResponse } from '@cx/model';
import { describe, expectTypeOf, it } from 'vitest';
import type { SyncItem } from './types.js';

describe('SyncItem', () => {
  it('narrows the record value by kind and the item by type', () => {
    const handle = (item: SyncItem) => {
      if (item.type === 'checkpoint') {
        expectTypeOf(item.state.cursor).toEqualTypeOf<{
          readonly time: string;
          readonly id: string;
        } | null>();
        return;
      }
      if (item.record.kind === 'surveyResponse')
        expectTypeOf(item.record.value).toEqualTypeOf<SurveyResponse>();
      if (item.record.kind === 'customer') expectTypeOf(item.record.value).toEqualTypeOf<Customer>();
    };
    expectTypeOf(handle).parameter(0).toEqualTypeOf<SyncItem>();
  });
});
