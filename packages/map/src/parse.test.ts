import { describe, expect, it } from 'vitest';
import { fullMap } from './__fixtures__/full.js';
import { errorOf, issuesOf } from './__fixtures__/issues.js';
import { shopMap } from './__fixtures__/shop.js';
import { parseMap, parseMapJson, parseMapYaml } from './parse.js';
import { serializeMap } from './serialize.js';

describe('parseMap', () => {
  it('accepts a complete map and fills defaults', () => {
    const map = parseMap(shopMap());
    expect(map.journey.touchpoints[0]?.visibility).toBe('frontstage');
    expect(map.lanes.map((l) => l.kind)).toContain('kpis');
    expect(map.measurements[1]?.confidenceInterval?.level).toBe(0.95);
  });

  it('rejects an unknown format version at /formatVersion', () => {
    const issues = issuesOf(() => parseMap({ ...shopMap(), formatVersion: 7 }));
    expect(issues[0]).toMatchObject({ path: ['formatVersion'], code: 'unknown_format_version' });
    expect(issues[0]?.message).toContain('Unknown format version 7');
    expect(issues[0]?.message).toContain('reads format versions 0 to 2');
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
    expect(
      (errorOf(() => parseMapJson('{\n  "formatVersion": 1,\n  "journey": }')) as Error).message,
    ).toContain('3:14');
  });

  it('reports an unterminated string at its opening quote', () => {
    expect(issuesOf(() => parseMapJson('{"a": "abc'))[0]).toMatchObject({ line: 1, column: 7 });
  });

  it('rejects duplicate keys instead of keeping the last', () => {
    const issues = issuesOf(() => parseMapJson('{"formatVersion": 2, "formatVersion": 2}'));
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

  it('rejects __proto__ keys anywhere, with their place, instead of changing a prototype or dropping them', () => {
    const issues = issuesOf(() => parseMapJson('{"formatVersion": 2, "__proto__": {"x": 1}, "journey": 1}'));
    expect(issues[0]).toMatchObject({ path: ['__proto__'], code: 'unexpected_key', line: 1, column: 35 });
    // In free-form records zod would drop the key silently; the reader refuses it (JSON, YAML and data alike).
    const text = serializeMap(shopMap()).replace(
      '"pl": "Rozważanie"',
      '"pl": "Rozważanie", "__proto__": "x"',
    );
    expect(issuesOf(() => parseMapJson(text))[0]).toMatchObject({
      path: ['journey', 'stages', 0, 'labels', '__proto__'],
      code: 'unexpected_key',
    });
    const data = JSON.parse(serializeMap(shopMap()));
    data.personas[0].demographics = JSON.parse('{"age": {"__proto__": {"polluted": true}}}');
    expect(issuesOf(() => parseMap(data))[0]).toMatchObject({
      path: ['personas', 0, 'demographics', 'age', '__proto__'],
      code: 'unexpected_key',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseMapYaml', () => {
  it('reports YAML syntax errors with line and column', () => {
    const issues = issuesOf(() => parseMapYaml('formatVersion: 2\njourney:\n  id: [x\n'));
    expect(issues[0]?.code).toBe('invalid_yaml');
    expect(issues[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects duplicate keys', () => {
    expect(issuesOf(() => parseMapYaml('formatVersion: 2\nformatVersion: 2\n'))[0]?.code).toBe(
      'invalid_yaml',
    );
  });

  it('locates validation issues', () => {
    const text =
      'formatVersion: 2\njourney:\n  id: shop\n  name: Shop\n  version: 0\n  stages:\n    - id: use\n      labels: { en: Use }\n';
    expect(issuesOf(() => parseMapYaml(text))[0]).toMatchObject({
      path: ['journey', 'version'],
      line: 5,
      column: 12,
    });
  });
});

describe('format 2 rules', () => {
  it('accepts every concept of format 2', () => {
    const map = parseMap(fullMap());
    expect(map.journey.stages[0]?.expectations).toEqual(['Honest size advice', 'Shipping cost shown early']);
    expect(map.journey.painPoints[0]).toMatchObject({
      frequency: 'frequent',
      businessImpact: 'high',
      stepId: 'pay',
    });
    expect(map.blueprint.map((b) => b.layer)).toContain('support');
    expect(map.kpis[1]?.definition).toEqual({ kind: 'nps', scope: { stageId: 'use' } });
  });

  it('names a step of another stage, and a to-be element pointing at an as-is one', () => {
    const map = fullMap();
    map.journey.painPoints![1]!.stepId = 'pay'; // pp2 is in consideration, pay in purchase
    map.thoughts![1]!.scenario = 'to-be'; // t2 is at "call", an as-is step
    const issues = issuesOf(() => parseMap(map));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['journey', 'painPoints', 1, 'stepId'], code: 'incompatible' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['thoughts', 1, 'stepId'], code: 'incompatible' }),
    );
  });

  it('allows one curve per persona and scenario, not two', () => {
    const map = fullMap();
    map.emotionCurves![3]!.scenario = 'as-is';
    expect(issuesOf(() => parseMap(map))).toContainEqual(
      expect.objectContaining({ path: ['emotionCurves', 3, 'personaId'], code: 'duplicate_id' }),
    );
  });

  it('checks metric definitions: references, stage order, metric kind', () => {
    const map = fullMap();
    map.kpis![1]!.definition = { kind: 'drop-off', fromStageId: 'use', toStageId: 'purchase' };
    map.kpis![2]!.definition = { kind: 'conversion', desiredActionId: 'ghost' };
    const issues = issuesOf(() => parseMap(map));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['kpis', 1, 'metric'], code: 'incompatible' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['kpis', 1, 'definition', 'toStageId'], code: 'invalid_value' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: ['kpis', 2, 'definition', 'desiredActionId'],
        code: 'dangling_reference',
      }),
    );
  });

  it('accepts only http(s) URLs, everywhere', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'http://ä.example/',
      'https://x.example/%zz',
      ' https://x.example/',
      'https://x.example:99999/',
      'https://user@x.example/',
      'ftp://x.example/',
    ]) {
      const map = fullMap();
      map.journey.painPoints![0]!.evidence![0]!.url = url;
      map.personas![0]!.imageUrl = url;
      const paths = issuesOf(() => parseMap(map)).map((i) => i.path.join('/'));
      expect(paths, url).toEqual(['journey/painPoints/0/evidence/0/url', 'personas/0/imageUrl']);
    }
    const map = fullMap();
    map.personas![0]!.imageUrl = 'HTTPS://xn--4ca.example:8080/a/b.png?size=2#top';
    expect(parseMap(map).personas[0]?.imageUrl).toBe('HTTPS://xn--4ca.example:8080/a/b.png?size=2#top');
  });

  it('orders measurement windows by time, not by text (".5Z" is after "Z")', () => {
    const map = shopMap();
    map.measurements![0]!.window = { from: '2026-01-01T00:00:00.5Z', to: '2026-01-01T00:00:00Z' };
    expect(issuesOf(() => parseMap(map))[0]).toMatchObject({ path: ['measurements', 0, 'window', 'to'] });
    map.measurements![0]!.window = { from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00.5Z' };
    expect(parseMap(map).measurements).toHaveLength(2);
  });

  it('rejects a v3 document by name, not by guessing', () => {
    const issues = issuesOf(() =>
      parseMapJson(serializeMap(shopMap()).replace('"formatVersion": 2', '"formatVersion": 3')),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['formatVersion'],
        code: 'unknown_format_version',
        line: 2,
        column: 20,
      }),
    ]);
    expect(issues[0]?.message).toContain('Unknown format version 3');
  });
});
