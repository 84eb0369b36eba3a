import {
  type RfmCustomer,
  type RfmSummary,
  type RfmSummaryOptions,
  rfmSummary,
  TIME_UNIT_DAYS,
} from '@cx/metrics';
import { CxValidationError, parseInstant } from '@cx/model';
import { z } from 'zod';
import { parseSettings } from '../engine/settings.js';
import type { FieldSource, InstantSource, TableName } from '../mapping/column.js';
import { fieldSourceSchema, instantSourceSchema, tableNameSchema } from '../mapping/column.js';
import { epochMs, fieldText, floatType, tableRef, textType } from '../mapping/expressions.js';
import { WarehouseQuery } from '../query.js';
import { localDayNumber } from '../sql/calendar.js';
import type { Dialect } from '../sql/dialect.js';
import { ident, type SqlFragment, sql } from '../sql/fragment.js';
import { type ZoneOffsets, zoneOffsets } from '../sql/zone.js';

/**
 * Transactions (orders, purchases) in a table, declared once: the `Transaction` of `@cx/metrics`.
 *
 * @category Mapping
 * @since 0.1.0
 */
export interface TransactionTable {
  /** The table or view. */
  readonly table: TableName;
  /** The customer. */
  readonly customerId: FieldSource;
  /** When the transaction happened. */
  readonly at: InstantSource;
  /** Amount column (numeric); without it every amount is 0. */
  readonly amount?: string;
  /** Transaction id: repeated ids are counted once (the first by `order`). */
  readonly id?: FieldSource;
  /** Order of rows for duplicates (an ingestion sequence); default none. */
  readonly order?: string;
}

