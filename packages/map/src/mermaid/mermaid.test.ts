import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullMap } from '../__fixtures__/full.js';
import { errorOf, issuesOf, optionIssuesOf } from '../__fixtures__/issues.js';
import { shopMap } from '../__fixtures__/shop.js';
import { diffMaps } from '../diff.js';
import type { JourneyMap } from '../format/document.js';
import { parseMap } from '../parse.js';
import { toMermaid } from './export.js';
import { fromMermaid } from './import.js';

/** What a Mermaid round trip must keep: stage labels, step names, scores and actors, in order. */
function essence(map: JourneyMap) {
  const personaName = new Map(map.personas.map((p) => [p.id, p.name]));
  return map.journey.stages.map((stage) => ({
    stage: stage.labels.en,
    steps: map.journey.steps
      .filter((s) => s.stageId === stage.id)
      .map((s) => ({
        name: s.name,
        emotion: s.expectedEmotion,
        actors: map.emotionCurves
          .filter((c) => c.points.some((p) => p.stepId === s.id))
          .map((c) => personaName.get(c.personaId))
          .sort(),
      })),
  }));
}

describe('toMermaid', () => {
  it('writes sections, tasks with scores 1…5 and actors (hand-checked text)', () => {
    const { value: text, losses } = toMermaid(shopMap());
    // compare: expected +1 → 4, both personas; pay: −1 → 2; wait: 0 → 3, only Piotr; wear: +2 → 5.
    expect(text).toBe(
      [
        'journey',
        '  title Online shoe shop',
        '  section Consideration',
        '    Compares sizes: 4: Anna, Piotr',
        '  section Purchase',
        '    Pays by card: 2: Anna, Piotr',
        '    Waits for parcel: 3: Piotr',
        '  section Use',
        '    Wears shoes: 5: Anna, Piotr',
        '',
      ].join('\n'),
    );
    const at = (path: string) => losses.filter((l) => l.path.join('/') === path).map((l) => l.message);
    expect(at('journey/touchpoints/0')).toEqual(['touchpoints "pdp" is not carried by Mermaid']);
    expect(at('journey/painPoints/1')).toEqual(['painPoints "pp2" is not carried by Mermaid']);
    // Piotr feels 0 at "compare" while the task score says +1: listed, not silently dropped.
    expect(at('emotionCurves/1/points')[0]).toContain('{"stepId":"compare","emotion":0,"words":[]}');
    expect(at('emotionCurves/1/points')[0]).toContain(
      'reads back from Mermaid as [{"stepId":"compare","emotion":1,',
    );
  });

  it('lists as losses exactly what the round trip loses, for every format-2 concept', () => {
    const map = parseMap(fullMap());
    const { value, losses } = toMermaid(map);
    expect(losses.length).toBeGreaterThanOrEqual(
      diffMaps(map, fromMermaid(value, { idsFrom: map }).value).length,
    );
    const paths = losses.map((l) => l.path.join('/'));
    for (const lost of [
      'blueprint/0',
      'kpis/1',
      'journey/steps/4/scenario',
      'journey/stages/0/goals',
      'scenarios/0',
    ])
      expect(paths).toContain(lost);
    // Stages, steps and personas keep their ids through Mermaid when given the map it came from.
    expect(
      paths.filter((p) => /^journey\/(stages|steps)\/\d+$/.test(p) || /^personas\/\d+$/.test(p)),
    ).toEqual([]);
  });

  it('replaces : ; # , and lists each replacement', () => {
    const map = shopMap();
    map.journey.name = 'Shop #1; EU';
    map.journey.steps![0]!.name = 'Compare: size 42';
    map.personas![0]!.name = 'Anna, 34';
    const { value: text, losses } = toMermaid(map);
    expect(text).toContain('  title Shop ＃1； EU\n');
    expect(text).toContain('    Compare： size 42: 4: Anna， 34, Piotr\n');
    expect(losses.filter((l) => l.code === 'text_replaced').map((l) => l.path.join('/'))).toEqual([
      'journey/steps/0/name',
      'personas/0/name',
      'emotionCurves/0/personaId',
      'journey/name',
    ]);
    expect(losses.find((l) => l.path.join('/') === 'journey/steps/0/name')?.message).toBe(
      'steps "compare": /name "Compare: size 42" reads back from Mermaid as "Compare： size 42"',
    );
  });

  it('writes names that are only spaces as "(unnamed)", which Mermaid accepts (it rejects "title " and ": 3")', () => {
    const map = shopMap();
    map.journey.name = '   ';
    map.journey.steps![0]!.name = ' ';
    map.personas![0]!.name = '  ';
    map.journey.stages![0]!.labels = { en: '\u2003' };
    const { value, losses } = toMermaid(map);
    expect(value).toContain('  title (unnamed)\n  section (unnamed)\n    (unnamed): 4: (unnamed), Piotr\n');
    const paths = losses.map((l) => l.path.join('/'));
    for (const path of ['journey/steps/0/name', 'personas/0/name', 'journey/name', 'journey/stages/0/labels'])
      expect(paths).toContain(path);
  });

  it('guards task names that would read as keywords, and the importer removes the guard', () => {
    const map = shopMap();
    map.journey.steps![0]!.name = 'Title page check';
    map.journey.steps![1]!.name = 'section two';
    const back = fromMermaid(toMermaid(map).value).value;
    expect(back.journey.steps.map((s) => s.name).slice(0, 2)).toEqual(['Title page check', 'section two']);
  });

  it('rejects unsafe text with every path when asked to', () => {
    const map = shopMap();
    map.journey.steps![2]!.name = 'Waits; then #complains';
    map.journey.stages![1]!.labels = { en: 'Purchase: pay' };
    const issues = issuesOf(() => toMermaid(map, { unsafe: 'reject' }));
    expect(issues.map((i) => i.path)).toEqual([
      ['journey', 'stages', 1, 'labels', 'en'],
      ['journey', 'steps', 2, 'name'],
    ]);
  });
});

