import type { DiffCollection, MapChange } from './diff.js';

const NOUNS: Readonly<Record<DiffCollection, string>> = {
  map: 'map',
  journey: 'journey',
  stages: 'stage',
  steps: 'step',
  touchpoints: 'touchpoint',
  painPoints: 'pain point',
  improvementActions: 'improvement action',
  momentsOfTruth: 'moment of truth',
  opportunities: 'opportunity',
  desiredActions: 'desired action',
  completedActions: 'completed action',
  personas: 'persona',
  scenarios: 'scenario',
  emotionCurves: 'emotion curve of persona',
  thoughts: 'thought',
  blueprint: 'blueprint action',
  kpis: 'KPI',
  measurements: 'measurement',
  lanes: 'lane',
};

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function title(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const v = value as Record<string, unknown>;
  const labels = (Object.hasOwn(v, 'labels') ? v.labels : undefined) as Record<string, unknown> | undefined;
  const own = (key: string) => (Object.hasOwn(v, key) ? v[key] : undefined);
  const name = own('name') ?? own('title') ?? labels?.en ?? own('description') ?? own('text');
  return typeof name === 'string' ? ` "${name}"` : '';
}

/**
 * Formats the changes from {@link diffMaps} as a human-readable Markdown changelog, one bullet per change.
 *
 * @param changes - Changes from {@link diffMaps}.
 * @returns Markdown text ending in a newline; `No changes.\n` when the list is empty.
 * @example
 * ```ts
 * import { formatChangelog } from '@cx/map';
 * console.log(formatChangelog([{ kind: 'moved', collection: 'stages', id: 'use', fromIndex: 2, toIndex: 1 }]));
 * // '- Moved stage `use` from position 3 to 2\n'
 * ```
 * @category Diff
 * @since 0.1.0
 */
export function formatChangelog(changes: readonly MapChange[]): string {
  if (changes.length === 0) return 'No changes.\n';
  const lines = changes.map((c) => {
    const noun = NOUNS[c.collection];
    const what = c.collection === 'map' ? 'map' : `${noun} \`${c.id}\``;
    if (c.kind === 'added') return `- Added ${what}${title(c.after)}`;
    if (c.kind === 'removed') return `- Removed ${what}${title(c.before)}`;
    if (c.kind === 'moved') return `- Moved ${what} from position ${c.fromIndex + 1} to ${c.toIndex + 1}`;
    return `- Changed ${what}: \`${c.field}\` ${show(c.before)} → ${show(c.after)}`;
  });
  return `${lines.join('\n')}\n`;
}
