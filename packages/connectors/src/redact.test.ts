import { describe, expect, it } from 'vitest';
import { Redactor } from './redact.js';

describe('Redactor', () => {
  it('blanks registered secrets, their base64 and url-encoded forms', () => {
    const r = new Redactor(['p@ss word!']);
    const b64 = Buffer.from('p@ss word!').toString('base64');
    expect(r.redact(`x p@ss word! ${b64} ${encodeURIComponent('p@ss word!')}`)).toBe(
      'x [REDACTED] [REDACTED] [REDACTED]',
    );
  });
  it('blanks secret-looking query parameters and auth headers even when not registered', () => {
    const r = new Redactor();
    expect(r.redact('https://h/x?api_key=abc123&page=2')).toBe('https://h/x?api_key=[REDACTED]&page=2');
    expect(r.redact('Authorization: Bearer eyJhbGciOi.xyz')).toBe('Authorization: Bearer [REDACTED]');
  });
  it('redacts nested values and ignores very short secrets', () => {
    const r = new Redactor(['abc', 'tok-12345']);
    expect(r.redactValue({ a: ['tok-12345', 1], abc: null })).toEqual({ a: ['[REDACTED]', 1], abc: null });
  });
});
