// Measures the example map from a generated year of the sample shop (seeded, so the numbers are reproducible).
import { type JourneyMap, measureMap } from '@cx/map';
import { createSampleShop } from '@cx/sample-data';

/** The window measured: the sample shop's year. */
export const MEASURED_WINDOW = { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } as const;

/** The map with every KPI that has a metric definition measured for the year and each quarter. */
export function measureMapFromSampleShop(map: JourneyMap, customers = 600): JourneyMap {
  const shop = createSampleShop({ seed: 2026, customers });
  return measureMap(
    map,
    {
      interactions: [...shop.interactions()],
      responses: [...shop.surveyResponses()],
      feedback: [...shop.feedback()],
    },
    { window: MEASURED_WINDOW, interval: 'quarter' },
  );
}
