import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './score.js';

// One test per error class of issue 17, with texts written for these tests (none is taken from the
// evaluation corpus). Each case says what the old scorer did wrong.
const label = (text: string, language: 'en' | 'pl', names?: readonly string[]) =>
  analyzeSentiment(text, names === undefined ? { language } : { language, names }).label;

describe('plain-fact complaints (event lexicon)', () => {
  it.each([
    ['The box sat on the porch in the rain and the books inside are soaked.', 'en'],
    ['My delivery was rescheduled three times this week.', 'en'],
    ['I was charged twice for one order.', 'en'],
    ['The handle snapped off the first time I used the pan.', 'en'],
    ['Still waiting for the refund you promised in May.', 'en'],
    ['Nobody called back although I was promised a call within an hour.', 'en'],
    ['Karton stał pod drzwiami w deszczu i wszystko przemokło.', 'pl'],
    ['Termin dostawy przesunięto już drugi raz.', 'pl'],
    ['Pobrali pieniądze dwa razy za jedno zamówienie.', 'pl'],
    ['Pieniądze za zwrot nadal nie wpłynęły na konto.', 'pl'],
    ['Sweter zmechacił się po pierwszym praniu.', 'pl'],
    ['Zgłoszenie wisi od dwóch tygodni bez odpowiedzi.', 'pl'],
  ] as const)('%s → negative', (text, language) => {
    expect(label(text, language)).toBe('negative');
  });
  it.each([
    ['The parcel came a day earlier than promised and arrived intact.', 'en'],
    ['Refund arrived within two days, no questions asked.', 'en'],
    ['Paczka dotarła następnego dnia, w idealnym stanie.', 'pl'],
    ['Zwrot bez problemu, pieniądze wróciły po dwóch dniach.', 'pl'],
  ] as const)('positive events: %s → positive', (text, language) => {
    expect(label(text, language)).toBe('positive');
  });
});

describe('sarcasm cues', () => {
  it.each([
    ['Great job, the lamp stopped working after a week 👏', 'en'],
    ['Wonderful, my order got lost again 🙃', 'en'],
    ['Thanks for nothing.', 'en'],
    ['So the "fast" shipping took twelve days.', 'en'],
    ['Brawo, kurier znowu zgubił paczkę 👏👏', 'pl'],
    ['Super, trzeci raz ta sama usterka 🙄', 'pl'],
    ['Dzięki za nic.', 'pl'],
    ['„Ekspresowa” dostawa trwała dwa tygodnie.', 'pl'],
  ] as const)('%s → negative', (text, language) => {
    expect(label(text, language)).toBe('negative');
  });
  it('keeps sincere praise after a solved problem', () => {
    expect(label('The blender was faulty, they replaced it in two days, well done.', 'en')).toBe('positive');
    expect(label('Kurtka była uszkodzona, wymienili ją od ręki, brawo!', 'pl')).toBe('positive');
    expect(label('Great service 👏', 'en')).toBe('positive');
  });
});

describe('negation scope', () => {
  it.each([
    ['Nie był to w gruncie rzeczy sklep godny polecenia.', 'pl'],
    ['Nie sądzę, żeby ta aplikacja była wygodna.', 'pl'],
    ['Nikt z obsługi nie był w stanie mi pomóc.', 'pl'],
    ['Raczej bym nie polecił tego sprzedawcy.', 'pl'],
    ["I don't think this brand is any good anymore.", 'en'],
    ['Nobody on the phone was able to help me.', 'en'],
    ['Zero help from the support team.', 'en'],
    ['Zero pomocy ze strony sklepu.', 'pl'],
  ] as const)('%s → negative', (text, language) => {
    expect(label(text, language)).toBe('negative');
  });
  it('ends the negation at the clause: the next clause keeps its own sentiment', () => {
    expect(label('Nie miałem żadnych problemów, obsługa bardzo miła.', 'pl')).toBe('positive');
    expect(label('No issues at all, and the staff were lovely.', 'en')).toBe('positive');
  });
  it('reads a negation inside an indirect question as no negation', () => {
    const r = analyzeSentiment('Nie wiem, czy paczka nie zaginęła.', { language: 'pl' });
    expect(r.hits.every((h) => h.weight <= 0)).toBe(true);
  });
});

