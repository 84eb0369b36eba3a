import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMapJson, reviewMap, serializeMap } from '@cx/map';
import { DEFAULT_STAGE_IDS } from '@cx/model';
import { describe, expect, it } from 'vitest';

const text = readFileSync(join(import.meta.dirname, '..', 'map.json'), 'utf8');

describe('example journey map', () => {
  it('is valid, canonical and covers all ten default stages', () => {
    const map = parseMapJson(text);
    expect(serializeMap(map)).toBe(text);
    expect(map.journey.stages.map((s) => s.id)).toEqual([...DEFAULT_STAGE_IDS]);
    for (const stage of map.journey.stages)
      expect(map.journey.steps.some((s) => s.stageId === stage.id)).toBe(true);
  });

  it('has the findings its story describes on 2026-08-01', () => {
    const kinds = reviewMap(parseMapJson(text), { asOf: '2026-08-01T08:00:00Z' }).map(
      (f) => `${f.kind} ${f.id}`,
    );
    // ia-exchange was due 2026-05-30 and is open; ia-shipping-pdp was due 2026-07-31 and is in progress.
    expect(kinds).toEqual([
      'action-overdue ia-shipping-pdp',
      'action-overdue ia-exchange',
      'pain-point-without-owner pp-shipping',
      'pain-point-without-owner pp-exchange',
    ]);
  });
});
