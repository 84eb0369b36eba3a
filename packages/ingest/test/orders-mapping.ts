// The orders mapping the path tests share: local Warsaw times, PLN, a status vocabulary.
import { defineMapping } from '../src/index.js';

export const ordersMapping = defineMapping({
  kind: 'order',
  timeZone: 'Europe/Warsaw',
  fields: {
    id: 'id',
    customerId: 'customer',
    orderedAt: 'at',
    amount: 'total',
    currency: { value: 'PLN' },
    status: { column: 'status', values: { completed: 'paid', refunded: 'refunded', 'on hold': 'placed' } },
  },
});
