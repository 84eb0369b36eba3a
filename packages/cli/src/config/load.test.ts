import { CxOptionsError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './load.js';

const config = (read: Record<string, unknown>) => ({
  timeZone: 'Europe/Warsaw',
  sources: {
    orders: {
      path: 'orders.csv',
      mapping: {
        kind: 'order',
        fields: { id: 'id', customerId: 'email', orderedAt: 'at', amount: 'total', status: 'status' },
      },
      ...read,
    },
  },
  report: { title: 'Shop' },
});

describe('the reader options of cx.config.json are those of @cx/ingest', () => {
  it('accepts what readRecords accepts', () => {
    const resolved = resolveConfig(
      config({ delimiter: ';', encoding: 'windows-1250', maxRejected: { share: 0.01 } }),
      '/tmp/cx.config.json',
    );
    expect(resolved.sources[0]?.read.delimiter).toBe(';');
  });

  // Before, the config took any non-empty delimiter (a quote, two characters) and the error came later, from the
  // reader, without the config path.
  it.each([
    [{ delimiter: '"' }, ['sources', 'orders', 'delimiter']],
    [{ delimiter: ';;' }, ['sources', 'orders', 'delimiter']],
    [{ encoding: 'latin1' }, ['sources', 'orders', 'encoding']],
    [{ format: 'json' }, ['sources', 'orders', 'format']],
    [{ maxRejected: { share: 2 } }, ['sources', 'orders', 'maxRejected', 'share']],
  ])('%j is a CxOptionsError at its path in the config', (read, path) => {
    let error: unknown;
    try {
      resolveConfig(config(read), '/tmp/cx.config.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxOptionsError);
    expect((error as CxOptionsError).issues.map((i) => i.path)).toEqual([path]);
  });
});