describe('fromMermaid', () => {
  it('imports the Mermaid documentation example', () => {
    // From https://mermaid.js.org/syntax/userJourney.html
    const { value: map } = fromMermaid(`journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me`);
    expect(map.journey.name).toBe('My working day');
    expect(map.journey.stages.map((s) => s.labels.en)).toEqual(['Go to work', 'Go home']);
    expect(map.journey.steps.map((s) => s.expectedEmotion)).toEqual([2, 0, -2, 2, 2]);
    expect(map.personas.map((p) => p.name)).toEqual(['Me', 'Cat']);
    expect(map.emotionCurves[1]).toEqual({
      personaId: 'cat',
      points: [{ stepId: 'do-work', emotion: -2, words: [] }],
    });
  });

  it('follows Mermaid comments and accessibility statements', () => {
    const { value: map } = fromMermaid(
      '%% a comment\njourney\n  accTitle: Shop\n  accDescr: Buying shoes\n  section A # note\n    X: 3 # also a comment\n',
    );
    expect(map.journey.description).toBe('Buying shoes');
    expect(map.journey.stages[0]?.labels.en).toBe('A ');
    expect(map.journey.steps[0]?.expectedEmotion).toBe(0);
  });

  it('gives line-numbered errors for what Mermaid misreads or rejects', () => {
    const text = [
      'journey',
      '  title T',
      '  Early: 3',
      '  section S',
      '    A: x: Me',
      '    B: 9',
      '    Pay: now: 5: Me',
      '    C: 3: Me,',
      '    D: 5; E: 1',
      '    what is this',
    ].join('\n');
    const issues = issuesOf(() => fromMermaid(text));
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [3, 3, 'mermaid_syntax'], // task before any section
      [5, 7, 'mermaid_score'], // "x" is NaN in Mermaid
      [6, 7, 'mermaid_score'], // 9 is off the 1…5 scale
      [7, 16, 'mermaid_syntax'], // the third ":" (col 16); Mermaid reads score NaN, actor "5"
      [8, 7, 'mermaid_syntax'], // empty actor after the comma
      [9, 9, 'mermaid_syntax'], // ";"
      [10, 5, 'mermaid_syntax'], // unknown statement
    ]);
    expect(issues[1]?.message).toMatch(/^expected a score from 1 to 5, found "x"/);
    expect((errorOf(() => fromMermaid(text)) as Error).message).toContain(
      '\n  5:7: expected a score from 1 to 5',
    );
  });

  it('ends lines at a lone CR as Mermaid does (version 1 merged the section into the title)', () => {
    const { value } = fromMermaid('journey\r  title T\r  section A\r    X: 3\r  section B\r    Y: 4\r');
    expect(value.journey.name).toBe('T');
    expect(value.journey.stages.map((s) => s.labels.en)).toEqual(['A', 'B']);
  });

  it('reads 7,000 identical task lines with distinct ids (version 1 counted slugs up from 2 for each; scaling: bench/map-importers.ts)', () => {
    const text = `journey\n  section S\n${'    Pays: 3: Anna, Piotr\n'.repeat(7000)}`;
    const { value } = fromMermaid(text);
    expect(value.journey.steps.at(-1)?.id).toBe('pays-7000');
    expect(value.emotionCurves[0]?.points).toHaveLength(7000);
  });

  it('checks its options and keeps ids of the map it came from', () => {
    expect(optionIssuesOf(() => fromMermaid('journey', { journeyid: 'x' } as never))[0]?.suggestion).toBe(
      'journeyId',
    );
    const map = parseMap(shopMap());
    const back = fromMermaid(toMermaid(map).value, { idsFrom: map }).value;
    expect(back.journey.id).toBe('shop');
    expect(back.journey.steps.map((s) => s.id)).toEqual(['compare', 'pay', 'wait', 'wear']);
  });

  it('requires the journey header', () => {
    expect(issuesOf(() => fromMermaid('flowchart LR\n  A-->B'))[0]).toMatchObject({ line: 1, column: 1 });
    expect(issuesOf(() => fromMermaid(''))[0]?.message).toContain('journey');
  });
});

