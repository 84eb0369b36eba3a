import { CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { shopMap } from './__fixtures__/shop.js';
import { fromCsv, toCsv } from './csv.js';
import { readCsv, writeCsv } from './csv-text.js';
import type { LocatedIssue } from './issues.js';
import { toMarkdownTable } from './markdown.js';
import { parseMap } from './parse.js';

function issuesOf(fn: () => unknown): LocatedIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    return [...(error as CxValidationError).issues];
  }
  throw new Error('expected a CxValidationError');
}

describe('CSV text', () => {
  it('writes and reads RFC 4180 quoting (quotes doubled, line breaks kept)', () => {
    const rows = [['a', 'b,c', 'say "hi"', 'two\nlines', ' pad ']];
    const text = writeCsv(rows);
    expect(text).toBe('a,"b,c","say ""hi""","two\nlines"," pad "\r\n');
    expect(readCsv(text, 'x').map((r) => r.fields)).toEqual(rows);
  });

  it('names line and column of malformed CSV', () => {
    expect(issuesOf(() => readCsv('a,b\nc,"d\n', 'x'))[0]).toMatchObject({ code: 'invalid_csv', line: 3 });
    expect(issuesOf(() => readCsv('a,b"c\n', 'x'))[0]).toMatchObject({ line: 1, column: 4 });
  });
});

describe('toCsv', () => {
  it('lays stages out as columns and lanes as rows', () => {
    const { text, losses } = toCsv(shopMap());
    const rows = readCsv(text, 'x').map((r) => r.fields);
    expect(rows[0]).toEqual(['Lane', 'Consideration', 'Purchase', 'Use']);
    expect(rows.find((r) => r[0] === 'Steps')).toEqual([
      'Steps',
      'Compares sizes',
      'Pays by card\nWaits for parcel',
      'Wears shoes',
    ]);
    expect(rows.find((r) => r[0] === 'Emotion: Piotr')).toEqual(['Emotion: Piotr', '0', '-2\n-1', '+1']);
    expect(rows.find((r) => r[0] === 'Backstage')).toEqual(['Backstage', '', 'Fraud check (other)', '']);
    expect(rows.find((r) => r[0] === 'KPIs')?.[2]).toBe(
      'Checkout conversion (target 0.6)\nConversion 52% (n=1840, 2026-01-01 – 2026-02-01)',
    );
    expect(losses.map((l) => l.message).join('\n')).toContain('Interaction names');
  });
});

describe('fromCsv', () => {
  it('reads back what toCsv wrote (stages, steps, emotions, touchpoints, pain points, actions, notes)', () => {
    const input = shopMap();
    input.lanes = [
      { id: 'steps', kind: 'steps' },
      { id: 'touchpoints', kind: 'touchpoints' },
      { id: 'emotions', kind: 'emotions' },
      { id: 'thoughts', kind: 'thoughts' },
      { id: 'pain', kind: 'pain-points' },
      { id: 'mot', kind: 'moments-of-truth' },
      { id: 'opp', kind: 'opportunities' },
      { id: 'act', kind: 'improvement-actions' },
      { id: 'backstage', kind: 'backstage' },
      { id: 'ideas', kind: 'notes', label: 'Ideas', cells: [{ stageId: 'use', text: 'Care kit' }] },
      { id: 'kpis', kind: 'kpis' },
    ];
    const original = parseMap(input);
    const { text } = toCsv(original);
    const { map, skipped } = fromCsv(text, { journeyId: 'shop', name: 'Online shoe shop' });
    expect(skipped).toEqual([
      { line: expect.any(Number), label: 'KPIs', reason: 'KPIs and measurements are text only' },
    ]);
    expect(map.journey.stages.map((s) => [s.id, s.labels.en])).toEqual(
      original.journey.stages.map((s) => [s.id, s.labels.en]),
    );
    expect(map.journey.steps.map((s) => [s.stageId, s.name, s.expectedEmotion])).toEqual(
      original.journey.steps.map((s) => [s.stageId, s.name, s.expectedEmotion]),
    );
    expect(map.emotionCurves).toEqual(
      original.emotionCurves.map((c) => ({
        personaId: c.personaId,
        points: c.points.map((p) => ({
          ...p,
          stepId: map.journey.steps[original.journey.steps.findIndex((s) => s.id === p.stepId)]!.id,
        })),
      })),
    );
    const strip = <T extends { id: string }>(xs: readonly T[]) => xs.map(({ id: _, ...rest }) => rest);
    expect(strip(map.journey.touchpoints)).toEqual(
      strip(original.journey.touchpoints).map(({ owner: _, ...t }) => t),
    );
    // Items come back in stage (column) order: pp2 (Consideration) before pp1 (Purchase).
    expect(strip(map.journey.painPoints)).toEqual(
      strip([original.journey.painPoints[1]!, original.journey.painPoints[0]!]).map(
        ({ touchpointId: _, ...p }) => p,
      ),
    );
    expect(map.journey.improvementActions.map((a) => [a.title, a.owner, a.dueDate, a.status])).toEqual(
      original.journey.improvementActions.map((a) => [a.title, a.owner, a.dueDate, a.status]),
    );
    expect(map.thoughts).toEqual([
      { id: 'th-1', stepId: 'pays-by-card', personaId: 'anna', text: 'Why is shipping so expensive?' },
    ]);
    expect(map.lanes.map((l) => l.kind)).toEqual(input.lanes.map((l) => l.kind));
    // Without KPI and metric rows, the CSV is a fixed point.
    const noKpi = { ...input, lanes: input.lanes.filter((l) => l.kind !== 'kpis') };
    const csv = toCsv(noKpi).text;
    expect(toCsv(fromCsv(csv, { journeyId: 'shop', name: 'x' }).map).text).toBe(csv);
  });

  it('names the line of bad rows', () => {
    const csv =
      'Lane,A,B\r\nSteps,x,y\r\nPain points,[urgent] broken,\r\nTouchpoints,Shop (fax),\r\nEmotion: Anna,"+1\n+2",0\r\nShort,1\r\n';
    const issues = issuesOf(() => fromCsv(csv));
    expect(issues.map((i) => i.line)).toEqual([7]);
    const issues2 = issuesOf(() => fromCsv(csv.replace('Short,1\r\n', '')));
    expect(issues2.map((i) => i.line)).toEqual([5, 3, 4]);
    expect(issues2[0]?.message).toContain('has 1 steps but 2 emotion values');
    expect(issuesOf(() => fromCsv('Stage,A\r\n'))[0]?.message).toContain('"Lane"');
  });
});

describe('toMarkdownTable', () => {
  it('renders the grid with escaped cells and <br> between items', () => {
    const map = shopMap();
    map.journey.steps![0]!.name = 'Compares | sizes *fast*';
    const md = toMarkdownTable({ ...map, lanes: [{ id: 'steps', kind: 'steps' }] });
    expect(md).toBe(
      [
        '| Lane | Consideration | Purchase | Use |',
        '| --- | --- | --- | --- |',
        '| Steps | Compares \\| sizes \\*fast\\* | Pays by card<br>Waits for parcel | Wears shoes |',
        '',
      ].join('\n'),
    );
  });
});
