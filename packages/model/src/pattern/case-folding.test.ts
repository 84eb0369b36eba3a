// The generated case-folding table against the running engine: for every code point whose case changes, the
// characters that `/c/ui` matches (RegExp, the independent reference) are exactly its class in the table. A failure
// after a Node upgrade means a new Unicode version: regenerate with packages/model/scripts/generate-case-folding.mjs.
import { describe, expect, it } from 'vitest';
import { closeOverCase } from './case-folding.js';
import { CASE_FOLDING_UNICODE_VERSION } from './case-folding-data.js';
import { MAX_CODE_POINT } from './char-set.js';

/** Code points whose lower- or upper-case form differs, and those forms: every candidate of a case class. */
function casedCodePoints(): number[] {
  const found = new Set<number>();
  for (let cp = 0; cp <= MAX_CODE_POINT; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    const lower = s.toLowerCase();
    const upper = s.toUpperCase();
    if (lower === s && upper === s) continue;
    found.add(cp);
    for (const other of [lower, upper]) {
      const c = other.codePointAt(0) as number;
      if (String.fromCodePoint(c) === other) found.add(c);
    }
  }
  return [...found].sort((a, b) => a - b);
}

const members = (set: readonly number[]): number[] => {
  const out: number[] = [];
  for (let i = 0; i < set.length; i += 2)
    for (let c = set[i] as number; c <= (set[i + 1] as number); c++) out.push(c);
  return out;
};

describe('case folding', () => {
  it(`matches RegExp /ui on every cased code point (Unicode ${CASE_FOLDING_UNICODE_VERSION})`, {
    timeout: 60_000,
  }, () => {
    const cased = casedCodePoints();
    const text = cased.map((c) => String.fromCodePoint(c)).join('');
    const differences: string[] = [];
    for (const cp of cased) {
      const engine = [...text.matchAll(new RegExp(`\\u{${cp.toString(16)}}`, 'giu'))].map((m) =>
        m[0].codePointAt(0),
      );
      const ours = members(closeOverCase([cp, cp]));
      if (engine.join() !== ours.join())
        differences.push(`U+${cp.toString(16)}: RegExp ${engine} table ${ours}`);
    }
    expect(differences).toEqual([]);
    expect(cased.length).toBeGreaterThan(2800);
  });

  it('puts case variants in one class, and leaves code points without case alone', () => {
    // Hand-checked classes (Unicode CaseFolding.txt, simple and common mappings).
    expect(members(closeOverCase([0x6b, 0x6b]))).toEqual([0x4b, 0x6b, 0x212a]); // k K and the Kelvin sign
    expect(members(closeOverCase([0x3c3, 0x3c3]))).toEqual([0x3a3, 0x3c2, 0x3c3]); // Σ ς σ
    expect(members(closeOverCase([0x131, 0x131]))).toEqual([0x131]); // dotless ı has no simple folding
    expect(members(closeOverCase([0x130, 0x130]))).toEqual([0x130]); // İ folds only fully (to i̇)
    expect(members(closeOverCase([0x17f, 0x17f]))).toEqual([0x53, 0x73, 0x17f]); // S s ſ
    expect(members(closeOverCase([0xdf, 0xdf]))).toEqual([0xdf, 0x1e9e]); // ß ẞ (not "ss": simple folding)
    expect(members(closeOverCase([0x1fd3, 0x1fd3]))).toEqual([0x390, 0x1fd3]); // ΐ in two encodings
    expect(closeOverCase([0x4e00, 0x4e00])).toEqual([0x4e00, 0x4e00]); // a CJK ideograph has no case
    expect(closeOverCase([0x10ffff, 0x10ffff])).toEqual([0x10ffff, 0x10ffff]);
  });

  it('closes a range over case with the variants outside it', () => {
    // [a-z] gains A-Z, ſ (U+017F) and the Kelvin sign (U+212A).
    expect(closeOverCase([0x61, 0x7a])).toEqual([0x41, 0x5a, 0x61, 0x7a, 0x17f, 0x17f, 0x212a, 0x212a]);
    expect(closeOverCase([0, MAX_CODE_POINT])).toEqual([0, MAX_CODE_POINT]);
  });
});
