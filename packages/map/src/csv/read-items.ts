// Readers of the items of each lane kind in the spreadsheet layout (see grid/items.ts for the grammar).
import { KNOWN_CHANNELS } from '@cx/model';
import { FREQUENCIES } from '../format/journey.js';
import { DATE_PATTERN } from '../format/strings.js';
import { parseItem, splitList } from '../grid/items.js';

const CUSTOM_CHANNEL = /^custom:[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CHANNELS = new Set<string>(KNOWN_CHANNELS);
const LEVEL3 = new Set(['low', 'medium', 'high']);
const LEVEL4 = new Set(['low', 'medium', 'high', 'critical']);
const FREQUENCY = new Set<string>(FREQUENCIES);
const SCENARIO = new Set(['as-is', 'to-be']);
const KINDS = new Set(['zero', 'first', 'second', 'ultimate']);
const STATUS = new Set(['open', 'in-progress', 'done', 'dropped']);
const EMOTION = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** An item reader's result: the fields read, or what is wrong with the item. @internal */
export type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (error: string): Read<never> => ({ ok: false, error });
const q = JSON.stringify;

function enumGroup(
  groups: ReadonlyMap<string, string>,
  key: string,
  allowed: ReadonlySet<string>,
): string | undefined | Error {
  const value = groups.get(key);
  if (value === undefined || allowed.has(value)) return value;
  return new Error(`(${key}: ${value}) is not one of ${[...allowed].join(', ')}`);
}

/** Reads the enumerated groups `keys` of an item; the first bad one is an error. */
function enums(
  groups: ReadonlyMap<string, string>,
  spec: Readonly<Record<string, ReadonlySet<string>>>,
): Record<string, string | undefined> | string {
  const out: Record<string, string | undefined> = {};
  for (const [key, allowed] of Object.entries(spec)) {
    const value = enumGroup(groups, key, allowed);
    if (value instanceof Error) return value.message;
    out[key] = value;
  }
  return out;
}

/** @internal */
export function readNamed(item: string, keys: readonly string[]) {
  const { body, groups } = parseItem(item, new Set([...keys, 'scenario']));
  const e = enums(groups, { scenario: SCENARIO });
  if (typeof e === 'string') return bad(e);
  if (body === '') return bad(`expected a name before the groups in ${q(item)}`);
  return ok({ name: body, scenario: e.scenario as 'as-is' | 'to-be' | undefined, groups });
}

/** `Name (channel)`. @internal */
export function readTouchpoint(item: string) {
  const { body, groups } = parseItem(
    item,
    new Set(['scenario']),
    (v) => CHANNELS.has(v) || CUSTOM_CHANNEL.test(v),
  );
  const channel = groups.get('');
  if (channel === undefined || body === '')
    return bad(`expected "Name (channel)" with a known channel or custom:<slug>, found ${q(item)}`);
  const e = enums(groups, { scenario: SCENARIO });
  if (typeof e === 'string') return bad(e);
  return ok({ name: body, channel, scenario: e.scenario as 'as-is' | 'to-be' | undefined });
}

/** `Name (kind) (step: …)`. @internal */
export function readMoment(item: string) {
  const { body, groups } = parseItem(item, new Set(['step', 'scenario']), (v) => KINDS.has(v));
  const e = enums(groups, { scenario: SCENARIO });
  if (typeof e === 'string') return bad(e);
  if (body === '') return bad(`expected a name in ${q(item)}`);
  return ok({
    name: body,
    kind: groups.get(''),
    step: groups.get('step'),
    scenario: e.scenario as 'as-is' | 'to-be' | undefined,
  });
}

/** `[severity] description (step: …) (frequency: …) (impact: …) (personas: …) (owner: …)`. @internal */
export function readPainPoint(item: string) {
  const { body, groups } = parseItem(
    item,
    new Set(['step', 'frequency', 'impact', 'personas', 'owner', 'scenario']),
  );
  const close = body.indexOf('] ');
  const severity = body.startsWith('[') && close > 0 ? body.slice(1, close) : '';
  const description = close > 0 ? body.slice(close + 2) : '';
  if (!LEVEL4.has(severity) || description === '')
    return bad(`expected "[low|medium|high|critical] description (owner: …)", found ${q(item)}`);
  const e = enums(groups, { frequency: FREQUENCY, impact: LEVEL4, scenario: SCENARIO });
  if (typeof e === 'string') return bad(e);
  const personas = groups.get('personas');
  return ok({
    severity,
    description,
    step: groups.get('step'),
    frequency: e.frequency,
    businessImpact: e.impact,
    personas: personas === undefined ? [] : splitList(personas),
    owner: groups.get('owner'),
    scenario: e.scenario as 'as-is' | 'to-be' | undefined,
  });
}

/** `Name (events: a, b)` (and `(for: desired action)` for completed actions). @internal */
export function readAction(item: string, completed: boolean) {
  const { body, groups } = parseItem(item, new Set(completed ? ['for', 'events'] : ['events']));
  const events = groups.get('events');
  if (body === '' || events === undefined || events === '')
    return bad(`expected "Name (events: interaction, …)", found ${q(item)}`);
  return ok({ name: body, events: splitList(events), for: groups.get('for') });
}

/** `description (step: …) (impact: …) (effort: …) (priority: …) (owner: …)`. @internal */
export function readOpportunity(item: string) {
  const { body, groups } = parseItem(item, new Set(['step', 'impact', 'effort', 'priority', 'owner']));
  const e = enums(groups, { impact: LEVEL3, effort: LEVEL3, priority: LEVEL4 });
  if (typeof e === 'string') return bad(e);
  if (body === '') return bad(`expected a description in ${q(item)}`);
  return ok({
    description: body,
    step: groups.get('step'),
    impact: e.impact,
    effort: e.effort,
    priority: e.priority,
    owner: groups.get('owner'),
  });
}

/** `Title — owner, due YYYY-MM-DD (status)`. @internal */
export function readImprovement(item: string) {
  const { body, groups } = parseItem(item, new Set(), (v) => STATUS.has(v));
  const format = `expected "Title — owner, due YYYY-MM-DD (status)", found ${q(item)}`;
  const due = body.slice(-16);
  const date = due.slice(6);
  if (!due.startsWith(', due ') || !DATE_PATTERN.test(date)) return bad(format);
  const head = body.slice(0, -16);
  const dash = head.lastIndexOf(' — ');
  if (dash <= 0 || dash + 3 >= head.length) return bad(format);
  return ok({
    title: head.slice(0, dash),
    owner: head.slice(dash + 3),
    dueDate: date,
    status: groups.get('') ?? 'open',
  });
}

/** An emotion value: `+1`, `-1.5 (anxious, rushed)`, `(calm)` or `–` / empty for none. @internal */
export function readEmotion(item: string): Read<{ emotion?: number; words: string[] } | undefined> {
  const text = item.trim();
  if (text === '–' || text === '-' || text === '') return ok(undefined);
  let number = text;
  let words: string[] = [];
  const open = text.indexOf('(');
  if (open >= 0) {
    if (!text.endsWith(')')) return bad(`expected "<emotion> (word, …)", found ${q(item)}`);
    words = splitList(text.slice(open + 1, -1));
    number = text.slice(0, open).trim();
    if (words.some((w) => w === '')) return bad(`expected words separated by ", " in ${q(item)}`);
  }
  if (number === '') return ok({ words });
  if (!EMOTION.test(number)) return bad(`expected an emotion from -2 to +2 or "–", found ${q(item)}`);
  // The text matched a plain decimal number just above.
  const emotion = Number.parseFloat(number);
  if (emotion < -2 || emotion > 2) return bad(`expected an emotion from -2 to +2, found ${q(item)}`);
  return ok({ emotion: emotion === 0 ? 0 : emotion, words });
}
