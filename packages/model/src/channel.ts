import { z } from 'zod';
import { SLUG_PATTERN } from './json.js';

/**
 * The known channels of an omnichannel journey, in a stable order.
 *
 * @example
 * ```ts
 * import { KNOWN_CHANNELS } from '@cx/model';
 * console.log(KNOWN_CHANNELS.includes('physical-store')); // true
 * ```
 * @category Channels
 * @since 0.1.0
 */
export const KNOWN_CHANNELS = [
  'web',
  'mobile-web',
  'mobile-app',
  'physical-store',
  'email',
  'sms',
  'push',
  'phone',
  'chat',
  'social-media',
  'messaging',
  'search-ads',
  'search-organic',
  'display-ads',
  'tv-ads',
  'radio-ads',
  'press',
  'out-of-home',
  'marketplace',
  'referral',
  'affiliate',
  'direct-mail',
  'event',
  'field-sales',
  'partner',
  'review-site',
  'other',
] as const;

/**
 * One of the {@link KNOWN_CHANNELS}.
 *
 * @example
 * ```ts
 * import { KNOWN_CHANNELS, type KnownChannel } from '@cx/model';
 * const first: KnownChannel = KNOWN_CHANNELS[0];
 * console.log(first); // 'web'
 * ```
 * @category Channels
 * @since 0.1.0
 */
export type KnownChannel = (typeof KNOWN_CHANNELS)[number];

/**
 * A channel your organisation adds: `custom:` followed by a slug, e.g. `custom:kiosk`.
 *
 * @example
 * ```ts
 * import type { CustomChannel } from '@cx/model';
 * const kiosk: CustomChannel = 'custom:kiosk';
 * console.log(kiosk); // 'custom:kiosk'
 * ```
 * @category Channels
 * @since 0.1.0
 */
export type CustomChannel = `custom:${string}`;

/**
 * A channel: a known value, or a custom one prefixed `custom:` (typos in known values stay type errors).
 *
 * @example
 * ```ts
 * import type { Channel } from '@cx/model';
 * const channels: Channel[] = ['web', 'physical-store', 'custom:kiosk'];
 * console.log(channels.length); // 3
 * ```
 * @category Channels
 * @since 0.1.0
 */
export type Channel = KnownChannel | CustomChannel;

const customChannelSchema = z.templateLiteral(['custom:', z.string().regex(SLUG_PATTERN)]);

/**
 * Schema of a {@link Channel}: a known channel or `custom:<slug>`.
 *
 * @example
 * ```ts
 * import { channelSchema } from '@cx/model';
 * console.log(channelSchema.parse('chat')); // 'chat'
 * console.log(channelSchema.parse('custom:kiosk')); // 'custom:kiosk'
 * console.log(channelSchema.safeParse('Kiosk').success); // false
 * ```
 * @category Channels
 * @since 0.1.0
 */
export const channelSchema: z.ZodType<Channel> = z
  .union([z.enum(KNOWN_CHANNELS), customChannelSchema], {
    error: () => `Expected a known channel (${KNOWN_CHANNELS.join(', ')}) or custom:<slug>`,
  })
  .meta({ id: 'Channel', description: 'A known channel or a custom one written custom:<slug>.' });

/**
 * Whether a channel is one of the {@link KNOWN_CHANNELS}.
 *
 * @param channel - Any channel.
 * @returns `true` for known channels; narrows the type.
 * @example
 * ```ts
 * import { isKnownChannel } from '@cx/model';
 * console.log(isKnownChannel('email'), isKnownChannel('custom:kiosk')); // true false
 * ```
 * @category Channels
 * @since 0.1.0
 */
export function isKnownChannel(channel: Channel): channel is KnownChannel {
  return (KNOWN_CHANNELS as readonly string[]).includes(channel);
}

/**
 * Whether a channel is digital (web, app, e-mail, chat, social, ads online …) rather than physical or offline.
 *
 * @param channel - Any channel; custom channels count as not digital.
 * @returns `true` for digital channels.
 * @example
 * ```ts
 * import { isDigitalChannel } from '@cx/model';
 * console.log(isDigitalChannel('web'), isDigitalChannel('physical-store')); // true false
 * ```
 * @category Channels
 * @since 0.1.0
 */
export function isDigitalChannel(channel: Channel): boolean {
  return DIGITAL.has(channel);
}

const DIGITAL: ReadonlySet<string> = new Set<KnownChannel>([
  'web',
  'mobile-web',
  'mobile-app',
  'email',
  'sms',
  'push',
  'chat',
  'social-media',
  'messaging',
  'search-ads',
  'search-organic',
  'display-ads',
  'marketplace',
  'affiliate',
  'review-site',
]);
