import { readFile } from 'node:fs/promises';
import type { JsonValue } from '@cx/model';
import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { type FileInput, openInput, readLines } from '../files/input.js';
import { countOption, fileInputOption, msOption } from '../options.js';
import type { ModelCandidate, Source, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareCursor } from '../sync/state.js';
import { compact } from './http-source.js';

/**
 * One rrweb session recording to read.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface RrwebRecording {
  /** A JSON array of rrweb events, or NDJSON with one event per line (path or stream factory). */
  readonly input: FileInput;
  /** Session id (becomes the interactions' `sessionId`). */
  readonly sessionId: string;
  /** Known customer, if any. */
  readonly customerId?: string;
  /** Device/cookie id (required when there is no customer id). */
  readonly anonymousId?: string;
}

/**
 * Options of {@link rrwebSource}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface RrwebSourceOptions {
  /** Recordings to read. */
  readonly recordings: readonly RrwebRecording[];
  /** Rage click: at least `minClicks` clicks on one node within `windowMs` (defaults 3 and 1000). */
  readonly rageClick?: { readonly minClicks?: number; readonly windowMs?: number };
  /** Dead click: no DOM mutation, input or navigation within `windowMs` after the click (default 1000). */
  readonly deadClick?: { readonly windowMs?: number };
  /** Lookback in ms (default 7 days). */
  readonly lookbackMs?: number;
}

/**
 * An rrweb event (`{type, data, timestamp}`, timestamp in epoch ms).
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface RrwebEvent {
  /** EventType: 2 FullSnapshot, 3 IncrementalSnapshot, 4 Meta, 5 Custom, … */
  readonly type: number;
  /** Payload. */
  readonly data?: Record<string, unknown>;
  /** Epoch ms. */
  readonly timestamp: number;
}

/**
 * A touchpoint derived from a recording: a page view, a click, or pain-point evidence.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface RrwebTouch {
  /** `page_view`, `click`, `rage_click` or `dead_click`. */
  readonly name: 'page_view' | 'click' | 'rage_click' | 'dead_click';
  /** Index of the (first) event in time order: stable across runs. */
  readonly index: number;
  /** Epoch ms. */
  readonly timestamp: number;
  /** Page URL at that moment. */
  readonly href: string | null;
  /** Extra facts (node id, coordinates, click count, `painPoint: true`). */
  readonly properties: Record<string, JsonValue>;
}

const META = 4;
const INCREMENTAL = 3;
const MUTATION = 0;
const MOUSE = 2;
const INPUT = 5;
const CLICK = 2;

