// The data-driven journey map: the designed journey of the sample shop, one measured emotion curve per persona
// (mean sentiment of what that persona's customers wrote at each stage, on −2…+2), and the measured NPS,
// CSAT, conversion and volume of every stage attached to the KPI lane.
import { attachMeasurements, type JourneyMap, type MeasurementInput } from '@cx/map';
import type { Customer, Journey, Persona } from '@cx/model';
import type { Analysis } from './analyse.js';

/** Builds the measured map from the designed journey and the analysis. */
export function buildMap(
  journey: Journey,
  personas: readonly Persona[],
  customers: readonly Customer[],
  analysis: Analysis,
  window: { from: string; to: string },
): JourneyMap {
  const personaOf = new Map(customers.map((c) => [c.id, c.personaId]));
  const sums = new Map<string, { sum: number; n: number }>();
  for (const { feedback, sentiment } of analysis.sentiments) {
    const persona = feedback.customerId === undefined ? undefined : personaOf.get(feedback.customerId);
    if (persona === undefined || feedback.stageId === undefined || sentiment.score === null) continue;
    const key = `${persona}|${feedback.stageId}`;
    const entry = sums.get(key) ?? { sum: 0, n: 0 };
    entry.sum += sentiment.score;
    entry.n += 1;
    sums.set(key, entry);
  }
  const firstStepOfStage = new Map<string, string>();
  for (const step of journey.steps)
    if (!firstStepOfStage.has(step.stageId)) firstStepOfStage.set(step.stageId, step.id);
  const emotionCurves = personas.map((persona) => ({
    personaId: persona.id,
    points: journey.stages.flatMap((stage) => {
      const stepId = firstStepOfStage.get(stage.id);
      const entry = sums.get(`${persona.id}|${stage.id}`);
      if (stepId === undefined || entry === undefined || entry.n < 3) return [];
      // Sentiment scores lie on −1…+1; the map's emotion scale is −2…+2.
      return [
        { stepId, emotion: Math.round(Math.max(-2, Math.min(2, (2 * entry.sum) / entry.n)) * 100) / 100 },
      ];
    }),
  }));

  const measurements: MeasurementInput[] = [];
  for (const group of analysis.npsByStage) {
    if (group.key === null || group.result.n === 0) continue;
    measurements.push({
      id: `nps-${group.key}`,
      metric: 'nps',
      value: round(group.result.score),
      n: group.result.n,
      ...(group.result.interval === null
        ? {}
        : {
            confidenceInterval: {
              lower: round(group.result.interval.lower),
              upper: round(group.result.interval.upper),
              level: group.result.interval.level,
            },
          }),
      window,
      stageId: group.key,
      source: '@cx/metrics nps, adjusted-Wald interval',
    });
  }
  for (const group of analysis.csatByStage) {
    if (group.key === null || group.result.n === 0) continue;
    measurements.push({
      id: `csat-${group.key}`,
      metric: 'csat',
      // CSAT is a share 0–1; the map shows it in percent.
      value: round(group.result.score === null ? null : 100 * group.result.score),
      n: group.result.n,
      unit: '%',
      window,
      stageId: group.key,
      source: '@cx/metrics csat, top-2-box',
    });
  }
  for (const stage of analysis.health) {
    measurements.push({
      id: `volume-${stage.stageId}`,
      metric: 'volume',
      value: stage.reached,
      n: stage.reached,
      window,
      stageId: stage.stageId,
      source: 'customers who reached the stage',
    });
    if (stage.conversionToNext !== null) {
      measurements.push({
        id: `conversion-${stage.stageId}`,
        metric: 'conversion',
        value: round(stage.conversionToNext, 3),
        n: stage.reached,
        window,
        stageId: stage.stageId,
        source: '@cx/metrics stageHealth',
      });
    }
  }
  return attachMeasurements(
    { formatVersion: 2, journey, personas: [...personas], emotionCurves },
    measurements,
  );
}

function round(value: number | null, digits = 1): number {
  const f = 10 ** digits;
  return Math.round((value ?? 0) * f) / f;
}
