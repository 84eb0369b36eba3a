import { type Customer, MS_PER_DAY } from '@cx/model';
import {
  asciiFold,
  COMPANY_KINDS,
  COMPANY_ROOTS,
  EN_FIRST,
  EN_LAST,
  INDUSTRIES,
  PL_FIRST,
  PL_LAST,
  ROLES,
} from './catalog.js';
import { customerIdOf, type ShopContext, STREAM } from './context.js';
import { PERSONA_BEHAVIOUR, type PersonaBehaviour } from './personas.js';
import { mixKey, Rng } from './prng.js';
import type { Language } from './text.js';

/** The latent traits of a customer that drive the simulation, plus the public customer record. */
export interface Profile {
  readonly index: number;
  readonly id: string;
  readonly customer: Customer;
  readonly persona: PersonaBehaviour;
  readonly business: boolean;
  readonly language: Language;
  readonly currency: 'PLN' | 'EUR';
  readonly paymentMethod: string;
  /** Probability that one payment attempt fails. */
  readonly paymentFailure: number;
  /** Latent satisfaction on a standard-normal scale. */
  readonly mood: number;
  readonly sessions: number;
  readonly firstSeenMs: number;
  readonly lastActiveMs: number;
  readonly acquisition: string;
  readonly emailConsent: boolean;
  readonly surveyConsent: boolean;
}

const COUNTRIES = ['PL', 'DE', 'CZ', 'SK', 'IE'] as const;
const PL_CITIES = ['Warszawa', 'Kraków', 'Wrocław', 'Poznań', 'Gdańsk', 'Łódź', 'Szczecin', 'Białystok'];
const PL_CITY_WEIGHTS = [30, 14, 12, 10, 9, 8, 5, 4];
const FOREIGN_CITY: Readonly<Record<string, string>> = {
  DE: 'Berlin',
  CZ: 'Praha',
  SK: 'Bratislava',
  IE: 'Dublin',
};
const CONSUMER_PAYMENT = ['blik', 'card', 'paypal', 'transfer'] as const;
const BUSINESS_PAYMENT = ['invoice', 'card', 'transfer'] as const;
const FAILURE: Readonly<Record<string, number>> = {
  blik: 0.05,
  card: 0.09,
  paypal: 0.03,
  transfer: 0.01,
  invoice: 0.005,
};
const ACQUISITION = [
  'search-ads',
  'organic-search',
  'social-inspiration',
  'display-campaign',
  'home-page',
  'referral-link',
];
const ACQUISITION_WEIGHTS = [0.28, 0.22, 0.16, 0.1, 0.14, 0.1];

function account(ctx: ShopContext, accountNo: number) {
  const rng = new Rng(mixKey(ctx.seed, STREAM.account, accountNo));
  const kind = rng.int(0, COMPANY_KINDS.length - 1);
  const country = rng.chance(0.9) ? 'PL' : 'DE';
  const employees = Math.max(2, Math.round(Math.exp(rng.normal(3.2, 1.1))));
  const name = `${rng.pick(COMPANY_ROOTS)} ${COMPANY_KINDS[kind]} ${country === 'PL' ? 'sp. z o.o.' : 'GmbH'}`;
  let taxId = '';
  for (let i = 0; i < 10; i++) taxId += String(rng.int(0, 9));
  return {
    id: `acc-${String(accountNo + 1).padStart(6, '0')}`,
    name,
    industry: INDUSTRIES[kind] as string,
    employees,
    country,
    taxId: `${country}${taxId}`,
  };
}

/** Number of sessions: a third visit once, the rest follow a heavy-tailed log-normal. */
function sessionCount(rng: Rng, activity: number): number {
  if (rng.chance(0.33)) return 1;
  return Math.min(600, 1 + Math.floor(Math.exp(rng.normal(2.2, 1.05)) * activity));
}

/** Draws the profile of the customer at `index`; the first draws of its PRNG. */
export function drawProfile(ctx: ShopContext, index: number, rng: Rng): Profile {
  const id = customerIdOf(index);
  const business = rng.chance(ctx.businessShare);
  const candidates = PERSONA_BEHAVIOUR.filter((p) => (p.customerType === 'business') === business);
  const persona = rng.weighted(
    candidates,
    candidates.map((p) => p.share),
  );
  const country = business ? 'PL' : rng.weighted(COUNTRIES, [0.82, 0.07, 0.05, 0.03, 0.03]);
  const polish = country === 'PL';
  const language: Language = polish ? (rng.chance(0.08) ? 'en' : 'pl') : 'en';
  const first = rng.pick(polish ? PL_FIRST : EN_FIRST);
  const last = rng.pick(polish ? PL_LAST : EN_LAST);
  const span = ctx.endMs - ctx.startMs;
  const firstSeenMs = ctx.startMs + Math.floor(span * rng.next() ** 0.85);
  const lifespan = rng.exponential(240 * MS_PER_DAY * persona.activity);
  const lastActiveMs = Math.min(ctx.endMs - 1, firstSeenMs + Math.max(MS_PER_DAY, lifespan));
  const sessions = sessionCount(rng, persona.activity);
  const paymentMethod = business
    ? rng.weighted(BUSINESS_PAYMENT, [0.6, 0.3, 0.1])
    : rng.weighted(CONSUMER_PAYMENT, [0.45, 0.35, 0.1, 0.1]);
  const flakyBank = rng.chance(0.1);
  const paymentFailure = (FAILURE[paymentMethod] ?? 0.05) * (flakyBank ? 4 : 1);
  const mood = rng.normal(persona.mood, 0.8);
  const acquisition = rng.weighted(ACQUISITION, ACQUISITION_WEIGHTS);
  const at = new Date(firstSeenMs).toISOString();
  const emailConsent = rng.chance(business ? 0.8 : 0.58);
  const surveyConsent = rng.chance(0.7);
  const consent = {
    email: { granted: emailConsent, at, source: 'signup-form' },
    tracking: { granted: rng.chance(0.76), at, source: 'cookie-banner' },
    profiling: { granted: rng.chance(0.41), at, source: 'cookie-banner' },
    surveys: { granted: surveyConsent, at, source: 'signup-form' },
  };
  const email = `${asciiFold(first)}.${asciiFold(last)}.${index + 1}@${business ? 'firma' : 'poczta'}.example`;
  const city = polish ? rng.weighted(PL_CITIES, PL_CITY_WEIGHTS) : (FOREIGN_CITY[country] ?? 'Berlin');
  const attributes = { country, language, city, paymentMethod, acquisition };
  let customer: Customer;
  if (business) {
    const pool = Math.max(1, Math.floor(ctx.customers * ctx.businessShare * 0.7));
    const acc = account(ctx, rng.int(0, pool - 1));
    customer = {
      id,
      type: 'business',
      name: `${first} ${last}`,
      email,
      personaId: persona.id,
      segment: acc.employees >= 50 ? 'mid-market' : 'small-business',
      attributes,
      consent,
      firstSeenAt: at,
      account: acc,
      role: rng.pick(ROLES),
    };
  } else {
    customer = {
      id,
      type: 'consumer',
      name: `${first} ${last}`,
      email,
      personaId: persona.id,
      segment: 'consumer',
      attributes,
      consent,
      firstSeenAt: at,
    };
  }
  return {
    index,
    id,
    customer,
    persona,
    business,
    language,
    currency: polish ? 'PLN' : 'EUR',
    paymentMethod,
    paymentFailure,
    mood,
    sessions,
    firstSeenMs,
    lastActiveMs,
    acquisition,
    emailConsent,
    surveyConsent,
  };
}
