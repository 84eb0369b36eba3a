import * as warehouse from '@cx/warehouse';
import type { PackageContract } from '../kit/types.js';

const survey = { table: 'responses', score: 'score' };
const events = {
  table: 'events',
  timestamp: 'ts',
  fields: { customerId: 'user', name: 'event', channel: 'channel' },
};
const subs = {
  table: 'subs',
  customerId: 'customer',
  startedAt: 'started',
  amount: 'price',
  currency: { constant: 'EUR' },
  billingInterval: { constant: 'month' },
};
const async =
  'async: its settings are checked with the same strict schemas, the error is a rejected promise (tested in packages/warehouse)';
const query = 'checks its mapping with the mapping functions above and its metric options with @cx/metrics';

export const warehouseContract: PackageContract = {
  pkg: '@cx/warehouse',
  module: warehouse,
  options: [
    {
      name: 'surveyResponseTable',
      call: (o) => warehouse.surveyResponseTable(o as never),
      valid: { ...survey, weight: 'w' },
      typoOf: 'weight',
      outOfRange: [{ score: '' }, { table: [] }],
      optionsOptional: false,
    },
    {
      name: 'interactionTable',
      call: (o) => warehouse.interactionTable(o as never),
      valid: { ...events, order: 'seq' },
      typoOf: 'order',
      outOfRange: [{ timestamp: { column: 'ts', type: 'epoch-us' } }, { dedupe: 'yes' }],
      optionsOptional: false,
    },
    {
      name: 'feedbackTable',
      call: (o) => warehouse.feedbackTable(o as never),
      valid: { table: 'reviews', text: 'body', createdAt: 'at', fields: { stageId: 'stage' } },
      typoOf: 'createdAt',
      outOfRange: [{ text: '' }, { createdAt: { column: 'at', type: 'epoch-us' } }],
      optionsOptional: false,
    },
    {
      name: 'subscriptionTable',
      call: (o) => warehouse.subscriptionTable(o as never),
      valid: { ...subs, endedAt: 'ended' },
      typoOf: 'endedAt',
      outOfRange: [{ amount: '' }, { customerId: { constant: [] } }],
      optionsOptional: false,
    },
  ],
  accumulators: [],
  exempt: {
    chdbEngine: async,
    clickhouseEngine: async,
    duckdbEngine: async,
    postgresEngine: async,
    createGa4View: async,
    createFileView: 'takes a view name, files and a format, no options object',
    writeParquet: 'takes a table and a file, no options object',
    createTable: 'takes a table name and columns, no options object',
    insertRows: 'takes rows and a batch size, no options object',
    loadInteractions: 'takes a table name and records, no options object',
    loadSurveyResponses: 'takes a table name and records, no options object',
    loadSubscriptions: 'takes table names and records, no options object',
    loadedInteractionTable: 'returns a mapping for a table name, no options object',
    loadedSurveyResponseTable: 'returns a mapping for a table name and a row filter',
    loadedSubscriptionTable: 'returns a mapping for two table names, no options object',
    loadFeedback: 'takes a table name and records, no options object',
    loadedFeedbackTable: 'returns a mapping for a table name, no options object',
    measureMapOn:
      "async: its options are measureMap's, checked by @cx/map's planMeasurements under its name; the error is a rejected promise (tested in packages/warehouse/test/measure-map.test.ts)",
    GA4_INTERACTIONS: 'returns a mapping for a view name, no options object',
    surveyMetricQuery: query,
    surveyBreakdownQuery: query,
    surveyTrendQuery: query,
    cohortRetentionQuery: query,
    funnelQuery: query,
    topPathsQuery: query,
    churnSeriesQuery: query,
    rfmSummaryQuery: query,
    activityChurnQuery: query,
    ident: 'builds a quoted identifier from names, no options object',
    sql: 'a template tag, no options object',
    toSql: 'compiles a fragment for a dialect, no options object',
    SqlFragment: 'a value class built by the sql tag, no options object',
    WarehouseQuery: 'built by the query functions, which check their options',
  },
};
