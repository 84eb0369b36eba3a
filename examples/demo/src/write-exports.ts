// The sample shop's data written as the files a shop would export: orders, events and subscriptions as CSV, one
// CSV per survey (as a survey tool exports each form, its scale known from the form), feedback as CSV, and the
// designed journey map as JSON. Only the columns the report reads are written, into a folder the caller chooses
// (the demo uses a temporary one).
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMap, serializeMap } from '@cx/map';
import type { Scale, SurveyResponse } from '@cx/model';
import { createSampleShop, writeCsv } from '@cx/sample-data';

/** A file written, with its records and bytes. */
export interface WrittenFile {
  readonly name: string;
  readonly records: number;
  readonly bytes: number;
}

/** One survey's export: its file, and what the survey tool knows about it (metric and scale). */
export interface SurveyExport {
  readonly file: string;
  readonly surveyId: string;
  readonly metric: SurveyResponse['metric'];
  readonly scale: Scale;
}

/** What writeShopExports wrote. */
export interface ShopExports {
  readonly files: readonly WrittenFile[];
  readonly surveys: readonly SurveyExport[];
}

/** Writes the exports of a sample shop of `customers` customers (seeded, so the same every time). */
export async function writeShopExports(
  dir: string,
  { customers, seed }: { readonly customers: number; readonly seed: number },
): Promise<ShopExports> {
  const shop = createSampleShop({ seed, customers });
  const files: WrittenFile[] = [];
  const add = async (name: string, write: (path: string) => Promise<{ records: number }>) => {
    const path = join(dir, name);
    const { records } = await write(path);
    files.push({ name, records, bytes: (await stat(path)).size });
  };
  await add('orders.csv', (path) =>
    writeCsv(shop.orders(), path, {
      columns: ['id', 'customerId', 'orderedAt', 'amount', 'currency', 'status', 'channel'],
    }),
  );
  await add('events.csv', (path) =>
    writeCsv(shop.interactions(), path, {
      columns: ['id', 'customerId', 'anonymousId', 'timestamp', 'name', 'channel', 'stageId', 'touchpointId'],
    }),
  );
  // Survey responses are few (a fraction of customers answer), so they are grouped by survey in memory.
  const bySurvey = new Map<string, SurveyResponse[]>();
  for (const r of shop.surveyResponses()) {
    const list = bySurvey.get(r.surveyId);
    if (list === undefined) bySurvey.set(r.surveyId, [r]);
    else list.push(r);
  }
  const surveys: SurveyExport[] = [];
  for (const [surveyId, responses] of [...bySurvey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const first = responses[0] as SurveyResponse;
    const file = `survey-${surveyId}.csv`;
    surveys.push({ file, surveyId, metric: first.metric, scale: first.scale });
    await add(file, (path) =>
      writeCsv(responses, path, {
        columns: ['id', 'customerId', 'respondedAt', 'score', 'comment', 'language', 'stageId', 'weight'],
      }),
    );
  }
  await add('subscriptions.csv', (path) =>
    writeCsv(shop.subscriptions(), path, {
      columns: [
        'id',
        'customerId',
        'plan',
        'status',
        'startedAt',
        'endedAt',
        'cancelledAt',
        'amount',
        'currency',
        'billingInterval',
      ],
    }),
  );
  await add('feedback.csv', (path) =>
    writeCsv(shop.feedback(), path, {
      columns: [
        'id',
        'customerId',
        'text',
        'language',
        'source',
        'createdAt',
        'rating',
        'surveyResponseId',
        'stageId',
      ],
    }),
  );
  await add('journey-map.json', async (path) => {
    const map = parseMap({ formatVersion: 2, journey: shop.journey, personas: [...shop.personas] });
    await writeFile(path, serializeMap(map));
    return { records: map.journey.stages.length };
  });
  return { files, surveys };
}
