import { describe, expect, it } from 'vitest';
import type { HubspotContact } from './hubspot-contacts.js';
import { searchObjects } from './hubspot-search.js';

const contact = (
  id: number,
  modified: string,
  extra: Record<string, string | null> = {},
): HubspotContact => ({
  id: String(id),
  properties: {
    hs_object_id: String(id),
    email: `c${id}@example.com`,
    firstname: `Ana${id}`,
    lastname: 'Nowak',
    createdate: '2025-01-01T00:00:00.000Z',
    lastmodifieddate: modified,
    ...extra,
  },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: modified,
  archived: false,
});
// ids 1..5 modified at 10:00, 11:00, 11:00, 12:00, 13:00
const db = [
  contact(3, '2025-06-01T11:00:00.000Z'),
  contact(1, '2025-06-01T10:00:00.000Z', { company: 'Kruk SA' }),
  contact(2, '2025-06-01T11:00:00.000Z'),
  contact(5, '2025-06-01T13:00:00.000Z'),
  contact(4, '2025-06-01T12:00:00.000Z'),
];
const ms = (iso: string) => String(Date.parse(iso));
type Page = {
  total: number;
  results: HubspotContact[];
  paging?: { next: { after: string } };
};
const search = (body: unknown) => searchObjects(db, JSON.stringify(body));
const ids = (body: unknown) => (search(body).body as Page).results.map((r) => r.id);

describe('searchObjects', () => {
  it('filters datetime properties by epoch ms (AND inside a group) and sorts ascending, ties in stored order', () => {
    const body = {
      filterGroups: [
        {
          filters: [
            { propertyName: 'lastmodifieddate', operator: 'GTE', value: ms('2025-06-01T11:00:00Z') },
            { propertyName: 'lastmodifieddate', operator: 'LTE', value: ms('2025-06-01T12:00:00Z') },
          ],
        },
      ],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      limit: 10,
    };
    expect(ids(body)).toEqual(['3', '2', '4']); // 3 is stored before 2
  });

  it('ORs filter groups, sorts numerically on hs_object_id and descending', () => {
    const body = {
      filterGroups: [
        { filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: '5' }] },
        { filters: [{ propertyName: 'hs_object_id', operator: 'IN', values: ['1', '4'] }] },
      ],
      sorts: [{ propertyName: 'hs_object_id', direction: 'DESCENDING' }],
      limit: 10,
    };
    expect(ids(body)).toEqual(['5', '4', '1']);
  });

  it('supports BETWEEN, NEQ, HAS_PROPERTY and NOT_HAS_PROPERTY and the free-text query', () => {
    const one = (filter: unknown) => ids({ filterGroups: [{ filters: [filter] }], limit: 10 });
    expect(one({ propertyName: 'hs_object_id', operator: 'BETWEEN', value: '2', highValue: '3' })).toEqual([
      '2',
      '3',
    ]);
    expect(one({ propertyName: 'hs_object_id', operator: 'NEQ', value: '2' })).toEqual(['1', '3', '4', '5']);
    expect(one({ propertyName: 'company', operator: 'HAS_PROPERTY' })).toEqual(['1']);
    expect(one({ propertyName: 'company', operator: 'NOT_HAS_PROPERTY' })).toEqual(['2', '3', '4', '5']);
    expect(ids({ query: 'c4@example', limit: 10 })).toEqual(['4']);
  });

  it('pages with after offsets and returns the requested properties plus the three defaults', () => {
    const first = search({ limit: 2, properties: ['email'] }).body as Page;
    expect(first.total).toBe(5);
    expect(first.results.map((r) => r.id)).toEqual(['1', '2']);
    expect(Object.keys(first.results[0]?.properties ?? {}).sort()).toEqual([
      'createdate',
      'email',
      'hs_object_id',
      'lastmodifieddate',
    ]);
    expect(first.paging?.next.after).toBe('2');
    const last = search({ limit: 2, after: '4' }).body as Page;
    expect(last.results.map((r) => r.id)).toEqual(['5']);
    expect(last.paging).toBeUndefined();
    // an unset requested property is returned as null, as HubSpot does
    expect(
      (search({ limit: 1, properties: ['jobtitle'] }).body as Page).results[0]?.properties.jobtitle,
    ).toBe(null);
  });

  it('answers 400 for a limit over 200, the 10 000-result cap, bad JSON, unknown operators and two sorts', () => {
    expect(search({ limit: 201 }).status).toBe(400);
    expect(search({ limit: 200, after: '9900' })).toMatchObject({
      status: 400,
      body: { message: 'Search results are limited to 10,000' },
    });
    expect(searchObjects(db, '{').status).toBe(400);
    expect(
      search({ filterGroups: [{ filters: [{ propertyName: 'x', operator: 'LIKE', value: 'a' }] }] }).status,
    ).toBe(400);
    expect(search({ sorts: ['hs_object_id', 'email'] }).status).toBe(400);
  });
});
