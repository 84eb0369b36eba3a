import { describe, expect, it } from 'vitest';
import { analyzeAspects } from '../aspects/analyze.js';
import { analyzeSentiment } from './score.js';

// The error classes of issue 17, one block each, on texts written for this test (none is in the evaluation
// corpus), for the default hybrid model. Where the rules model alone gets a text wrong, the comment says so.
const label = (text: string, language: 'en' | 'pl') => analyzeSentiment(text, { language }).label;
const rules = (text: string, language: 'en' | 'pl') =>
  analyzeSentiment(text, { language, model: 'rules' }).label;

describe('the default (hybrid) model on each error class', () => {
  it('plain-fact complaints (no sentiment word)', () => {
    expect(
      label('The wardrobe doors arrived with a crack down the middle and two screws missing.', 'en'),
    ).toBe('negative');
    expect(label("My top-up went through on Friday and the credit still isn't on the account.", 'en')).toBe(
      'negative',
    );
    expect(label('Kanapa przyjechała z rozdartym obiciem, a w paczce brakowało nóżek.', 'pl')).toBe(
      'negative',
    );
    expect(label('Przelew wysłany w piątek, a w aplikacji nadal status oczekujący.', 'pl')).toBe('negative');
    expect(label('Zamowienie zgubione, zwrotu pieniedzy brak od trzech tygodni.', 'pl')).toBe('negative');
  });
  it('sarcasm: praise words, applause emoji, ironic thanks around a failure', () => {
    expect(label('Wonderful, the new update logged me out three times before lunch 👏', 'en')).toBe(
      'negative',
    );
    expect(label('Thanks for nothing, the ticket was closed without a word.', 'en')).toBe('negative');
    expect(label('Brawo, trzeci raz ta sama awaria w tym miesiącu 👏', 'pl')).toBe('negative');
    expect(label('Dziękuję za nic, zgłoszenie zamknięte bez odpowiedzi.', 'pl')).toBe('negative');
  });
  it('negation over the whole sentence and negated helpers', () => {
    expect(label("I don't think anyone in that call centre has read my emails.", 'en')).toBe('negative');
    expect(label('Nobody at the branch was able to help with the transfer.', 'en')).toBe('negative');
    expect(label('Nie sądzę, żeby ktoś tam w ogóle czytał moje maile.', 'pl')).toBe('negative');
    expect(label('Nikt w oddziale nie potrafił mi pomóc z przelewem.', 'pl')).toBe('negative');
  });
  it('conditional forms', () => {
    expect(label("I wouldn't recommend this airline to anyone.", 'en')).toBe('negative');
    expect(label('Raczej nie poleciłabym tego hotelu znajomym.', 'pl')).toBe('negative');
  });
  it('contrast: the clause after but / ale decides, in both directions', () => {
    expect(label('The strap looks stylish, but it snapped after a week.', 'en')).toBe('negative');
    expect(label('The first charger died in a week, but the replacement has been flawless.', 'en')).toBe(
      'positive',
    );
    expect(label('Pasek wygląda ładnie, ale pękł po tygodniu.', 'pl')).toBe('negative');
    expect(label('Pierwsza ładowarka padła po tygodniu, ale nowa działa bez zarzutu.', 'pl')).toBe(
      'positive',
    );
  });
  it('questions and greetings that contain sentiment words are neutral', () => {
    expect(label('Is the premium plan worth it for a family of four?', 'en')).toBe('neutral');
    expect(label('Good morning, could you tell me when the store opens on Sunday?', 'en')).toBe('neutral');
    expect(label('Czy pakiet premium opłaca się dla czteroosobowej rodziny?', 'pl')).toBe('neutral');
    expect(label('Dzień dobry, o której otwieracie sklep w niedzielę?', 'pl')).toBe('neutral');
  });
  it('superlatives and comparatives', () => {
    expect(label("The best pizza I've had outside Naples.", 'en')).toBe('positive');
    expect(label('Much faster than my old router, and cheaper too.', 'en')).toBe('positive');
    expect(label('Worse than the previous version, everything takes twice as many taps.', 'en')).toBe(
      'negative',
    );
    expect(label('Najlepsza pizza, jaką jadłem poza Włochami.', 'pl')).toBe('positive');
    expect(label('Dużo szybszy niż mój stary router, i tańszy.', 'pl')).toBe('positive');
    expect(label('Gorsza niż poprzednia wersja, wszystko wymaga dwa razy więcej kliknięć.', 'pl')).toBe(
      'negative',
    );
  });
  it('reads what the rules model misses: facts, distant negation, comparatives', () => {
    // The rules model alone: the top-up is positive ("went through"), the Polish transfer and "Nie sądzę,
    // żeby…" neutral; the hybrid model reads them from the words the corpus taught it.
    expect(rules("My top-up went through on Friday and the credit still isn't on the account.", 'en')).toBe(
      'positive',
    );
    expect(rules('Nie sądzę, żeby ktoś tam w ogóle czytał moje maile.', 'pl')).toBe('neutral');
    expect(rules('Dużo szybszy niż mój stary router, i tańszy.', 'pl')).toBe('neutral');
  });
  it('gives a topic with no sentiment words of its own the stance of the text', () => {
    // One topic, a plain-fact complaint: the delivery is negative though no word in the text is.
    const one = analyzeAspects('The courier left the parcel on the doorstep in the rain.', {
      language: 'en',
    });
    expect(one.aspects.map((a) => [a.topic, a.label])).toEqual([['delivery', 'negative']]);
    // Two topics with their own words keep their own labels (contrast).
    const two = analyzeAspects('Nice fabric, but the courier was two days late.', { language: 'en' });
    expect(two.aspects.map((a) => [a.topic, a.label])).toEqual([
      ['product_quality', 'positive'],
      ['delivery', 'negative'],
    ]);
  });
});
