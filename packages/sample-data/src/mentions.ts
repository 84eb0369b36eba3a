import type { Mention } from '@cx/model';
import { BRANDS } from './catalog.js';
import { type ShopContext, STREAM } from './context.js';
import { mixKey, Rng } from './prng.js';
import { type Aspect, type Language, type Sentiment, writeComment } from './text.js';

const HANDLES: Readonly<Record<(typeof BRANDS)[number], string>> = {
  sowa: 'sowa_kawa',
  kruk: 'kruk_coffee',
  mewa: 'mewa_herbata',
};
const TOPIC_TAGS: Readonly<Record<Aspect, readonly string[]>> = {
  delivery: ['dostawa', 'kurier', 'delivery'],
  payment: ['blik', 'płatności', 'payments'],
  product: ['kawa', 'coffee', 'specialtycoffee', 'herbata'],
  support: ['obsługaklienta', 'customerservice'],
  price: ['promocja', 'rabat', 'deal'],
  app: ['aplikacja', 'app'],
  store: ['kawiarnia', 'sklep', 'barista'],
};
const PLATFORMS = ['instagram', 'facebook', 'x', 'tiktok'] as const;
const ASPECTS: readonly Aspect[] = ['delivery', 'payment', 'product', 'support', 'price', 'app', 'store'];

/** What a social post is about and who writes it. */
export interface MentionSpec {
  readonly id: string;
  readonly brand: (typeof BRANDS)[number];
  readonly t: number;
  readonly language: Language;
  readonly sentiment: Sentiment;
  readonly aspect: Aspect;
  readonly business: boolean;
  readonly customerId?: string;
}

/** Builds a social post with hashtags, @-mentions and heavy-tailed engagement. */
export function socialMention(rng: Rng, spec: MentionSpec): Mention {
  const platform = spec.business
    ? rng.pick(['linkedin', 'facebook'] as const)
    : rng.weighted(PLATFORMS, [4, 3, 2, 1]);
  const followers = Math.round(Math.exp(rng.normal(5.5, 1.6)));
  const rate = spec.sentiment === 'negative' ? 0.04 : 0.025;
  const likes = Math.round(followers * rate * rng.exponential(1));
  const hashtags = [spec.brand, rng.pick(TOPIC_TAGS[spec.aspect])];
  if (rng.chance(0.3)) hashtags.push(spec.language === 'pl' ? 'zakupy' : 'shopping');
  const handle = HANDLES[spec.brand];
  const body = writeComment(rng, spec.language, spec.sentiment, spec.aspect).replace(
    /\bSowa\b/g,
    spec.brand === 'sowa' ? 'Sowa' : spec.brand[0]!.toUpperCase() + spec.brand.slice(1),
  );
  const text = `@${handle} ${body} ${hashtags.map((h) => `#${h}`).join(' ')}`;
  const author = spec.customerId === undefined ? `user${rng.int(1000, 999999)}` : `${spec.customerId}_social`;
  const mention: Mention = {
    id: spec.id,
    text,
    language: spec.language,
    source: 'social',
    author: { handle: `@${author}`, followers },
    createdAt: new Date(spec.t).toISOString(),
    url: `https://${platform}.example/${author}/posts/${spec.id}`,
    channel: 'social-media',
    platform,
    brand: spec.brand,
    hashtags,
    mentions: [handle],
    engagement: {
      likes,
      shares: Math.round(likes * 0.08 * rng.exponential(1)),
      comments: Math.round(likes * 0.12 * rng.exponential(1)),
      clicks: Math.round(likes * 0.3 * rng.exponential(1)),
      reach: followers + likes * 20,
    },
    properties: { sentiment: spec.sentiment, topic: spec.aspect },
  };
  if (spec.customerId !== undefined) {
    mention.customerId = spec.customerId;
    mention.author = { id: spec.customerId, handle: `@${author}`, followers };
    mention.stageId = spec.sentiment === 'positive' ? 'recommendation' : 'review';
    mention.touchpointId = 'social-share';
  }
  return mention;
}

/** Mean sentiment of public posts by brand; the shop's dips in the peak season (late deliveries). */
const BRAND_MOOD: Readonly<Record<(typeof BRANDS)[number], number>> = { sowa: 0.35, kruk: 0.15, mewa: -0.1 };

/** Number of public (non-customer) posts for a shop of `customers` customers. */
export function publicMentionCount(ctx: ShopContext): number {
  return Math.round(ctx.customers * 0.4);
}

/** The `i`-th public social post about one of the three brands, from its own PRNG. */
export function publicMention(ctx: ShopContext, i: number): Mention {
  const rng = new Rng(mixKey(ctx.seed, STREAM.mention, i));
  const brand = rng.weighted(BRANDS, [0.42, 0.36, 0.22]);
  const t = ctx.startMs + Math.floor(rng.next() * (ctx.endMs - ctx.startMs));
  const peak = new Date(t).getUTCMonth() >= 10;
  const mood = BRAND_MOOD[brand] - (brand === 'sowa' && peak ? 0.7 : 0) + rng.normal(0, 1);
  const sentiment: Sentiment = mood > 0.5 ? 'positive' : mood > -0.4 ? 'neutral' : 'negative';
  const aspect = brand === 'sowa' && peak && sentiment === 'negative' ? 'delivery' : rng.pick(ASPECTS);
  return socialMention(rng, {
    id: `m-pub-${i + 1}`,
    brand,
    t,
    language: rng.chance(0.75) ? 'pl' : 'en',
    sentiment,
    aspect,
    business: rng.chance(0.05),
  });
}
