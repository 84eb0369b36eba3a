// NPS per survey wave from a CSV export, with adjusted-Wald intervals and a significance test of the change.
import { fileURLToPath } from 'node:url';
import { csvSource, type DeadLetter, memoryDeadLetters, syncAll } from '@cx/connectors';
import { compareNps, type NpsComparison, type NpsResult, nps } from '@cx/metrics';
import type { SurveyResponse } from '@cx/model';
import { formatTable } from './table.js';

/** The CSV shipped with the example: two quarterly waves of a post-purchase NPS survey. */
export const DEFAULT_CSV = fileURLToPath(new URL('../data/nps-waves.csv', import.meta.url));

/** NPS of one wave. */
export interface WaveNps {
  readonly wave: string;
  readonly result: NpsResult;
}

/** What the example computes. */
export interface NpsCsvReport {
  /** NPS per wave, in wave order. */
  readonly waves: readonly WaveNps[];
  /** Last wave minus first wave (adjusted-Wald z-test). */
  readonly change: NpsComparison;
  /** Rows that failed validation (kept, never dropped silently). */
  readonly rejected: readonly DeadLetter[];
  /** The printable result. */
  readonly text: string;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pts = (x: number | null | undefined) => (x == null ? '–' : (x > 0 ? '+' : '') + x.toFixed(1));

/**
 * Reads survey responses from a CSV file (`response_id, customer_id, wave, submitted_at, score, comment`),
 * computes NPS per wave with a 95 % adjusted-Wald interval and tests whether the change between the first and
 * the last wave is significant.
 */
export async function runNpsCsv(csvPath: string = DEFAULT_CSV): Promise<NpsCsvReport> {
  const deadLetters = memoryDeadLetters();
  const source = csvSource({
    input: { path: csvPath },
    mapping: {
      kind: 'surveyResponse',
      fields: {
        id: 'response_id',
        customerId: 'customer_id',
        respondedAt: 'submitted_at',
        score: 'score',
        comment: 'comment',
        surveyId: { value: 'nps-post-purchase' },
        metric: { value: 'nps' },
        scale: { value: { min: 0, max: 10 } },
      },
      properties: ['wave'], // kept in `properties`
    },
  });
  const { items } = await syncAll(source, { deadLetters });

  const byWave = new Map<string, SurveyResponse[]>();
  for (const item of items) {
    const response = item.record.value as SurveyResponse;
    const wave = String(response.properties.wave);
    byWave.set(wave, [...(byWave.get(wave) ?? []), response]);
  }
  const waves = [...byWave.keys()].sort().map((wave) => ({ wave, result: nps(byWave.get(wave) ?? []) }));
  const first = waves[0];
  const last = waves.at(-1);
  if (first === undefined || last === undefined || first === last)
    throw new Error(`Expected at least two waves in ${csvPath}, found ${waves.length}`);
  const change = compareNps(last.result, first.result);

  const rows = waves.map(({ wave, result }) => [
    wave,
    String(result.n),
    pct(result.shares?.promoters ?? 0),
    pct(result.shares?.passives ?? 0),
    pct(result.shares?.detractors ?? 0),
    pts(result.score),
    `${pts(result.interval?.lower)} … ${pts(result.interval?.upper)}`,
  ]);
  const text = [
    formatTable(['wave', 'n', 'promoters', 'passives', 'detractors', 'NPS', '95% CI (adj. Wald)'], rows),
    '',
    `Change ${last.wave} vs ${first.wave}: ${pts(change.difference)} points, 95% CI ${pts(change.interval?.lower)} … ${pts(change.interval?.upper)}, ` +
      `z = ${change.z?.toFixed(2)}, p = ${change.pValue?.toFixed(4)}: ${change.significant ? 'significant' : 'not significant'} at α = 0.05`,
    `Rejected rows: ${deadLetters.letters.length}`,
    ...deadLetters.letters.map(
      (l) =>
        `  ${l.key ?? '?'}: ${l.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') || l.reason}`,
    ),
  ].join('\n');
  return { waves, change, rejected: deadLetters.letters, text };
}
