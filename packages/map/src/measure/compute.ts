// The one place where @cx/map calls the engines of @cx/metrics, @cx/stats and @cx/text. A warehouse engine that
// reads the same metric definitions computes the same numbers from the same records.
import { csat, funnel, nps } from '@cx/metrics';
import { type Feedback, type Interaction, MS_PER_DAY, type SurveyResponse } from '@cx/model';
import { analyzeSentiment } from '@cx/text';
import type { MapJourney } from '../format/document.js';
import type { MetricDefinition } from '../format/metric-definition.js';
import type { KpiStatistic } from './kpi-value.js';
import { between, inScope, type Timed, timedBetween } from './records.js';

/** The records of a measurement run, each list sorted by time. @internal */
export interface Records {
  readonly interactions: ReadonlyArray<Timed<Interaction>>;
  readonly responses: ReadonlyArray<Timed<SurveyResponse>>;
  readonly feedback: ReadonlyArray<Timed<Feedback>>;
}

/**
 * Computes one metric definition over `[from, to)`:
 * - NPS: `nps` of @cx/metrics on the NPS responses of the scope (adjusted-Wald interval), in points;
 * - CSAT: `csat` of @cx/metrics (share satisfied, top-2-box by default), in percent;
 * - conversion: the desired action's attempts in the window and completions within `withinDays`, by the
 *   `funnel` of @cx/metrics (unique customers), with a Wilson interval from @cx/stats;
 * - drop-off: 1 − the funnel conversion from the first stage to the second within `withinDays`;
 * - volume: a count of the scope's records;
 * - sentiment share: share of the scope's scored feedback whose `analyzeSentiment` label (@cx/text) is `label`.
 *
 * @internal
 */
export function compute(
  definition: MetricDefinition,
  journey: MapJourney,
  records: Records,
  from: number,
  to: number,
  level: number,
): KpiStatistic {
  switch (definition.kind) {
    case 'nps':
    case 'csat': {
      const responses = between(records.responses, from, to).filter(
        (r) =>
          r.metric === definition.kind &&
          inScope(r, definition.scope) &&
          (definition.surveyId === undefined || r.surveyId === definition.surveyId),
      );
      if (responses.length === 0) return { kind: 'none' };
      return definition.kind === 'nps'
        ? { kind: 'nps', result: nps(responses, { level }) }
        : { kind: 'csat', result: csat(responses, { positive: definition.positive, level }) };
    }
    case 'conversion': {
      const action = journey.desiredActions.find((d) => d.id === definition.desiredActionId)!;
      const completion = journey.completedActions
        .filter((c) => c.desiredActionId === action.id)
        .flatMap((c) => c.interactionNames);
      if (completion.length === 0) return { kind: 'none' };
      const within = definition.withinDays * MS_PER_DAY;
      const attempts = new Set(action.interactionNames);
      // Attempts in the window; completions up to `withinDays` after it ends.
      const events = timedBetween(records.interactions, from, to + within)
        .filter((t) => !attempts.has(t.record.name) || t.ms < to)
        .map((t) => t.record);
      const result = funnel(events, {
        steps: [
          {
            name: action.interactionNames,
            ...(action.touchpointId === undefined ? {} : { touchpointId: action.touchpointId }),
          },
          { name: completion },
        ],
        window: { days: definition.withinDays },
      });
      return { kind: 'share', count: result.converted, n: result.entered };
    }
    case 'drop-off': {
      const within = definition.withinDays * MS_PER_DAY;
      const events = timedBetween(records.interactions, from, to + within)
        .filter((t) => t.record.stageId !== definition.fromStageId || t.ms < to)
        .map((t) => t.record);
      const result = funnel(events, {
        steps: [{ stageId: definition.fromStageId }, { stageId: definition.toStageId }],
        window: { days: definition.withinDays },
      });
      return { kind: 'share', count: result.entered - result.converted, n: result.entered };
    }
    case 'volume': {
      const names =
        definition.interactionNames === undefined ? undefined : new Set(definition.interactionNames);
      const list =
        definition.of === 'interactions'
          ? between(records.interactions, from, to).filter((i) => names === undefined || names.has(i.name))
          : definition.of === 'responses'
            ? between(records.responses, from, to)
            : between(records.feedback, from, to);
      const n = list.filter((r) => inScope(r, definition.scope)).length;
      return { kind: 'count', n };
    }
    case 'sentiment-share': {
      let n = 0;
      let count = 0;
      for (const f of between(records.feedback, from, to)) {
        if (!inScope(f, definition.scope)) continue;
        const label = analyzeSentiment(
          f.text,
          f.language === undefined ? {} : { language: f.language },
        ).label;
        if (label === null) continue;
        n++;
        if (label === definition.label) count++;
      }
      return { kind: 'share', count, n };
    }
  }
}