describe('contrast', () => {
  it.each([
    ['Soft fabric and quick shipping, but the seam split on the first day.', 'en'],
    ['Nice packaging, but the cable inside was the wrong type.', 'en'],
    ['Ładne opakowanie, ale w środku inny model niż zamówiłam.', 'pl'],
    ['Obsługa miła, jednak zamówienie wciąż nie wyszło z magazynu.', 'pl'],
  ] as const)('%s → negative', (text, language) => {
    expect(label(text, language)).toBe('negative');
  });
  it('weighs the concessive clause less: the main clause decides', () => {
    expect(label('Although the courier was late, the sofa is beautiful and comfortable.', 'en')).toBe(
      'positive',
    );
    expect(label('Mimo opóźnienia jestem bardzo zadowolona z zakupu.', 'pl')).toBe('positive');
  });
});

describe('missing words and false hits', () => {
  it.each([
    ['Top-notch gear, stellar support.', 'en'],
    ['The comfiest boots I have ever owned, superb.', 'en'],
    ['Petarda, najlepszy sklep z herbatą!', 'pl'],
    ['Rewelka, przeszło moje oczekiwania.', 'pl'],
  ] as const)('praise words and superlatives: %s → positive', (text, language) => {
    expect(label(text, language)).toBe('positive');
  });
  it('reads Polish typed without diacritics', () => {
    expect(label('Swietna obsluga, bardzo szybka dostawa, polecam!', 'pl')).toBe('positive');
    expect(label('Najgorszy sklep, zle zapakowane i spozniona paczka.', 'pl')).toBe('negative');
    expect(label('Nie dzialala od poczatku, zwrot zaakceptowany po tygodniu klotni.', 'pl')).toBe('negative');
  });
  it('never matches a sentiment stem inside a name or a @handle', () => {
    expect(analyzeSentiment('Zamówiłem przez @dobrysklep_pl wczoraj.', { language: 'pl' }).hits).toEqual([]);
    expect(analyzeSentiment('Paczkę odebrał pan Dobromir z recepcji.', { language: 'pl' }).hits).toEqual([]);
    expect(
      analyzeSentiment('Ordered from GoodBuyStore via www.great-deals.example', { language: 'en' }).hits,
    ).toEqual([]);
    expect(label('Kupione w Super Tanio Market w piątek.', 'pl', ['Super Tanio Market'])).toBe('neutral');
  });
  it('reads greetings and closing formulas as neither praise nor blame', () => {
    expect(label('Dzień dobry, chciałbym zmienić adres dostawy.', 'pl')).toBe('neutral');
    expect(label('Dzien dobry, pytanie o fakturę. Pozdrawiam', 'pl')).toBe('neutral');
    expect(label('Good morning, I would like to change my delivery address. Kind regards', 'en')).toBe(
      'neutral',
    );
  });
  it('reads questions about quality as questions, not opinions', () => {
    expect(label('Is the large size worth it?', 'en')).toBe('neutral');
    expect(label('Czy ten odkurzacz jest dobry do sierści?', 'pl')).toBe('neutral');
    expect(label('Czy ta kurtka jest ciepła i wygodna', 'pl')).toBe('neutral');
    // Complaint questions stay complaints.
    expect(label('Why is my parcel still late?', 'en')).toBe('negative');
  });
  it('drops courtesy from a complaint but keeps real gratitude', () => {
    expect(label('The order never arrived. Please check, thanks.', 'en')).toBe('negative');
    expect(label('Thanks for the quick help!', 'en')).toBe('positive');
  });
});
