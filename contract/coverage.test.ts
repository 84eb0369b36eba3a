// Contract suite, part 3: every exported function and class of every package is in its package's table — with an
// options case, as an accumulator, or exempt with a reason — so a new export cannot skip the contract.
import { describe, expect, it } from 'vitest';
import { contracts } from './tables/index.js';

for (const contract of contracts) {
  describe(`${contract.pkg}: coverage`, () => {
    it('lists every exported function and class', () => {
      const listed = new Set([
        ...contract.options.map((c) => c.name),
        ...contract.accumulators.map((c) => c.name),
        ...Object.keys(contract.exempt),
      ]);
      const exported = Object.entries(contract.module)
        .filter(([, value]) => typeof value === 'function')
        .map(([name]) => name);
      expect(exported.filter((name) => !listed.has(name))).toEqual([]);
      // And nothing listed that is not exported (a stale table).
      expect([...listed].filter((name) => !exported.includes(name))).toEqual([]);
    });

    it('gives a reason for every exemption', () => {
      for (const [name, reason] of Object.entries(contract.exempt))
        expect(reason.length, name).toBeGreaterThan(10);
    });
  });
}