/**
 * Derives page views, clicks, rage clicks (≥ N clicks on one node within a window) and dead clicks (no DOM
 * mutation, input or navigation shortly after) from the events of one rrweb recording.
 *
 * @param events - The recording's events (any order).
 * @param options - Rage and dead click thresholds.
 * @returns Touches in time order.
 * @example
 * ```ts
 * import { rrwebTouches } from '@cx/connectors';
 * const t0 = 1717236000000;
 * const click = (ms: number) => ({ type: 3, data: { source: 2, type: 2, id: 42, x: 120, y: 610 }, timestamp: t0 + ms });
 * const touches = rrwebTouches([{ type: 4, data: { href: 'https://shop.example/cart' }, timestamp: t0 }, click(100), click(300), click(500)]);
 * console.log(touches.map((t) => t.name)); // ['page_view', 'click', 'rage_click', 'dead_click', 'click', …]
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function rrwebTouches(
  events: readonly RrwebEvent[],
  options: Pick<RrwebSourceOptions, 'rageClick' | 'deadClick'> = {},
): RrwebTouch[] {
  const minClicks = options.rageClick?.minClicks ?? 3;
  const rageWindow = options.rageClick?.windowMs ?? 1000;
  const deadWindow = options.deadClick?.windowMs ?? 1000;
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.timestamp - b.e.timestamp || a.i - b.i);
  const out: RrwebTouch[] = [];
  let href: string | null = null;
  const clicks: Array<{
    index: number;
    t: number;
    node: unknown;
    x: unknown;
    y: unknown;
    href: string | null;
  }> = [];
  const reactions: number[] = []; // timestamps of mutations, inputs and navigations
  sorted.forEach(({ e }, index) => {
    const d = e.data ?? {};
    if (e.type === META) {
      href = typeof d.href === 'string' ? d.href : href;
      reactions.push(e.timestamp);
      out.push({
        name: 'page_view',
        index,
        timestamp: e.timestamp,
        href,
        properties: compact({ width: d.width as JsonValue, height: d.height as JsonValue }),
      });
    } else if (e.type === INCREMENTAL && (d.source === MUTATION || d.source === INPUT)) {
      reactions.push(e.timestamp);
    } else if (e.type === INCREMENTAL && d.source === MOUSE && d.type === CLICK) {
      clicks.push({ index, t: e.timestamp, node: d.id, x: d.x, y: d.y, href });
      out.push({
        name: 'click',
        index,
        timestamp: e.timestamp,
        href,
        properties: compact({ nodeId: d.id as JsonValue, x: d.x as JsonValue, y: d.y as JsonValue }),
      });
    }
  });
  for (let i = 0; i < clicks.length; ) {
    const first = clicks[i] as (typeof clicks)[number];
    let j = i + 1;
    while (j < clicks.length && clicks[j]?.node === first.node && (clicks[j]?.t ?? 0) - first.t <= rageWindow)
      j++;
    if (j - i >= minClicks) {
      out.push({
        name: 'rage_click',
        index: first.index,
        timestamp: first.t,
        href: first.href,
        properties: {
          nodeId: first.node as JsonValue,
          clicks: j - i,
          painPoint: true,
          evidence: 'rage-click',
        },
      });
      i = j;
    } else i++;
  }
  for (const c of clicks) {
    if (!reactions.some((t) => t > c.t && t - c.t <= deadWindow)) {
      out.push({
        name: 'dead_click',
        index: c.index,
        timestamp: c.t,
        href: c.href,
        properties: {
          nodeId: c.node as JsonValue,
          painPoint: true,
          evidence: 'dead-click',
          windowMs: deadWindow,
        },
      });
    }
  }
  return out.sort((a, b) => a.timestamp - b.timestamp || a.index - b.index);
}

async function readEvents(input: FileInput): Promise<unknown[]> {
  if (typeof input === 'string') {
    const text = (await readFile(input, 'utf8')).trimStart();
    if (text.startsWith('[')) return JSON.parse(text) as unknown[];
  } else {
    let text = '';
    for await (const chunk of openInput(input)) text += String(chunk);
    if (text.trimStart().startsWith('[')) return JSON.parse(text) as unknown[];
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as unknown);
  }
  const out: unknown[] = [];
  for await (const { text } of readLines(input)) out.push(JSON.parse(text));
  return out;
}

const rrwebSourceSchema = z.strictObject({
  recordings: z.array(
    z.strictObject({
      input: fileInputOption,
      sessionId: z.string().min(1),
      customerId: z.string().min(1).optional(),
      anonymousId: z.string().min(1).optional(),
    }),
  ),
  rageClick: z
    .strictObject({
      minClicks: countOption(1000).min(2).optional(),
      windowMs: msOption.positive().optional(),
    })
    .optional(),
  deadClick: z.strictObject({ windowMs: msOption.positive().optional() }).optional(),
  lookbackMs: msOption.optional(),
});

/**
 * rrweb session-recording source: page views (`Meta` events) and clicks become interactions of the session;
 * rage clicks and dead clicks become `rage_click` / `dead_click` interactions with `painPoint: true` and the
 * evidence kind in properties, ready to back journey pain points. Touchpoint = the page path.
 *
 * @param options - Recordings and thresholds.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { rrwebSource, syncAll } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const events = [{ type: 4, data: { href: 'https://shop.example/cart', width: 390, height: 844 }, timestamp: 1717236000000 }];
 * const source = rrwebSource({ recordings: [{ input: () => Readable.from([JSON.stringify(events)]), sessionId: 's1', anonymousId: 'dev-1' }] });
 * console.log((await syncAll(source)).items[0]?.record.value.name); // 'page_view'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function rrwebSource(options: RrwebSourceOptions): Source {
  parseOptions(rrwebSourceSchema, options, 'rrwebSource');
  return {
    name: 'rrweb',
    lookbackMs: options.lookbackMs ?? 7 * 86_400_000,
    lagMs: 0,
    async *read(): AsyncGenerator<SourceMessage> {
      let cursor: CursorPosition | null = null;
      for (const recording of options.recordings) {
        let raw: unknown[];
        try {
          raw = await readEvents(recording.input);
        } catch (error) {
          yield {
            type: 'invalid',
            stream: 'recordings',
            raw: { sessionId: recording.sessionId },
            reason: `Recording ${recording.sessionId} is not rrweb JSON: ${(error as Error).message}`,
          };
          continue;
        }
        const events: RrwebEvent[] = [];
        raw.forEach((e, i) => {
          const ev = e as RrwebEvent;
          if (ev && typeof ev.type === 'number' && typeof ev.timestamp === 'number') events.push(ev);
          else events.push({ type: -1, timestamp: Number.NaN, data: { invalidIndex: i } });
        });
        for (const bad of events.filter((e) => e.type === -1)) {
          yield {
            type: 'invalid',
            stream: 'recordings',
            raw: raw[bad.data?.invalidIndex as number] ?? null,
            reason: `Recording ${recording.sessionId}: event without numeric type/timestamp`,
          };
        }
        for (const touch of rrwebTouches(
          events.filter((e) => e.type !== -1),
          options,
        )) {
          const time = new Date(touch.timestamp).toISOString();
          const id = `${recording.sessionId}:${touch.name}:${touch.index}`;
          const position = { time, id };
          if (cursor === null || compareCursor(position, cursor) > 0) cursor = position;
          let path: string | undefined;
          try {
            path = touch.href === null ? undefined : new URL(touch.href).pathname;
          } catch {
            path = undefined;
          }
          const candidate: ModelCandidate = {
            kind: 'interaction',
            value: compact({
              id,
              customerId: recording.customerId,
              anonymousId: recording.anonymousId,
              sessionId: recording.sessionId,
              timestamp: time,
              name: touch.name,
              channel: 'web',
              touchpointId: path,
              source: 'rrweb',
              properties: { ...touch.properties, ...(touch.href === null ? {} : { href: touch.href }) },
            }),
          };
          yield {
            type: 'record',
            stream: 'recordings',
            raw: touch,
            position,
            key: id,
            map: () => [candidate],
          };
        }
        yield { type: 'page', stream: 'recordings' };
      }
      yield { type: 'checkpoint', cursor };
    },
  };
}
