import { CxLimitError, CxOptionsError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { errorOf, issuesOf } from '../__fixtures__/issues.js';
import { shopMap } from '../__fixtures__/shop.js';
import { parseMap, parseMapJson, parseMapYaml } from '../parse.js';
import { serializeMap, serializeMapYaml } from '../serialize.js';

function limitOf(fn: () => unknown): CxLimitError {
  const error = errorOf(fn);
  expect(error).toBeInstanceOf(CxLimitError);
  return error as CxLimitError;
}

describe('JSON reader', () => {
  it('stops deep nesting at maxDepth with a typed error naming the place (no RangeError, no quadratic time)', () => {
    // The v1 reader recursed: 8,000 levels threw RangeError after 2.5 s.
    const error = limitOf(() => parseMapJson(`${'['.repeat(8000)}${']'.repeat(8000)}`));
    expect(error).toMatchObject({ code: 'too_deep', limit: 64, actual: 65 });
    expect(error.path).toHaveLength(64);
    expect(error.message).toMatch(
      /^JourneyMap: nesting 65 levels deep at line 1, column 65 exceeds limits\.maxDepth \(limit 64, at \/0\/0/,
    );
    expect(limitOf(() => parseMapJson('{"a":'.repeat(100_000))).code).toBe('too_deep');
    // A document exactly at the limit is read (and then rejected by the schema, not by the reader).
    expect(issuesOf(() => parseMapJson(`${'['.repeat(64)}${']'.repeat(64)}`))[0]?.code).toBe('invalid_type');
  });

  it('takes limits as options, checked like any option', () => {
    expect(limitOf(() => parseMapJson('[[[]]]', { limits: { maxDepth: 2 } })).limit).toBe(2);
    const text = serializeMap(shopMap());
    expect(limitOf(() => parseMapJson(text, { limits: { maxLength: 100 } }))).toMatchObject({
      code: 'too_long',
      actual: text.length,
    });
    expect(limitOf(() => parseMapJson(text, { limits: { maxNodes: 50 } }))).toMatchObject({
      code: 'too_large',
    });
    const optionIssues = (fn: () => unknown) => {
      const error = errorOf(fn);
      expect(error).toBeInstanceOf(CxOptionsError);
      return (error as CxOptionsError).issues;
    };
    expect(optionIssues(() => parseMapJson(text, { limits: { maxDepht: 3 } } as never))[0]).toMatchObject({
      path: ['limits', 'maxDepht'],
      code: 'unknown_option',
      suggestion: 'maxDepth',
    });
    expect(optionIssues(() => parseMapJson(text, null as never))[0]?.code).toBe('invalid_type');
    expect(optionIssues(() => parseMapJson(text, { limits: { maxDepth: -1 } }))[0]).toMatchObject({
      path: ['limits', 'maxDepth'],
      code: 'out_of_range',
    });
  });

  it('reads numbers, escapes and a byte-order mark as RFC 8259 says, and rejects what it forbids', () => {
    expect(issuesOf(() => parseMapJson('{"a": 01}'))[0]?.message).toContain("Expected ',' or '}'");
    expect(issuesOf(() => parseMapJson('{"a": 1e999}'))[0]?.message).toContain(
      'outside the range of a double',
    );
    expect(issuesOf(() => parseMapJson('{"a": "\\x"}'))[0]?.message).toContain('Invalid escape');
    expect(issuesOf(() => parseMapJson('{"a": "\t"}'))[0]?.message).toContain('Unescaped control character');
    expect(issuesOf(() => parseMapJson('\uFEFF[1, 2] x'))[0]).toMatchObject({ line: 1, column: 9 });
    const text = serializeMap(shopMap()).replace(
      '"Online shoe shop"',
      '"Online \\u0073hoe\\/shop \\ud83d\\ude00"',
    );
    expect(parseMapJson(text).journey.name).toBe('Online shoe/shop 😀');
  });
});

describe('YAML reader', () => {
  it('refuses "billion laughs" at maxAliases before expanding anything', () => {
    let lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lol += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const error = limitOf(() => parseMapYaml(lol));
    expect(error).toMatchObject({ code: 'too_many_items', limit: 100 });
  });

  it('refuses deep nesting at maxDepth, flow and block style alike, without a stack overflow', () => {
    const flow = limitOf(() => parseMapYaml(`${'['.repeat(20_000)}${']'.repeat(20_000)}`));
    expect(flow).toMatchObject({ code: 'too_deep', limit: 64 });
    expect(flow.message).toContain('at line 1, column 65');
    expect(limitOf(() => parseMapYaml('{a: '.repeat(5000) + '1' + '}'.repeat(5000))).code).toBe('too_deep');
    const block = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}- `).join('\n') + 'x';
    expect(limitOf(() => parseMapYaml(block)).code).toBe('too_deep');
  });

  it('reports errors the yaml package only warns about: unknown tags, non-string keys, several documents', () => {
    expect(issuesOf(() => parseMapYaml('formatVersion: !foo 2\n'))[0]).toMatchObject({
      code: 'invalid_yaml',
      line: 1,
    });
    expect(issuesOf(() => parseMapYaml('? [a, b]\n: 1\n'))[0]?.message).toContain('Expected a string key');
    expect(issuesOf(() => parseMapYaml('1: x\n'))[0]?.message).toContain('Expected a string key');
    expect(issuesOf(() => parseMapYaml('a: 1\n---\nb: 2\n'))[0]).toMatchObject({ line: 2 });
    expect(issuesOf(() => parseMapYaml('x: !!binary aGVsbG8=\n'))[0]?.code).toBe('invalid_yaml');
  });

  it('rejects __proto__ keys as the JSON reader does', () => {
    const text = serializeMapYaml(shopMap()).replace(
      '        pl: Rozważanie\n',
      '        pl: Rozważanie\n        __proto__: x\n',
    );
    expect(issuesOf(() => parseMapYaml(text))[0]).toMatchObject({
      path: ['journey', 'stages', 0, 'labels', '__proto__'],
      code: 'unexpected_key',
    });
  });

  it('rejects a cycle made with an alias', () => {
    expect(issuesOf(() => parseMapYaml('a: &x [1, *x]\n'))[0]).toMatchObject({
      code: 'cyclic_value',
      path: ['a', 1],
    });
  });
});

describe('document data', () => {
  it('rejects a cyclic object and bounds shared references (no exponential walk)', () => {
    const map = shopMap() as Record<string, unknown>;
    map.self = map;
    expect(issuesOf(() => parseMap(map))[0]).toMatchObject({ code: 'cyclic_value', path: ['self'] });
    let shared: unknown = [1];
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    expect(
      limitOf(() => parseMap({ formatVersion: 2, x: shared }, { limits: { maxNodes: 10_000 } })).code,
    ).toBe('too_large');
  });

  it('bounds deep demographics before zod sees them (zod.json() recursion overflowed)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const map = shopMap();
    map.personas![0]!.demographics = { deep } as never;
    expect(limitOf(() => parseMap(map))).toMatchObject({ code: 'too_deep', limit: 64 });
  });
});
