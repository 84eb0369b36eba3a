import { CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { shopMap } from './__fixtures__/shop.js';
import type { LocatedIssue } from './issues.js';
import { parseMap, parseMapJson, parseMapYaml } from './parse.js';
import { serializeMap } from './serialize.js';

function issuesOf(fn: () => unknown): LocatedIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    return [...(error as CxValidationError).issues];
  }
  throw new Error('expected a CxValidationError');
}

describe('parseMap', () => {
  it('accepts a complete map and fills defaults', () => {
    const map = parseMap(shopMap());
    expect(map.journey.touchpoints[0]?.visibility).toBe('frontstage');
    expect(map.lanes.map((l) => l.kind)).toContain('kpis');
    expect(map.measurements[1]?.interval?.level).toBe(0.95);
  });

  it('rejects an unknown format version at /formatVersion', () => {
    const issues = issuesOf(() => parseMap({ ...shopMap(), formatVersion: 7 }));
    expect(issues[0]).toMatchObject({ path: ['formatVersion'], code: 'unknown_format_version' });
    expect(issues[0]?.message).toContain('Unknown format version 7');
  });

  it('rejects a missing formatVersion', () => {
    const { formatVersion: _, ...rest } = shopMap();
    expect(issuesOf(() => parseMap(rest))[0]).toMatchObject({ code: 'missing_format_version' });
  });

  it('names a step whose stage does not exist', () => {
    const map = shopMap();
    map.journey.steps![1]!.stageId = 'checkout';
    expect(issuesOf(() => parseMap(map))).toContainEqual(
      expect.objectContaining({ path: ['journey', 'steps', 1, 'stageId'], code: 'dangling_reference' }),
    );
  });

  it('names a curve or thought whose persona does not exist', () => {
    const map = shopMap();
    map.emotionCurves![1]!.personaId = 'ghost';
    map.thoughts![0]!.personaId = 'ghost';
    const paths = issuesOf(() => parseMap(map)).map((i) => i.path);
    expect(paths).toContainEqual(['emotionCurves', 1, 'personaId']);
    expect(paths).toContainEqual(['thoughts', 0, 'personaId']);
  });

  it('names duplicate ids and a second curve for one persona', () => {
    const map = shopMap();
    map.journey.steps![2]!.id = 'pay';
    map.emotionCurves![1]!.personaId = 'anna';
    const issues = issuesOf(() => parseMap(map));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['journey', 'steps', 2, 'id'], code: 'duplicate_id' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['emotionCurves', 1, 'personaId'], code: 'duplicate_id' }),
    );
  });

  it('rejects emotions off the −2…+2 scale with their path', () => {
    const map = shopMap();
    map.emotionCurves![0]!.points![1]!.emotion = 3;
    map.journey.steps![0]!.expectedEmotion = -2.5;
    const paths = issuesOf(() => parseMap(map)).map((i) => i.path);
    expect(paths).toContainEqual(['emotionCurves', 0, 'points', 1, 'emotion']);
    expect(paths).toContainEqual(['journey', 'steps', 0, 'expectedEmotion']);
  });

  it('checks measurements: n = 0 needs null, NPS range, window order', () => {
    const map = shopMap();
    map.measurements![0]!.n = 0;
    map.measurements![1]!.value = 140;
    map.measurements![1]!.window = { from: '2026-05-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
    const paths = issuesOf(() => parseMap(map)).map((i) => i.path);
    expect(paths).toContainEqual(['measurements', 0, 'value']);
    expect(paths).toContainEqual(['measurements', 1, 'value']);
    expect(paths).toContainEqual(['measurements', 1, 'window', 'to']);
  });

  it('accepts n = 0 with a null value', () => {
    const map = shopMap();
    map.measurements![0] = { ...map.measurements![0]!, n: 0, value: null };
    expect(parseMap(map).measurements[0]?.value).toBeNull();
  });
});

describe('parseMapJson', () => {
  it('reports malformed JSON with line and column', () => {
    // Line 3 is `  "journey": }`: the value should start at column 14, where `}` stands.
    const issues = issuesOf(() => parseMapJson('{\n  "formatVersion": 1,\n  "journey": }'));
    expect(issues[0]).toMatchObject({ line: 3, column: 14, code: 'invalid_json' });
    expect(issues[0]?.message).toContain('line 3, column 14');
  });

  it('reports an unterminated string at its opening quote', () => {
    expect(issuesOf(() => parseMapJson('{"a": "abc'))[0]).toMatchObject({ line: 1, column: 7 });
  });

  it('rejects duplicate keys instead of keeping the last', () => {
    const issues = issuesOf(() => parseMapJson('{"formatVersion": 1, "formatVersion": 1}'));
    expect(issues[0]).toMatchObject({ path: ['formatVersion'], line: 1, column: 22, code: 'invalid_json' });
  });

  it('locates validation issues in the text', () => {
    const map = shopMap();
    map.emotionCurves![0]!.points![1]!.emotion = 3;
    const text = serializeMap(shopMap()).replace('"emotion": -1', '"emotion": 3');
    const issue = issuesOf(() => parseMapJson(text)).find(
      (i) => i.path.join('/') === 'emotionCurves/0/points/1/emotion',
    );
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"emotion": 3')) + 1;
    expect(issue).toMatchObject({ line, column: lines[line - 1]!.indexOf('3') + 1 });
  });

  it('does not let __proto__ keys change prototypes', () => {
    const issues = issuesOf(() => parseMapJson('{"formatVersion": 1, "__proto__": {"x": 1}, "journey": 1}'));
    // zod reports the own key "__proto__" as unrecognized rather than reading it as the prototype.
    expect(issues.some((i) => i.code === 'unrecognized_keys' && i.message.includes('__proto__'))).toBe(true);
  });
});

describe('parseMapYaml', () => {
  it('reports YAML syntax errors with line and column', () => {
    const issues = issuesOf(() => parseMapYaml('formatVersion: 1\njourney:\n  id: [x\n'));
    expect(issues[0]?.code).toBe('invalid_yaml');
    expect(issues[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects duplicate keys', () => {
    expect(issuesOf(() => parseMapYaml('formatVersion: 1\nformatVersion: 1\n'))[0]?.code).toBe(
      'invalid_yaml',
    );
  });

  it('locates validation issues', () => {
    const text =
      'formatVersion: 1\njourney:\n  id: shop\n  name: Shop\n  version: 0\n  stages:\n    - id: use\n      labels: { en: Use }\n';
    expect(issuesOf(() => parseMapYaml(text))[0]).toMatchObject({
      path: ['journey', 'version'],
      line: 5,
      column: 12,
    });
  });
});
