import type { Rng } from './prng.js';

/** What a comment is mainly about. */
export type Aspect = 'delivery' | 'payment' | 'product' | 'support' | 'price' | 'app' | 'store';
export type Sentiment = 'negative' | 'neutral' | 'positive';
export type Language = 'pl' | 'en';

type Clauses = Readonly<Record<Aspect, readonly string[]>>;

export const POSITIVE: Readonly<Record<Language, Clauses>> = {
  pl: {
    delivery: [
      'paczka przyszła następnego dnia',
      'dostawa była szybka i bez problemów',
      'kurier był punktualny',
    ],
    payment: ['płatność BLIK przeszła od razu', 'zapłaciłam w kilka sekund', 'faktura przyszła od razu'],
    product: ['kawa jest świeża i pachnąca', 'herbata smakuje wyśmienicie', 'młynek działa świetnie'],
    support: [
      'konsultantka rozwiązała problem w 5 minut',
      'obsługa na czacie była bardzo miła',
      'pan z infolinii wszystko wyjaśnił',
    ],
    price: [
      'ceny są uczciwe',
      'rabat dla stałych klientów to miły gest',
      'darmowa dostawa od 149 zł się opłaca',
    ],
    app: [
      'aplikacja jest wygodna',
      '„Kup ponownie” oszczędza mi mnóstwo czasu',
      'w aplikacji wszystko jest przejrzyste',
    ],
    store: [
      'w sklepie doradzili mi idealny ekspres',
      'baristka w sklepie zna się na rzeczy',
      'w sklepie można wszystkiego spróbować',
    ],
  },
  en: {
    delivery: [
      'the parcel arrived the next day',
      'delivery was quick and painless',
      'the courier was right on time',
    ],
    payment: ['payment went through instantly', 'checkout took seconds', 'the invoice arrived straight away'],
    product: ['the coffee is fresh and aromatic', 'the tea tastes wonderful', 'the grinder works great'],
    support: [
      'support solved my issue in five minutes',
      'the chat agent was really friendly',
      'the hotline explained everything',
    ],
    price: [
      'prices are fair',
      'the loyalty discount is a nice touch',
      'free shipping over 149 PLN is worth it',
    ],
    app: ['the app is easy to use', '"Buy again" saves me a lot of time', 'everything in the app is clear'],
    store: [
      'the store staff found me the perfect machine',
      'the barista in the store really knows coffee',
      'you can taste everything in the store',
    ],
  },
};

export const NEGATIVE: Readonly<Record<Language, Clauses>> = {
  pl: {
    delivery: [
      'paczka spóźniła się o cztery dni',
      'kurier nie przyjechał w umówionym terminie',
      'przesyłka utknęła w sortowni na tydzień',
    ],
    payment: [
      'płatność kartą nie przeszła trzy razy',
      'BLIK odrzucony, a pieniądze zablokowane',
      'przy płatności wyskoczył błąd',
    ],
    product: ['kawa była zwietrzała', 'opakowanie przyszło rozerwane', 'młynek zepsuł się po tygodniu'],
    support: [
      'na infolinii czekałem 20 minut',
      'nikt nie odpowiedział na mojego maila',
      'musiałam dzwonić trzy razy w tej samej sprawie',
    ],
    price: [
      'koszt dostawy pojawił się dopiero na końcu',
      'za drogo w porównaniu z konkurencją',
      'kod rabatowy nie zadziałał',
    ],
    app: [
      'aplikacja się zawiesza przy płatności',
      'wyszukiwarka nic nie znajduje',
      'aplikacja wylogowuje mnie co chwilę',
    ],
    store: [
      'w sklepie była długa kolejka',
      'w sklepie zabrakło mojej kawy',
      'obsługa w sklepie była nieuprzejma',
    ],
  },
  en: {
    delivery: [
      'the parcel was four days late',
      'the courier never showed up in the slot',
      'my order was stuck in the depot for a week',
    ],
    payment: [
      'my card payment failed three times',
      'the payment was declined but the money was blocked',
      'checkout threw an error',
    ],
    product: ['the coffee tasted stale', 'the bag arrived torn', 'the grinder broke after a week'],
    support: [
      'I waited 20 minutes on the hotline',
      'nobody answered my e-mail',
      'I had to call three times about the same issue',
    ],
    price: [
      'shipping costs only appeared at the very end',
      'too expensive compared to others',
      'the discount code did not work',
    ],
    app: ['the app freezes at payment', 'search finds nothing', 'the app keeps logging me out'],
    store: ['the queue in the store was long', 'the store had run out of my coffee', 'store staff were rude'],
  },
};

