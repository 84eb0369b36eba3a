import type { Interaction, Order } from '@cx/model';
import { describe, expectTypeOf, it } from 'vitest';
import { defineMapping, type Mapping, readAll, readRecords } from '../index.js';

const orders = defineMapping({
  kind: 'order',
  fields: { id: 'Name', customerId: 'Email', orderedAt: 'Created at', amount: 'Total', currency: 'Currency' },
});

describe('a mapping carries its kind', () => {
  it('defineMapping keeps the literal kind', () => {
    expectTypeOf(orders).toEqualTypeOf<Mapping<'order'>>();
    expectTypeOf(orders.kind).toEqualTypeOf<'order'>();
    // A mapping of one kind is still a Mapping (of any kind).
    expectTypeOf(orders).toExtend<Mapping>();
  });

  it('records read through a defined mapping or an inline spec are typed by its kind', async () => {
    const { records } = await readAll({ text: '' }, { format: 'csv', mapping: orders });
    expectTypeOf(records).toEqualTypeOf<Order[]>();
    const inline = readRecords(
      { text: '' },
      {
        format: 'csv',
        mapping: { kind: 'interaction', fields: { timestamp: 't', name: 'n', channel: 'c' } },
      },
    );
    for await (const { value } of inline) expectTypeOf(value).toEqualTypeOf<Interaction>();
  });

  it('a mapping of one kind is not taken for another', () => {
    const interactions: Mapping<'interaction'> = defineMapping({
      kind: 'interaction',
      fields: { timestamp: 't', name: 'n', channel: 'c' },
    });
    // @ts-expect-error an order mapping is not an interaction mapping
    const wrong: Mapping<'interaction'> = orders;
    expectTypeOf(interactions).not.toEqualTypeOf(wrong as unknown as Mapping<'order'>);
  });
});
