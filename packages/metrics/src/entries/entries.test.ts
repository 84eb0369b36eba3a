// The subpaths and the root: the root exports exactly the union of the four areas, with the same bindings.
import * as root from '@cx/metrics';
import * as journey from '@cx/metrics/journey';
import * as lifetime from '@cx/metrics/lifetime';
import * as retention from '@cx/metrics/retention';
import * as survey from '@cx/metrics/survey';
import * as model from '@cx/model';
import { describe, expect, it } from 'vitest';

const areas = { journey, lifetime, retention, survey } as Record<string, Record<string, unknown>>;

describe('@cx/metrics subpaths', () => {
  it('every name of every area is the root binding of that name', () => {
    for (const [area, module] of Object.entries(areas)) {
      expect(Object.keys(module).length, area).toBeGreaterThan(5);
      for (const [name, value] of Object.entries(module))
        expect(root[name as keyof typeof root], `${area}.${name}`).toBe(value);
    }
  });

  it('the root adds nothing of its own', () => {
    const union = new Set(Object.values(areas).flatMap((m) => Object.keys(m)));
    expect(Object.keys(root).filter((name) => !union.has(name))).toEqual([]);
  });

  it('every area re-exports the error classes it throws, the very classes of @cx/model (one class to catch)', () => {
    const common = ['CxError', 'CxOptionsError', 'CxValidationError'] as const;
    for (const [area, module] of Object.entries(areas))
      for (const name of common) expect(module[name], `${area}.${name}`).toBe(model[name]);
    for (const module of [survey, retention, lifetime]) expect(module.CxLimitError).toBe(model.CxLimitError);
    expect(lifetime.CxFitError).toBe(model.CxFitError);
    // The fits throw the re-exported class: a catch written against @cx/metrics/lifetime sees it.
    expect(() => lifetime.fitSbg([100, 100, 100])).toThrow(lifetime.CxFitError);
  });

  it('the journey area carries the columnar builders its fast paths read', () => {
    expect(journey.buildInteractionColumns).toBe(retention.buildInteractionColumns);
  });
});