const safeText = fc
  .stringMatching(/^[A-Za-z0-9ąęłóśżź][A-Za-z0-9 ąęłóśżź'().!?-]{0,14}$/)
  .map((s) => s.trimEnd())
  .filter((s) => !/^(title|section|journey|acctitle|accdescr)/i.test(s));

const arbitraryMap = fc
  .record({
    title: safeText,
    stages: fc.uniqueArray(safeText, { minLength: 1, maxLength: 5 }),
    personas: fc.uniqueArray(safeText, { maxLength: 3 }),
    steps: fc.array(
      fc.record({
        stage: fc.nat(),
        name: safeText,
        emotion: fc.integer({ min: -20, max: 20 }).map((k) => k / 10),
        actors: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ title, stages, personas, steps }) => {
    const stageIds = stages.map((_, i) => `s${i}`);
    const placed = steps.map((s, i) => ({ ...s, id: `t${i}`, stageId: stageIds[s.stage % stages.length]! }));
    return parseMap({
      formatVersion: 2,
      journey: {
        id: 'j',
        name: title,
        version: 1,
        stages: stages.map((en, i) => ({ id: stageIds[i]!, labels: { en } })),
        steps: placed.map((s) => ({
          id: s.id,
          stageId: s.stageId,
          name: s.name,
          expectedEmotion: s.emotion,
        })),
      },
      personas: personas.map((name, i) => ({ id: `p${i}`, name })),
      emotionCurves: personas.map((_, i) => ({
        personaId: `p${i}`,
        points: placed.filter((s) => s.actors[i]).map((s) => ({ stepId: s.id, emotion: s.emotion })),
      })),
    });
  });

describe('Mermaid round trip (property)', () => {
  it('map → Mermaid → map keeps stages, steps, scores and actors', () => {
    fc.assert(
      fc.property(arbitraryMap, (map) => {
        const back = fromMermaid(toMermaid(map).value).value;
        expect(essence(back)).toEqual(essence(map));
        expect(back.journey.name).toBe(map.journey.name);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
