import { describe, expect, it } from 'vitest';
import { fullMap } from '../__fixtures__/full.js';
import { issuesOf, optionIssuesOf } from '../__fixtures__/issues.js';
import { shopMap } from '../__fixtures__/shop.js';
import { diffMaps } from '../diff.js';
import { toMarkdownTable } from '../markdown.js';
import { parseMap } from '../parse.js';
import { toCsv } from './export.js';
import { guardCell, unguardCell } from './formula-guard.js';
import { fromCsv } from './import.js';
import { readCsv, writeCsv } from './text.js';

const rowsOf = (text: string) => readCsv(text, 'x', 1e9).map((r) => r.fields);

describe('CSV text', () => {
  it('writes and reads RFC 4180 quoting (quotes doubled, line breaks kept)', () => {
    const rows = [['a', 'b,c', 'say "hi"', 'two\nlines', ' pad ', 'cr\ronly']];
    const text = writeCsv(rows);
    expect(text).toBe('a,"b,c","say ""hi""","two\nlines"," pad ","cr\ronly"\r\n');
    expect(rowsOf(text)).toEqual(rows);
  });

  it('ends a record at LF, CRLF or a lone CR, and names line and column of malformed CSV', () => {
    expect(rowsOf('a,b\rc,d\r\ne,f\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(issuesOf(() => readCsv('a,b\nc,"d\n', 'x', 1e9))[0]).toMatchObject({
      code: 'invalid_csv',
      line: 3,
    });
    expect(issuesOf(() => readCsv('a,b"c\n', 'x', 1e9))[0]).toMatchObject({ line: 1, column: 4 });
    expect(issuesOf(() => readCsv('"a"b\n', 'x', 1e9))[0]?.message).toContain('after a closing quote');
  });
});