const transactionTableSchema = z.strictObject({
  table: tableNameSchema,
  customerId: fieldSourceSchema,
  at: instantSourceSchema,
  amount: z.string().min(1).optional(),
  id: fieldSourceSchema.optional(),
  order: z.string().min(1).optional(),
});

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a calendar date (checked by `rfmSummary`'s options), read as `rfmSummary` reads it. */
function dayOf(date: string): number {
  return parseInstant(date, { timeZone: 'UTC' }) / MS_PER_DAY;
}

/** The transaction rows as `cust`, `ms`, `amount`, `id`, `ord` (internal). */
function transactionRows(t: TransactionTable, d: Dialect): SqlFragment {
  const f = floatType(d);
  const amount = t.amount === undefined ? sql`CAST(0 AS ${f})` : sql`CAST(${ident(t.amount)} AS ${f})`;
  const order = t.order === undefined ? sql`CAST(NULL AS ${f})` : sql`CAST(${ident(t.order)} AS ${f})`;
  return sql`SELECT ${fieldText(t.customerId, d)} AS cust, ${epochMs(t.at, d)} AS ms, ${amount} AS amount, ${fieldText(t.id, d)} AS id, ${order} AS ord FROM ${tableRef(t.table)}`;
}

function rfmSql(
  t: TransactionTable,
  o: RfmSummaryOptions,
  d: Dialect,
  offsets: ZoneOffsets | null,
): SqlFragment {
  const f = floatType(d);
  const calEnd = dayOf(o.calibrationEnd);
  const lastDay = o.holdoutEnd === undefined ? calEnd : dayOf(o.holdoutEnd);
  const rows = transactionRows(t, d);
  const deduped =
    t.id === undefined
      ? sql`SELECT cust, ms, amount, 1 AS dup FROM (${rows}) r`
      : sql`SELECT cust, ms, amount, CASE WHEN id IS NULL THEN 1 ELSE row_number() OVER (PARTITION BY id ORDER BY ord, ms) END AS dup FROM (${rows}) r`;
  const days = sql`SELECT cust, day, sum(amount) AS amount FROM (SELECT cust, ${localDayNumber(sql`ms`, o.timeZone ?? 'UTC', d, offsets)} AS day, amount FROM valid WHERE dup = 1) x WHERE day <= ${lastDay} GROUP BY cust, day`;
  const customers = sql`SELECT cust, min(day) AS first_day, max(CASE WHEN day <= ${calEnd} THEN day END) AS last_cal, sum(CASE WHEN day <= ${calEnd} THEN 1 ELSE 0 END) AS cal_days, sum(CASE WHEN day <= ${calEnd} THEN amount ELSE 0 END) AS cal_amount, sum(CASE WHEN day > ${calEnd} THEN 1 ELSE 0 END) AS hold_days, sum(CASE WHEN day > ${calEnd} THEN amount ELSE 0 END) AS hold_amount FROM days GROUP BY cust`;
  const firstAmount = sql`SELECT d.cust AS cust, d.amount AS first_amount FROM days d JOIN (SELECT cust, min(day) AS first_day FROM days GROUP BY cust) m ON m.cust = d.cust AND m.first_day = d.day`;
  const txt = textType(d);
  return sql`WITH r AS (${rows}), bad AS (SELECT count(*) AS n FROM r WHERE cust IS NULL OR cust = '' OR ms IS NULL OR amount IS NULL OR NOT (amount >= 0)), valid AS (${deduped}), days AS (${days}), cs AS (${customers}), fa AS (${firstAmount}) SELECT CAST('customer' AS ${txt}) AS kind, cs.cust AS cust, CAST(cs.first_day AS ${f}) AS first_day, CAST(cs.last_cal AS ${f}) AS last_cal, CAST(cs.cal_days AS ${f}) AS cal_days, CAST(cs.cal_amount - fa.first_amount AS ${f}) AS repeat_amount, CAST(cs.hold_days AS ${f}) AS hold_days, CAST(cs.hold_amount AS ${f}) AS hold_amount FROM cs JOIN fa ON fa.cust = cs.cust UNION ALL SELECT CAST('counts' AS ${txt}), CAST(NULL AS ${txt}), CAST((SELECT count(*) FROM valid WHERE dup > 1) AS ${f}), CAST((SELECT count(*) FROM valid v WHERE dup = 1 AND ${localDayNumber(sql`v.ms`, o.timeZone ?? 'UTC', d, offsets)} > ${lastDay}) AS ${f}), CAST((SELECT n FROM bad) AS ${f}), CAST(NULL AS ${f}), CAST(NULL AS ${f}), CAST(NULL AS ${f})`;
}

/** Checks a transaction table mapping (internal). */
export function transactionTable(table: unknown): TransactionTable {
  return parseSettings(transactionTableSchema, table, 'transactionTable') as TransactionTable;
}

/**
 * The RFM summary of `@cx/metrics` (`rfmSummary`: frequency, recency and T per customer, monetary value of
 * repeat purchases, holdout counts) computed by an engine from a transaction table; feed it to `fitBgNbd`,
 * `fitParetoNbd` and `fitGammaGamma` as in process. The engine returns one row per customer: the per-customer
 * summary the models need.
 *
 * @param transactions - The transaction table.
 * @param options - The options of `rfmSummary` (calibration end, holdout end, time unit, time zone).
 * @returns The query; `run(engine)` gives the summary.
 * @throws {@link @cx/model!CxOptionsError} for invalid options or mapping;
 *   {@link @cx/model!CxValidationError} at run time for rows without a
 *   customer or instant, or with a negative amount.
 * @example
 * ```ts
 * import { duckdbEngine, rfmSummaryQuery, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE orders AS SELECT * FROM (VALUES
 *   ('c1', TIMESTAMPTZ '2026-01-01 10:00:00+00', 20.0), ('c1', TIMESTAMPTZ '2026-01-08 10:00:00+00', 30.0)) v(customer, ts, total)`);
 * const summary = await rfmSummaryQuery(
 *   { table: 'orders', customerId: 'customer', at: 'ts', amount: 'total' }, { calibrationEnd: '2026-01-29', timeUnit: 'week' },
 * ).run(engine);
 * console.log(summary.customers); // [ { customerId: 'c1', frequency: 1, recency: 1, T: 4, monetaryValue: 30 } ]
 * await engine.close();
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function rfmSummaryQuery(
  transactions: TransactionTable,
  options: RfmSummaryOptions,
): WarehouseQuery<RfmSummary> {
  const t = parseSettings(transactionTableSchema, transactions, 'transactionTable') as TransactionTable;
  const empty = rfmSummary([], options);
  const unitDays = TIME_UNIT_DAYS[empty.timeUnit];
  return WarehouseQuery.custom(
    'rfm summary',
    (d) => rfmSql(t, options, d, null),
    async (engine) => {
      // One pass for the time range, then local days from the zone's offsets over it (the calendar of @cx/model).
      const [range] = await engine.query(
        sql`SELECT min(ms) AS lo, max(ms) AS hi FROM (${transactionRows(t, engine.dialect)}) r`,
      );
      const lo = range?.lo;
      const hi = range?.hi;
      // Without rows any offsets do (none is read): those of the epoch's day.
      const offsets =
        typeof lo === 'number' && typeof hi === 'number'
          ? zoneOffsets(options.timeZone ?? 'UTC', lo - 1, hi)
          : zoneOffsets(options.timeZone ?? 'UTC', 0, 0);
      const rows = await engine.query(rfmSql(t, options, engine.dialect, offsets));
      const counts = rows.find((r) => r.kind === 'counts');
      const bad = (counts?.cal_days as number) ?? 0;
      if (bad > 0) {
        throw new CxValidationError([
          {
            path: ['transactions'],
            message: `${bad} transaction row(s) without a customer or instant, or with a negative amount`,
            code: 'invalid_entry',
          },
        ]);
      }
      const calEnd = dayOf(options.calibrationEnd);
      const holdoutEnd = options.holdoutEnd === undefined ? undefined : dayOf(options.holdoutEnd);
      let late = 0;
      const customers: RfmCustomer[] = [];
      for (const r of rows) {
        if (r.kind !== 'customer') continue;
        const first = r.first_day as number;
        if (first > calEnd) {
          late++;
          continue;
        }
        const frequency = (r.cal_days as number) - 1;
        const row: RfmCustomer = {
          customerId: String(r.cust),
          frequency,
          recency: frequency === 0 ? 0 : ((r.last_cal as number) - first) / unitDays,
          T: (calEnd - first) / unitDays,
          monetaryValue: frequency === 0 ? 0 : (r.repeat_amount as number) / frequency,
        };
        const holdDays = r.hold_days as number;
        customers.push(
          holdoutEnd === undefined
            ? row
            : {
                ...row,
                frequencyHoldout: holdDays,
                monetaryValueHoldout: holdDays === 0 ? 0 : (r.hold_amount as number) / holdDays,
                durationHoldout: (holdoutEnd - calEnd) / unitDays,
              },
        );
      }
      customers.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
      return {
        customers,
        timeUnit: empty.timeUnit,
        excluded: {
          duplicates: (counts?.first_day as number) ?? 0,
          afterEnd: (counts?.last_cal as number) ?? 0,
          customersFirstSeenAfterCalibration: late,
        },
      };
    },
  );
}
