import type { BlueprintAction, LaneKind, Scenario } from '../format/document.js';
import { BLUEPRINT_LAYERS } from '../format/parts.js';
import { LANE_LABELS, LAYER_LABELS } from '../grid/rows.js';

/** What a CSV row is, from its label in the first column. @internal */
export type RowKind =
  | { readonly kind: Exclude<LaneKind, 'emotions' | 'thoughts' | 'blueprint' | 'notes'> }
  | { readonly kind: 'emotions'; readonly who: string | null; readonly scenario?: Scenario }
  | { readonly kind: 'thoughts'; readonly who: string | null }
  | { readonly kind: 'blueprint'; readonly layer: BlueprintAction['layer'] }
  | { readonly kind: 'notes'; readonly label: string | undefined };

const BY_LABEL = new Map(
  Object.entries(LANE_LABELS)
    .filter(([kind]) => kind !== 'emotions' && kind !== 'blueprint')
    .map(([kind, label]) => [label.toLowerCase(), kind as LaneKind]),
);
const LAYERS = new Map(BLUEPRINT_LAYERS.map((layer) => [LAYER_LABELS[layer], layer]));

/** The text after `prefix:` when `label` starts with it (case-insensitive), else undefined. */
function after(label: string, prefix: string): string | undefined {
  return label.toLowerCase().startsWith(`${prefix}:`) ? label.slice(prefix.length + 1).trim() : undefined;
}

/**
 * Classifies a row by its label: the default lane labels of {@link LANE_LABELS} (any case, surrounding spaces
 * ignored), `Emotion: expected`, `Emotion: <persona> [to-be]`, `Thoughts: <persona>`, `Blueprint: <layer>`,
 * `KPIs (<window>)`; any other label is a notes lane labelled so.
 *
 * @internal
 */
export function classifyRow(raw: string): RowKind {
  const label = raw.trim();
  const lower = label.toLowerCase();
  const emotion = after(label, 'emotion');
  if (emotion !== undefined) {
    if (emotion.toLowerCase() === 'expected') return { kind: 'emotions', who: null };
    const scenario = /\[(as-is|to-be)\]$/.exec(emotion);
    return scenario
      ? {
          kind: 'emotions',
          who: emotion.slice(0, -scenario[0].length).trimEnd(),
          scenario: scenario[1] as Scenario,
        }
      : { kind: 'emotions', who: emotion };
  }
  const thoughts = after(label, 'thoughts');
  if (thoughts !== undefined) return { kind: 'thoughts', who: thoughts };
  const layer = after(label, 'blueprint');
  if (layer !== undefined) {
    const found = LAYERS.get(layer.toLowerCase());
    if (found !== undefined) return { kind: 'blueprint', layer: found };
  }
  if (lower.startsWith('kpis (') && lower.endsWith(')')) return { kind: 'kpis' };
  const kind = BY_LABEL.get(lower);
  if (kind === 'notes') return { kind: 'notes', label: undefined };
  if (kind === 'thoughts') return { kind: 'thoughts', who: null };
  if (kind !== undefined) return { kind } as RowKind;
  return { kind: 'notes', label };
}