describe('spreadsheet formula guard (on by default)', () => {
  it('prefixes cells a spreadsheet would run, leaves plain numbers, and reads every cell back unchanged', () => {
    // OWASP "CSV injection": cells starting with = + - @ tab or CR are formulas in Excel, LibreOffice, Sheets.
    for (const cell of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x', "'quoted", "'=x"])
      expect(guardCell(cell).startsWith("'"), cell).toBe(true);
    for (const cell of ['-1', '+2', '0.5', 'Pays', '', ' =x']) expect(guardCell(cell), cell).toBe(cell);
    for (const cell of ['=1+1', "'quoted", "''", '-1', 'x']) expect(unguardCell(guardCell(cell))).toBe(cell);
  });

  it('guards step names and notes that look like formulas, and fromCsv restores them', () => {
    const map = shopMap();
    map.journey.steps![0]!.name = '=HYPERLINK("http://evil.example","x")';
    map.journey.painPoints![1]!.description = '@SUM(1)';
    const { value } = toCsv(map);
    const steps = rowsOf(value).find((r) => r[0] === 'Steps')!;
    expect(steps[1]).toBe('\'=HYPERLINK("http://evil.example","x")');
    const back = fromCsv(value, { idsFrom: map }).value;
    expect(back.journey.steps[0]?.name).toBe('=HYPERLINK("http://evil.example","x")');
    expect(toCsv(map, { formulaGuard: false }).value).toContain('\nSteps,"=HYPERLINK');
  });
});

describe('toCsv', () => {
  it('lays stages out as columns and lanes as rows, links as groups', () => {
    const { value } = toCsv(fullMap());
    const rows = rowsOf(value);
    const row = (label: string) => rows.find((r) => r[0] === label);
    expect(rows[0]).toEqual(['Lane', 'Consideration', 'Purchase', 'Use']);
    expect(row('Steps')?.[3]).toBe(
      'Wears shoes\nCalls about a return (scenario: as-is)\nReturns in the app (scenario: to-be)',
    );
    expect(row('Goals')).toEqual(['Goals', 'Find shoes that fit', 'Pay quickly', 'Comfortable shoes']);
    expect(row('Emotion: Anna')?.[2]).toBe("'-1 (annoyed, rushed)\n–");
    expect(row('Emotion: Anna [to-be]')?.[3]).toBe('–\n–\n+1 (relieved)');
    expect(row('Pain points')?.[2]).toBe(
      '[high] Shipping cost shown late (step: Pays by card) (frequency: frequent) (impact: high) (personas: Anna, Piotr) (owner: Checkout team)',
    );
    expect(row('Opportunities')?.[1]).toBe(
      'Show shipping on product page (step: Compares sizes) (impact: high) (effort: low) (priority: critical) (owner: Web team)',
    );
    expect(row('Thoughts: Anna')?.[2]).toBe('Why is shipping so expensive? (step: Pays by card)');
    expect(row('Blueprint: support processes')?.[2]).toBe('Payment provider API');
    // The emotion lane's custom label "How it feels" is not what fromCsv recognises: the kind's label is written.
    expect(row('Emotion: expected')).toBeDefined();
  });

  it('states a window shared by every measurement once, in the KPI row label, and n only where it is not the value', () => {
    const map = shopMap();
    for (const m of map.measurements!)
      m.window = { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
    map.measurements!.push({
      id: 'v',
      metric: 'volume',
      value: 900,
      n: 900,
      stageId: 'use',
      window: map.measurements![0]!.window,
    });
    const kpis = rowsOf(toCsv(map).value).find((r) => r[0]!.startsWith('KPIs'))!;
    expect(kpis[0]).toBe('KPIs (2026-01-01 – 2026-04-01)');
    expect(kpis[3]).toBe('NPS 31 [24.2, 37.5] n=412\nVolume 900');
  });

  it('lists as losses exactly what a round trip loses, found by reading the CSV back', () => {
    const map = parseMap(fullMap());
    const { value, losses } = toCsv(map);
    const back = fromCsv(value, { idsFrom: map }).value;
    // Every change of the round trip is a loss, and nothing else is (here every item keeps its id).
    expect(losses.length).toBe(diffMaps(map, back).length);
    const at = (path: string) => losses.find((l) => l.path.join('/') === path);
    expect(at('journey/painPoints/0/evidence')?.code).toBe('not_carried');
    expect(at('kpis/1')?.message).toBe('kpis "k2" is not carried by CSV');
    expect(at('lanes/6/label')?.message).toContain('"How it feels" reads back from CSV as (none)');
    // What the CSV does carry comes back: goals, rated pain points, opportunities, scenarios, emotion words,
    // thoughts at their own step, the blueprint, moments of truth on their step, actions with their events.
    for (const lost of losses)
      expect(lost.path.join('/')).not.toMatch(
        /^(journey\/stages\/\d+\/(goals|expectations)|journey\/painPoints\/\d+\/(frequency|businessImpact|personaIds|stepId|severity)|emotionCurves|thoughts\/\d+\/stepId|blueprint\/\d+\/(layer|stepId|owner)|journey\/momentsOfTruth|journey\/desiredActions|journey\/completedActions)/,
      );
  });

  it('keeps ids stable across the lossy round trip when given the map it came from', () => {
    const map = parseMap(fullMap());
    const back = fromCsv(toCsv(map).value, { idsFrom: map }).value;
    expect(back.journey.steps.map((s) => s.id)).toEqual(map.journey.steps.map((s) => s.id));
    expect(back.journey.painPoints.map((p) => p.id).sort()).toEqual(
      map.journey.painPoints.map((p) => p.id).sort(),
    );
    expect(back.blueprint.map((b) => b.id).sort()).toEqual(map.blueprint.map((b) => b.id).sort());
    expect(diffMaps(map, back).filter((c) => c.kind === 'added' && c.collection !== 'lanes')).toEqual([]);
    // Without a base, ids are slugs of the text, the same for the same CSV.
    const plain = fromCsv(toCsv(map).value).value;
    expect(plain.journey.steps.map((s) => s.id)).toEqual([
      'compares-sizes',
      'pays-by-card',
      'waits-for-parcel',
      'wears-shoes',
      'calls-about-a-return',
      'returns-in-the-app',
    ]);
    expect(fromCsv(toCsv(map).value).value).toEqual(plain);
  });
});

describe('fromCsv', () => {
  it('reads a lone CR or U+2028 inside a cell as a line break between items (no TypeError)', () => {
    // Version 1 threw a TypeError from `regex.exec(item)!` on this input.
    const { value } = fromCsv('Lane,Use\r\nMoments of truth,"a\rb\u2028c"\r\n');
    expect(value.journey.momentsOfTruth.map((m) => m.name)).toEqual(['a', 'b', 'c']);
  });

  it('reads a notes lane without a label back with its cells', () => {
    // Version 1 exported it as row "Notes" and read it back empty, without a loss.
    const map = shopMap();
    map.lanes = [{ id: 'notes', kind: 'notes', cells: [{ stageId: 'use', text: 'Care kit' }] }];
    const { value, losses } = toCsv(map);
    expect(value).toContain('Notes,,,Care kit');
    expect(fromCsv(value).value.lanes).toEqual([
      { id: 'notes', kind: 'notes', cells: [{ stageId: 'use', text: 'Care kit' }] },
    ]);
    expect(losses.filter((l) => l.path[0] === 'lanes')).toEqual([]);
  });

  it('places a thought at its own step, and says so when a hand-written row names none', () => {
    const csv =
      'Lane,Use\r\nSteps,"Unboxes\nSets up"\r\nThoughts: Anna,"Tricky (step: Sets up)\nNice box"\r\n';
    const { value, losses } = fromCsv(csv);
    expect(value.thoughts.map((t) => [t.stepId, t.personaId, t.text])).toEqual([
      ['sets-up', 'anna', 'Tricky'],
      ['unboxes', 'anna', 'Nice box'],
    ]);
    expect(losses).toContainEqual(expect.objectContaining({ code: 'value_approximated', line: 4 }));
  });

  it('names the line of bad rows', () => {
    const csv =
      'Lane,A,B\r\nSteps,x,y\r\nPain points,[urgent] broken,\r\nTouchpoints,Shop (fax),\r\nEmotion: Anna,"+1\n+2",0\r\nShort,1\r\n';
    expect(issuesOf(() => fromCsv(csv)).map((i) => i.line)).toEqual([7]);
    const issues = issuesOf(() => fromCsv(csv.replace('Short,1\r\n', '')));
    expect(issues.map((i) => i.line).sort()).toEqual([3, 4, 5]);
    expect(issues.find((i) => i.line === 5)?.message).toContain('has 1 steps but 2 emotion values');
    expect(issuesOf(() => fromCsv('Stage,A\r\n'))[0]?.message).toContain('"Lane"');
    expect(issuesOf(() => fromCsv('Lane,A\r\nSteps,x\r\nThoughts,hm (step: y)\r\n'))[0]?.message).toContain(
      'unknown step "y"',
    );
  });

  it('checks its options', () => {
    expect(optionIssuesOf(() => fromCsv('Lane,A\r\n', { journeyID: 'x' } as never))[0]).toMatchObject({
      code: 'unknown_option',
      path: ['journeyID'],
      suggestion: 'journeyId',
    });
    expect(optionIssuesOf(() => fromCsv('Lane,A\r\n', { formulaGuard: 'yes' } as never))[0]?.path).toEqual([
      'formulaGuard',
    ]);
  });

  it('reads 7,000 steps of one name in one cell, and long items that defeated the old regexes (scaling: bench/map-importers.ts)', () => {
    const cell = Array.from({ length: 7000 }, () => 'Pays').join('\n');
    expect(fromCsv(`Lane,A\r\nSteps,"${cell}"\r\n`).value.journey.steps.at(-1)?.id).toBe('pays-7000');
    const long = `[high] ${'a '.repeat(20_000)}(owner: ${'x'.repeat(20_000)}`;
    const read = fromCsv(`Lane,A\r\nPain points,${long}\r\n`).value.journey.painPoints[0];
    // No closing parenthesis: the whole text after "[high] " is the description.
    expect(read?.description.length).toBe(long.length - '[high] '.length);
    expect(read?.owner).toBeUndefined();
    const action = `${'t — '.repeat(10_000)}, due 2026-01-01 (open`;
    expect(issuesOf(() => fromCsv(`Lane,A\r\nImprovement actions,${action}\r\n`))[0]?.line).toBe(2);
  });
});

describe('toMarkdownTable', () => {
  it('renders the grid with escaped cells and <br> between items, with the losses of the layout', () => {
    const map = shopMap();
    map.journey.steps![0]!.name = 'Compares | sizes *fast*';
    const { value, losses } = toMarkdownTable({ ...map, lanes: [{ id: 'steps', kind: 'steps' }] });
    expect(value).toBe(
      [
        '| Lane | Consideration | Purchase | Use |',
        '| --- | --- | --- | --- |',
        '| Steps | Compares \\| sizes \\*fast\\* | Pays by card<br>Waits for parcel | Wears shoes |',
        '',
      ].join('\n'),
    );
    expect(losses.find((l) => l.path.join('/') === 'journey/painPoints/0')?.message).toContain(
      'not carried by Markdown table',
    );
  });
});