const OPENERS: Readonly<Record<Language, Record<Sentiment, readonly string[]>>> = {
  pl: {
    positive: ['Super, ', 'Jestem zachwycona, ', 'Polecam! ', 'Bardzo dobrze: ', ''],
    neutral: ['Ogólnie OK, ', 'Bez szału, ', 'Tak sobie: ', ''],
    negative: ['Rozczarowanie. ', 'Niestety ', 'Fatalnie, ', 'Nie polecam: ', ''],
  },
  en: {
    positive: ['Great, ', 'Love it, ', 'Highly recommend! ', 'Very happy: ', ''],
    neutral: ['Mostly fine, ', 'It was OK, ', 'Mixed feelings: ', ''],
    negative: ['Disappointed. ', 'Unfortunately ', 'Terrible, ', 'Not impressed: ', ''],
  },
};

const CLOSERS: Readonly<Record<Language, Record<Sentiment, readonly string[]>>> = {
  pl: {
    positive: [' Na pewno wrócę.', ' Dziękuję!', ' Polecam znajomym.', ''],
    neutral: [' Zobaczymy następnym razem.', ''],
    negative: [' Więcej nie zamówię.', ' Proszę to poprawić.', ' Żenada.', ''],
  },
  en: {
    positive: [' Will order again.', ' Thank you!', ' Telling my friends.', ''],
    neutral: [' We will see next time.', ''],
    negative: [' Never again.', ' Please fix this.', ' Very frustrating.', ''],
  },
};

const EMOJI: Readonly<Record<Sentiment, readonly string[]>> = {
  positive: [' 😍', ' ☕', ' 👍', ' 🦉'],
  neutral: [' 🤷', ' 😐'],
  negative: [' 😡', ' 👎', ' 😤'],
};

const ASPECTS: readonly Aspect[] = ['delivery', 'payment', 'product', 'support', 'price', 'app', 'store'];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Writes a short customer comment in Polish or English whose sentiment follows the score and whose topic is
 * the aspect the customer cared about (e.g. the pain point they hit).
 */
export function writeComment(rng: Rng, language: Language, sentiment: Sentiment, aspect: Aspect): string {
  const opener = rng.pick(OPENERS[language][sentiment]);
  let body: string;
  if (sentiment === 'neutral') {
    const other = rng.pick(ASPECTS.filter((a) => a !== aspect));
    const but = language === 'pl' ? ', ale ' : ', but ';
    body = rng.pick(POSITIVE[language][other]) + but + rng.pick(NEGATIVE[language][aspect]);
  } else {
    const clauses = sentiment === 'positive' ? POSITIVE : NEGATIVE;
    body = rng.pick(clauses[language][aspect]);
    if (rng.chance(0.35)) {
      const and = language === 'pl' ? ', a ' : ', and ';
      body += and + rng.pick(clauses[language][rng.pick(ASPECTS)]);
    }
  }
  const sentence = opener === '' || /[.!] $/.test(opener) ? capitalise(body) : body;
  const emoji = rng.chance(0.2) ? rng.pick(EMOJI[sentiment]) : '';
  return `${opener}${sentence}.${rng.pick(CLOSERS[language][sentiment])}${emoji}`;
}

/** Sentiment bucket of a score normalised to 0…1 (higher is better). */
export function sentimentOf(normalised: number): Sentiment {
  if (normalised >= 0.75) return 'positive';
  if (normalised >= 0.5) return 'neutral';
  return 'negative';
}
