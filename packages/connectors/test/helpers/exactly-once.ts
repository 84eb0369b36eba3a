import { expect } from 'vitest';
import type { SyncItem } from '../../src/sync/types.js';

type RecordItem = Extract<SyncItem, { type: 'record' }>;

/** Asserts the delivered records cover exactly `expectedIds` (as a set) with no key delivered twice. */
export function expectExactlyOnce(items: readonly RecordItem[], expectedIds: Iterable<string>): void {
  const keys = items.map((i) => `${i.record.kind}:${i.key}`);
  expect(new Set(keys).size).toBe(keys.length);
  const got = [...new Set(items.map((i) => i.record.value.id))].sort();
  expect(got).toEqual([...new Set(expectedIds)].sort());
}
