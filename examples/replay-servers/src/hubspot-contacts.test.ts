import { type Customer, CxValidationError, customerSchema } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_ID_PROPERTY, customersToHubspotContacts } from './hubspot-contacts.js';

const consumer: Customer = customerSchema.parse({
  id: 'c0000001',
  type: 'consumer',
  name: 'Hannah Maria Wagner',
  email: 'hannah@example.com',
  firstSeenAt: '2025-07-16T23:19:31.377Z',
  attributes: { language: 'en', country: 'DE', city: 'Berlin' },
  consent: { email: { granted: false, at: '2025-09-01T10:00:00Z', source: 'preference-centre' } },
});
const business: Customer = customerSchema.parse({
  id: 'c0000002',
  type: 'business',
  name: 'Jan',
  firstSeenAt: '2025-02-01T08:00:00Z',
  account: { id: 'acc-1', name: 'Kawiarnia Nowak sp. z o.o.' },
  role: 'Owner',
});

describe('customersToHubspotContacts', () => {
  it('maps the standard contact properties, numeric ids from firstId and the customer id', () => {
    const [a, b] = customersToHubspotContacts([consumer, business], { firstId: 501 });
    expect(a).toEqual({
      id: '501',
      properties: {
        hs_object_id: '501',
        email: 'hannah@example.com',
        firstname: 'Hannah Maria', // last word is the last name
        lastname: 'Wagner',
        createdate: '2025-07-16T23:19:31.377Z',
        lastmodifieddate: '2025-09-01T10:00:00.000Z', // the consent change is later than firstSeenAt
        lifecyclestage: 'customer',
        hs_language: 'en',
        country: 'DE',
        city: 'Berlin',
        company: null,
        jobtitle: null,
        [CUSTOMER_ID_PROPERTY]: 'c0000001',
      },
      createdAt: '2025-07-16T23:19:31.377Z',
      updatedAt: '2025-09-01T10:00:00.000Z',
      archived: false,
    });
    expect(b?.id).toBe('502');
    expect(b?.properties).toMatchObject({
      firstname: 'Jan',
      lastname: null,
      email: null,
      company: 'Kawiarnia Nowak sp. z o.o.',
      jobtitle: 'Owner',
      lastmodifieddate: '2025-02-01T08:00:00.000Z', // no consent: firstSeenAt
    });
  });

  it('starts at id 101 and takes modified times from the option', () => {
    const [a] = customersToHubspotContacts([business], { modifiedAt: () => '2025-03-01T00:00:00Z' });
    expect(a?.id).toBe('101');
    expect(a?.properties.lastmodifieddate).toBe('2025-03-01T00:00:00.000Z');
  });

  it('rejects repeated customer ids and modified times before firstSeenAt, naming the index', () => {
    let error: unknown;
    try {
      customersToHubspotContacts([business, consumer, business], {
        modifiedAt: (c) => (c.id === 'c0000001' ? '2020-01-01T00:00:00Z' : c.firstSeenAt),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
      [1, 'modifiedAt'],
      [2, 'id'],
    ]);
  });

  it('rejects a firstId that is not a positive whole number', () => {
    for (const firstId of [0, -5, 1.5, Number.NaN])
      expect(() => customersToHubspotContacts([consumer], { firstId })).toThrow(CxValidationError);
  });

  it('returns no contacts for no customers', () => {
    expect(customersToHubspotContacts([])).toEqual([]);
  });
});
