import { csat } from '@cx/metrics';
import { STANDARD_SCALES } from '@cx/model';
const base = { surveyId: 's', metric: 'csat' as const, scale: STANDARD_SCALES.csat, properties: {} };
for (const unit of [1e-310, 1e-320, 2e-323, 1e-307]) {
  const responses = [5, 4, 2, 1, 3, 5].map((score, i) => ({ ...base, id: `r${i}`, score, weight: unit * (1 + (i % 3)), respondedAt: '2026-01-01T00:00:00Z' }));
  try { console.log(unit, csat(responses).score); } catch (e) { console.log(unit, String(e)); }
}
