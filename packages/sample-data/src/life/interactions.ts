import type { Interaction } from '@cx/model';
import { TOUCHPOINT_INDEX } from '../touchpoints.js';
import { iso, type LifeState } from './state.js';

/** The system each touchpoint's events come from (the rest: web or app analytics). */
const SOURCE_BY_TP: Readonly<Record<string, string>> = {
  store: 'pos',
  'store-till': 'pos',
  'b2b-phone-order': 'crm',
  delivery: 'wms',
  'support-chat': 'helpdesk',
  'support-phone': 'helpdesk',
  newsletter: 'esp',
  'promo-email': 'esp',
  'survey-email': 'survey-tool',
  'marketplace-listing': 'marketplace',
  'marketplace-checkout': 'marketplace',
  subscription: 'billing',
  'social-share': 'social-listening',
  'review-site': 'review-feed',
};

/** The customer's events as interactions, in time order, with ids, channels, stages and sources. */
export function interactions(b: LifeState): Interaction[] {
  const events = b.events.sort((x, y) => x.t - y.t);
  const out: Interaction[] = new Array(events.length);
  const id = b.p.id;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const [channel, stageId] = TOUCHPOINT_INDEX.get(e.tp)!;
    const interaction: Interaction = {
      id: `${id}-e${i + 1}`,
      customerId: id,
      timestamp: iso(e.t),
      name: e.name,
      channel,
      touchpointId: e.tp,
      stageId,
      source: SOURCE_BY_TP[e.tp] ?? (channel === 'mobile-app' ? 'app-analytics' : 'web-analytics'),
      properties: e.props,
    };
    if (e.sid !== undefined) interaction.sessionId = e.sid;
    out[i] = interaction;
  }
  return out;
}
