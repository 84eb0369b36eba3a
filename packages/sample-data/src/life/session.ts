import { BUSINESS_PRODUCT_WEIGHTS, CONSUMER_PRODUCT_WEIGHTS, PRODUCTS } from '../catalog.js';
import { purchase } from './purchase.js';
import type { LifeState } from './state.js';

const RETURNING_ENTRIES = ['home-page', 'promo-email', 'search-ads', 'organic-search'] as const;
const ENTRY_EVENT: Readonly<Record<string, string>> = {
  'search-ads': 'ad_click',
  'organic-search': 'search_result_click',
  'social-inspiration': 'social_click',
  'display-campaign': 'select_promotion',
  'home-page': 'page_view',
  'referral-link': 'referral_visit',
  newsletter: 'newsletter_open',
  'promo-email': 'newsletter_open',
};
const SEARCH_TERMS = [
  'kawa ziarnista',
  'herbata',
  'ekspres',
  'młynek',
  'kapsułki',
  'espreso',
  'kawa biurowa',
  'drip',
];

/** One visit: entry, search, product views and the leaking checkout funnel, or a store, marketplace or phone order. */
export function session(b: LifeState, t0: number, i: number): void {
  const { rng, p } = b;
  const sid = `${p.id}-s${i + 1}`;
  let t = t0;
  const next = () => {
    t += 4000 + Math.floor(rng.exponential(40_000));
    return t;
  };
  const surface = b.chooseSurface(i);
  const returning = b.purchases > 0;
  const weights = p.business ? BUSINESS_PRODUCT_WEIGHTS : CONSUMER_PRODUCT_WEIGHTS;
  const currency = p.currency;
  if (surface === 'store') {
    b.emit(t, 'store_visit', 'store', sid, { store: 'Warszawa Mokotów' });
    if (rng.chance(0.55)) {
      const basket = b.basket(PRODUCTS.indexOf(rng.weighted(PRODUCTS, weights)));
      next();
      purchase(b, t, basket, 'store-till', sid, 0, false, 'card');
    }
    return;
  }
  if (surface === 'phone') {
    const basket = b.basket(PRODUCTS.indexOf(rng.weighted(PRODUCTS, weights)));
    if (rng.chance(0.85)) purchase(b, t, basket, 'b2b-phone-order', sid, 0, false, 'invoice');
    else b.emit(t, 'sales_call', 'b2b-phone-order', sid, { outcome: 'quote-requested' });
    return;
  }
  if (surface === 'marketplace') {
    const views = 1 + Math.floor(rng.exponential(1));
    let sku = 0;
    for (let k = 0; k < views; k++) {
      sku = PRODUCTS.indexOf(rng.weighted(PRODUCTS, weights));
      b.emit(next(), 'view_item', 'marketplace-listing', sid, { sku: PRODUCTS[sku]!.sku, currency });
    }
    if (rng.chance(0.22 * p.persona.intent))
      purchase(b, next(), b.basket(sku), 'marketplace-checkout', sid, 0, false, 'marketplace');
    return;
  }
  const app = surface === 'app';
  const device = app
    ? rng.chance(0.55)
      ? 'android'
      : 'ios'
    : rng.weighted(['desktop', 'mobile', 'tablet'], [0.55, 0.4, 0.05]);
  if (app) {
    if (returning && rng.chance(0.5)) b.emit(t, 'view_item', 'buy-again', sid, { device, list: 'buy-again' });
    else if (p.emailConsent && rng.chance(0.2))
      b.emit(t, 'newsletter_open', returning ? 'promo-email' : 'newsletter', sid, {
        campaign: 'weekly',
      });
  } else {
    const entry =
      i === 0
        ? p.acquisition
        : returning
          ? rng.pick(RETURNING_ENTRIES)
          : rng.weighted(
              [
                'search-ads',
                'organic-search',
                'social-inspiration',
                'display-campaign',
                'home-page',
                'newsletter',
              ],
              [3, 3, 2, 1, 3, p.emailConsent ? 2 : 0],
            );
    const tp = entry === 'promo-email' && !p.emailConsent ? 'home-page' : entry;
    b.emit(t, ENTRY_EVENT[tp] ?? 'page_view', tp, sid, { device, landing: '/' });
  }
  let noResults = false;
  if (!app && rng.chance(0.35)) {
    noResults = rng.chance(0.1);
    b.emit(next(), 'search', 'site-search', sid, {
      device,
      search_term: rng.pick(SEARCH_TERMS),
      results: noResults ? 0 : rng.int(3, 40),
    });
    if (noResults) {
      b.grudge += 0.15;
      if (rng.chance(0.5)) return;
    }
  }
  const views = 1 + Math.floor(rng.exponential(1.4));
  let sku = 0;
  for (let k = 0; k < views; k++) {
    sku = PRODUCTS.indexOf(rng.weighted(PRODUCTS, weights));
    const product = PRODUCTS[sku]!;
    b.emit(next(), 'view_item', app ? 'app-product' : 'product-page', sid, {
      device,
      sku: product.sku,
      price: b.price(product.pricePln),
      currency,
    });
  }
  const cartTp = app ? 'app-cart' : 'cart';
  const pCart = Math.min(0.85, 0.24 * p.persona.intent * (returning ? 1.6 : 1) * (noResults ? 0.5 : 1));
  if (!rng.chance(pCart)) {
    if (rng.chance(0.05)) b.emit(next(), 'add_to_wishlist', cartTp, sid, { device, sku: PRODUCTS[sku]!.sku });
    return;
  }
  const basket = b.basket(sku);
  b.emit(next(), 'add_to_cart', cartTp, sid, {
    device,
    sku: PRODUCTS[sku]!.sku,
    value: basket.value,
    currency,
    items: basket.items.length,
  });
  if (rng.chance(0.03)) b.emit(next(), 'chat_started', 'presales-chat', sid, { topic: 'product-advice' });
  if (!rng.chance(0.6)) return;
  const checkoutTp = app ? 'app-checkout' : 'checkout';
  b.emit(next(), 'begin_checkout', checkoutTp, sid, { device, value: basket.value, currency });
  const shipping = basket.value >= b.price(149) ? 0 : b.price(14.99);
  if (!rng.chance(p.persona.id.startsWith('marek') ? 0.62 : 0.82)) return;
  b.emit(next(), 'add_shipping_info', checkoutTp, sid, {
    device,
    shipping_tier: 'courier',
    shipping_cost: shipping,
    currency,
  });
  if (!rng.chance(0.93)) return;
  b.emit(next(), 'add_payment_info', checkoutTp, sid, { device, payment_type: p.paymentMethod });
  let failures = 0;
  while (rng.chance(p.paymentFailure)) {
    failures++;
    b.emit(next(), 'payment_failed', checkoutTp, sid, {
      device,
      payment_type: p.paymentMethod,
      attempt: failures,
      error_code: rng.pick(['declined', 'timeout', '3ds_failed']),
    });
    if (failures >= 3 || !rng.chance(0.65)) {
      b.grudge += 0.8;
      return;
    }
  }
  purchase(b, next(), basket, checkoutTp, sid, failures, noResults, p.paymentMethod, device, shipping);
}
