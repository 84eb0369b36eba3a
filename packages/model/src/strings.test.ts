// One string grammar for the parser and the published JSON Schema: lengths in code points (JSON Schema's maxLength
// counts code points, zod's .max() counted UTF-16 units, so an id of 200 emoji — 400 units — was refused by the
// parser and accepted by the schema), and URLs http(s) only (z.url() accepted javascript: and data: URLs).
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedbackSchema } from './feedback.js';
import { idSchema } from './json.js';
import { modelJsonSchema } from './json-schema.js';
import { personaSchema } from './persona.js';
import { boundedString, codePointLength, HTTP_URL_PATTERN, httpUrlString } from './strings.js';

describe('codePointLength', () => {
  it('counts a surrogate pair once and a lone surrogate once', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀😀')).toBe(2); // 4 UTF-16 units
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('a\ude00b')).toBe(3);
  });

  it('equals the length of the string as an array of code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => codePointLength(s) === [...s].length));
  });
});

describe('ids: the parser and the JSON Schema agree on length', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const schema = modelJsonSchema('Feedback');
  const validate = ajv.compile(schema);
  const feedback = (id: string) => ({
    id,
    text: 'ok',
    source: 'survey',
    createdAt: '2026-03-01T10:00:00Z',
  });

  it.each([
    ['256 emoji (512 UTF-16 units)', '😀'.repeat(256), true],
    ['257 emoji', '😀'.repeat(257), false],
    ['256 ASCII characters', 'a'.repeat(256), true],
    ['257 ASCII characters', 'a'.repeat(257), false],
  ])('%s: parser and schema both say %s', (_, id, ok) => {
    expect(idSchema.safeParse(id).success).toBe(ok);
    expect(feedbackSchema.safeParse(feedback(id)).success).toBe(ok);
    expect(validate(feedback(id))).toBe(ok);
  });
});

describe('URLs: http(s) only, in the parser and the JSON Schema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(modelJsonSchema('Feedback'));
  const withUrl = (url: string) => ({
    id: 'f1',
    text: 'ok',
    source: 'review',
    url,
    createdAt: '2026-03-01T10:00:00Z',
  });

  it.each([
    ['https://shop.example/p/1?x=2#top', true],
    ['HTTP://shop.example:8080/', true],
    ['https://xn--bcher-kva.example/', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['file:///etc/passwd', false],
    ['https://user:pw@shop.example/', false],
    ['https://shop.example/a b', false],
    ['https://shop.example:65536/', false],
    ['', false],
  ])('%s → %s', (url, ok) => {
    expect(HTTP_URL_PATTERN.test(url)).toBe(ok);
    expect(httpUrlString().safeParse(url).success).toBe(ok);
    expect(feedbackSchema.safeParse(withUrl(url)).success).toBe(ok);
    expect(validate(withUrl(url))).toBe(ok);
  });

  it('applies to persona image and evidence URLs', () => {
    const persona = { id: 'p', name: 'Anna', imageUrl: 'javascript:alert(1)' };
    expect(personaSchema.safeParse(persona).success).toBe(false);
    expect(personaSchema.safeParse({ ...persona, imageUrl: 'https://cdn.example/anna.png' }).success).toBe(
      true,
    );
  });

  it('bounds a URL at 2,000 code points', () => {
    const url = `https://shop.example/${'a'.repeat(2000 - 21)}`;
    expect(codePointLength(url)).toBe(2000);
    expect(httpUrlString().safeParse(url).success).toBe(true);
    expect(httpUrlString().safeParse(`${url}b`).success).toBe(false);
  });
});

describe('boundedString', () => {
  it('rejects the empty string and checks the pattern', () => {
    const code = boundedString(3, { pattern: /^[A-Z😀]+$/u, message: 'Expected capitals' });
    expect(code.safeParse('').success).toBe(false);
    expect(code.safeParse('AB😀').success).toBe(true);
    expect(code.safeParse('ab').error?.issues[0]?.message).toBe('Expected capitals');
  });
});
