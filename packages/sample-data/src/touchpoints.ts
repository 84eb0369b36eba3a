import type { Channel, Touchpoint } from '@cx/model';

type TouchpointSpec = readonly [
  id: string,
  name: string,
  channel: Channel,
  stageId: string,
  mediaType: Touchpoint['mediaType'],
  owner: string,
];

/** Touchpoints of the sample shop's designed journey, in stage order. */
export const TOUCHPOINT_SPECS: readonly TouchpointSpec[] = [
  ['social-inspiration', 'Inspiration posts on social media', 'social-media', 'need', 'earned', 'Brand team'],
  [
    'display-campaign',
    'Display campaign "Poranek z Sową"',
    'display-ads',
    'need',
    'paid',
    'Performance marketing',
  ],
  ['search-ads', 'Search ads', 'search-ads', 'search', 'paid', 'Performance marketing'],
  ['organic-search', 'Organic search results', 'search-organic', 'search', 'earned', 'SEO team'],
  ['home-page', 'Home page', 'web', 'awareness', 'owned', 'E-commerce team'],
  ['newsletter', 'Newsletter', 'email', 'awareness', 'owned', 'CRM team'],
  ['referral-link', 'Friend referral link', 'referral', 'awareness', 'earned', 'Growth team'],
  ['site-search', 'On-site search', 'web', 'consideration', 'owned', 'E-commerce team'],
  ['product-page', 'Product page', 'web', 'consideration', 'owned', 'E-commerce team'],
  ['app-product', 'Product screen in the app', 'mobile-app', 'consideration', 'owned', 'Mobile team'],
  ['marketplace-listing', 'Marketplace listing', 'marketplace', 'consideration', 'paid', 'Marketplace team'],
  ['store', 'Flagship store', 'physical-store', 'consideration', 'owned', 'Retail operations'],
  ['presales-chat', 'Pre-sales chat', 'chat', 'decision', 'owned', 'Customer service'],
  ['cart', 'Cart', 'web', 'decision', 'owned', 'E-commerce team'],
  ['app-cart', 'Cart in the app', 'mobile-app', 'decision', 'owned', 'Mobile team'],
  ['checkout', 'Web checkout', 'web', 'purchase', 'owned', 'Checkout team'],
  ['app-checkout', 'App checkout', 'mobile-app', 'purchase', 'owned', 'Checkout team'],
  ['store-till', 'Store till', 'physical-store', 'purchase', 'owned', 'Retail operations'],
  ['marketplace-checkout', 'Marketplace checkout', 'marketplace', 'purchase', 'paid', 'Marketplace team'],
  ['b2b-phone-order', 'Business phone orders', 'phone', 'purchase', 'owned', 'B2B sales'],
  ['delivery', 'Delivery notifications', 'sms', 'use', 'owned', 'Logistics'],
  ['support-chat', 'Support chat', 'chat', 'use', 'owned', 'Customer service'],
  ['support-phone', 'Support hotline', 'phone', 'use', 'owned', 'Customer service'],
  ['returns', 'Returns and refunds', 'web', 'use', 'owned', 'Customer service'],
  ['survey-email', 'Survey invitation e-mail', 'email', 'review', 'owned', 'CX team'],
  ['product-reviews', 'Product reviews', 'web', 'review', 'owned', 'E-commerce team'],
  ['review-site', 'Public review site', 'review-site', 'review', 'earned', 'Brand team'],
  ['referral-program', 'Referral programme', 'referral', 'recommendation', 'owned', 'Growth team'],
  ['social-share', 'Posts about Sowa', 'social-media', 'recommendation', 'earned', 'Brand team'],
  ['promo-email', 'Win-back and promo e-mails', 'email', 'repurchase', 'owned', 'CRM team'],
  ['buy-again', '"Buy again" in the app', 'mobile-app', 'repurchase', 'owned', 'Mobile team'],
  ['subscription', 'Sowa Club subscription', 'web', 'repurchase', 'owned', 'Subscriptions team'],
];

/** Touchpoint id -> [channel, stageId], used when emitting interactions. */
export const TOUCHPOINT_INDEX: ReadonlyMap<string, readonly [Channel, string]> = new Map(
  TOUCHPOINT_SPECS.map(([id, , channel, stageId]) => [id, [channel, stageId] as const]),
);
