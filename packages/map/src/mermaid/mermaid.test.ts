import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shopMap } from './__fixtures__/shop.js';
import type { JourneyMap } from './document.js';
import type { LocatedIssue } from './issues.js';
import { toMermaid } from './mermaid-export.js';
import { fromMermaid } from './mermaid-import.js';
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
    const { text, losses } = toMermaid(shopMap());
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
    const messages = losses.map((l) => l.message).join('\n');
    expect(messages).toContain('3 touchpoints not carried');
    expect(messages).toContain('2 pain points not carried');
    // Piotr feels 0 at "compare" while the task score says +1: listed, not silently dropped.
    expect(messages).toContain('Persona "piotr" feels 0 at step "compare"');
  });

  it('replaces : ; # , and lists each replacement', () => {
    const map = shopMap();
    map.journey.name = 'Shop #1; EU';
    map.journey.steps![0]!.name = 'Compare: size 42';
    map.personas![0]!.name = 'Anna, 34';
    const { text, losses } = toMermaid(map);
    expect(text).toContain('  title Shop ＃1； EU\n');
    expect(text).toContain('    Compare： size 42: 4: Anna， 34, Piotr\n');
    expect(losses.filter((l) => l.message.includes("Mermaid's journey grammar"))).toHaveLength(3);
  });

  it('guards task names that would read as keywords, and the importer removes the guard', () => {
    const map = shopMap();
    map.journey.steps![0]!.name = 'Title page check';
    map.journey.steps![1]!.name = 'section two';
    const back = fromMermaid(toMermaid(map).text);
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
    const map = fromMermaid(`journey
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
    expect(map.emotionCurves[1]).toEqual({ personaId: 'cat', points: [{ stepId: 'do-work', emotion: -2 }] });
  });

  it('follows Mermaid comments and accessibility statements', () => {
    const map = fromMermaid(
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
    expect(issues[1]?.message).toMatch(/^Line 5, column 7: expected a score from 1 to 5, found "x"/);
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
      formatVersion: 1,
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
        const back = fromMermaid(toMermaid(map).text);
        expect(essence(back)).toEqual(essence(map));
        expect(back.journey.name).toBe(map.journey.name);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
