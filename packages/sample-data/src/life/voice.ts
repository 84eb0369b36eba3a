import type { Feedback } from '@cx/model';
import { socialMention } from '../mentions.js';
import { type Aspect, sentimentOf, writeComment } from '../text.js';
import { TOUCHPOINT_INDEX } from '../touchpoints.js';
import { clamp, iso, type LifeState } from './state.js';

/** A product or review-site review. */
export function review(b: LifeState, t: number, z: number, aspect: Aspect): void {
  const { rng, p } = b;
  const external = rng.chance(0.3);
  const tp = external ? 'review-site' : 'product-reviews';
  const stars = clamp(Math.round(4 + 0.9 * z), 1, 5);
  if (!b.emit(t, 'review_submitted', tp, undefined, { rating: stars })) return;
  const n = b.feedback.length + 1;
  const id = `f${p.id.slice(1)}-v${n}`;
  const [channel] = TOUCHPOINT_INDEX.get(tp)!;
  const review: Feedback = {
    id,
    text: writeComment(
      rng,
      p.language,
      sentimentOf((stars - 1) / 4),
      stars >= 4 && aspect !== 'store' ? 'product' : aspect,
    ),
    language: p.language,
    source: 'review',
    author: { id: p.id, name: p.customer.name ?? p.id },
    customerId: p.id,
    createdAt: iso(t),
    rating: stars,
    touchpointId: tp,
    stageId: 'review',
    channel,
    properties: { ratingScale: '1-5 stars' },
  };
  if (external) review.url = `https://opinie.example/sowa/${id}`;
  b.feedback.push(review);
}

/** A social post about the shop. */
export function socialPost(b: LifeState, t: number, z: number, aspect: Aspect): void {
  const { rng, p } = b;
  const mention = socialMention(rng, {
    id: `m${p.id.slice(1)}-${b.mentions.length + 1}`,
    brand: 'sowa',
    t,
    language: p.language,
    sentiment: z > 0.6 ? 'positive' : z > -0.4 ? 'neutral' : 'negative',
    aspect,
    business: p.business,
    customerId: p.id,
  });
  if (
    !b.emit(t, 'social_post', 'social-share', undefined, {
      platform: mention.platform,
      likes: mention.engagement.likes,
    })
  )
    return;
  b.mentions.push(mention);
}
