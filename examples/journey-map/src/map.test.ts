import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffMaps, MAP_FORMAT_VERSION, parseMapJson, reviewMap, scenarioView, serializeMap } from '@cx/map';
import { DEFAULT_STAGE_IDS } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { measureMapFromSampleShop } from './measure.js';

const text = readFileSync(join(import.meta.dirname, '..', 'map.json'), 'utf8');

describe('example journey map', () => {
  it('is valid, canonical, in the current format, and covers all ten default stages', () => {
    const map = parseMapJson(text);
    expect(serializeMap(map)).toBe(text);
    expect(map.formatVersion).toBe(MAP_FORMAT_VERSION);
    expect(map.journey.stages.map((s) => s.id)).toEqual([...DEFAULT_STAGE_IDS]);
    for (const stage of map.journey.stages) {
      expect(map.journey.steps.some((s) => s.stageId === stage.id)).toBe(true);
      expect(stage.goals.length).toBeGreaterThan(0);
    }
  });

  it('has blueprint layers on both sides of the line of visibility, and as-is and to-be versions', () => {
    const map = parseMapJson(text);
    expect(new Set(map.blueprint.map((b) => b.layer))).toEqual(
      new Set(['physical-evidence', 'customer-action', 'frontstage', 'backstage', 'support']),
    );
    const changes = diffMaps(scenarioView(map, 'as-is'), scenarioView(map, 'to-be'));
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'removed', collection: 'steps', id: 'exchange' }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'added', collection: 'steps', id: 'exchange-app' }),
    );
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

  it('measures itself: every KPI with a definition gets the year and its four quarters, with n and intervals', () => {
    const map = parseMapJson(text);
    const measured = measureMapFromSampleShop(map, 300);
    const defined = map.kpis.filter((k) => k.definition !== undefined).map((k) => k.id);
    expect(defined).toHaveLength(6);
    for (const id of defined) {
      const ids = measured.measurements.filter((m) => m.kpiId === id).map((m) => m.id);
      expect(ids).toEqual([id, `${id}@2025-Q1`, `${id}@2025-Q2`, `${id}@2025-Q3`, `${id}@2025-Q4`]);
      const year = measured.measurements.find((m) => m.id === id)!;
      expect(year.n).toBeGreaterThan(0);
      if (year.metric !== 'volume') expect(year.confidenceInterval?.level).toBe(0.95);
    }
    // KPIs without a definition keep their hand-entered measurements.
    expect(measured.measurements.some((m) => m.kpiId === 'kpi-chat-ces')).toBe(true);
  });
});
