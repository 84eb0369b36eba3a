// Recipe: a journey map from a spreadsheet (saved as CSV): stages across, one row per lane.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromCsv, type JourneyMap, type MapLoss, toMermaid } from '@cx/map';

const SHEET = fileURLToPath(new URL('../data/journey-map.csv', import.meta.url));

/** The map, what the CSV could not carry, and its text. */
export interface JourneyMapRecipe {
  readonly map: JourneyMap;
  readonly losses: readonly MapLoss[];
  readonly mermaid: string;
  readonly text: string;
}

/** Reads the sheet (header `Lane,<stage>,…`; rows `Steps`, `Emotion: <persona>`, `Pain points` …). */
export function journeyMapFromSpreadsheet(path = SHEET): JourneyMapRecipe {
  // #region journey-map
  const { value: map, losses } = fromCsv(readFileSync(path, 'utf8'), {
    journeyId: 'shop',
    name: 'Shop journey',
  });
  const mermaid = toMermaid(map).value;
  // #endregion journey-map
  const lines = [
    `Journey map "${map.journey.name}": ${map.journey.stages.length} stages, ${map.journey.steps.length} steps`,
    ...map.emotionCurves.map(
      (c) =>
        `  emotion of ${c.personaId}: ${c.points.map((p) => (p.emotion === undefined ? '–' : `${p.emotion >= 0 ? '+' : ''}${p.emotion}`)).join(' → ')}`,
    ),
    ...map.journey.painPoints.map((p) => `  pain point (${p.severity}, ${p.stageId}): ${p.description}`),
    ...losses.map((l) => `  note: ${l.message}`),
    '',
    mermaid.trimEnd(),
  ];
  return { map, losses, mermaid, text: lines.join('\n') };
}
