import { describe, expect, it } from 'vitest';
import { stemWord } from './stem.js';

describe('stemWord', () => {
  it('conflates Polish case forms', () => {
    for (const w of ['kurier', 'kuriera', 'kurierem', 'kurierowi']) expect(stemWord(w, 'pl')).toBe('kurier');
    for (const w of ['dostawa', 'dostawy', 'dostawie', 'dostawę', 'dostawach'])
      expect(stemWord(w, 'pl')).toBe('dostaw');
    for (const w of ['aplikacja', 'aplikacji', 'aplikację']) expect(stemWord(w, 'pl')).toBe('aplikacj');
  });
  it('never leaves fewer than four letters in Polish', () => {
    expect(stemWord('zła', 'pl')).toBe('zła');
    expect(stemWord('cena', 'pl')).toBe('cena');
    expect(stemWord('ceny', 'pl')).toBe('ceny');
  });
  it('strips English plurals only', () => {
    expect(stemWord('deliveries', 'en')).toBe('delivery');
    expect(stemWord('boxes', 'en')).toBe('box');
    expect(stemWord('refunds', 'en')).toBe('refund');
    expect(stemWord('address', 'en')).toBe('address');
    expect(stemWord('status', 'en')).toBe('status');
    expect(stemWord("don't", 'en')).toBe("don't");
  });
  it('leaves unknown-language words alone', () => {
    expect(stemWord('paczkami', 'unknown')).toBe('paczkami');
  });
});
