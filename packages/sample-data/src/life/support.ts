import { MS_PER_DAY as DAY_MS, STANDARD_SCALES } from '@cx/model';
import { type Aspect, writeComment } from '../text.js';
import { clamp, HOUR_MS, iso, type LifeState } from './state.js';
import { response } from './surveys.js';

/** A support contact; returns whether it hit the hotline-wait pain point (long hold, repeat call). */
export function support(b: LifeState, t: number, reason: string, orderId: string, late: boolean): boolean {
  const { rng, p } = b;
  b.supportContacts++;
  const phone = rng.chance(p.business ? 0.6 : 0.35);
  const tp = phone ? 'support-phone' : 'support-chat';
  const sid = `${p.id}-t${b.supportContacts}`;
  const wait = phone ? Math.round(Math.exp(rng.normal(2.1, 0.7))) : rng.int(1, 4);
  const pain = phone && wait > 12;
  if (!b.emit(t, 'support_contact', tp, sid, { reason, order_id: orderId, wait_minutes: wait })) return false;
  let repeat = false;
  if (pain && rng.chance(0.45))
    repeat = b.emit(t + Math.floor((0.5 + rng.next()) * DAY_MS), 'support_contact', tp, `${sid}-r`, {
      reason,
      order_id: orderId,
      wait_minutes: wait + rng.int(0, 10),
      repeat: true,
    });
  const zs = p.mood + rng.normal(0, 0.6) - (pain ? 1.5 : 0) - (repeat ? 0.6 : 0) - (late ? 0.7 : 0);
  const language = p.language;
  if (rng.chance(0.6)) {
    const aspect: Aspect = late ? 'delivery' : pain ? 'support' : 'product';
    b.feedback.push({
      id: `f${p.id.slice(1)}-t${b.supportContacts}`,
      text: writeComment(rng, language, zs > 0.8 ? 'neutral' : 'negative', aspect),
      language,
      source: phone ? 'call-transcript' : 'chat',
      customerId: p.id,
      createdAt: iso(t),
      touchpointId: tp,
      stageId: 'use',
      channel: phone ? 'phone' : 'chat',
      properties: { reason, orderId },
    });
  }
  if (p.surveyConsent && rng.chance(0.35)) {
    const at = t + Math.floor((2 + 20 * rng.next()) * HOUR_MS);
    const csat = clamp(Math.round(4 + 0.9 * zs), 1, 5);
    response(
      b,
      at,
      'csat-support',
      'csat',
      STANDARD_SCALES.csat,
      csat,
      tp,
      'use',
      pain ? 'support' : late ? 'delivery' : 'support',
      0.3,
      orderId,
    );
    if (phone && t < (b.ctx.startMs + b.ctx.endMs) / 2) {
      const effort = clamp(Math.round(2.2 - 0.9 * zs + (repeat ? 0.8 : 0)), 1, 5);
      response(
        b,
        at,
        'ces-support-legacy',
        'ces',
        STANDARD_SCALES.cesLegacy,
        effort,
        tp,
        'use',
        'support',
        0.2,
        orderId,
      );
    } else {
      const ease = clamp(Math.round(5.2 + 1.1 * zs - (repeat ? 1 : 0)), 1, 7);
      response(b, at, 'ces-support', 'ces', STANDARD_SCALES.ces, ease, tp, 'use', 'support', 0.2, orderId);
    }
  }
  return pain;
}
