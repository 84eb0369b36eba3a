import * as map from '@cx/map';
import type { PackageContract } from '../kit/types.js';

// A small valid map: one stage, one step, one persona; enough for every reader, writer and renderer.
const small: map.JourneyMapInput = {
  formatVersion: 2,
  journey: {
    id: 'shop',
    name: 'Shop',
    version: 1,
    stages: [{ id: 'buy', labels: { en: 'Buy' } }],
    steps: [{ id: 'pay', stageId: 'buy', name: 'Pays', expectedEmotion: 1 }],
  },
};
const json = JSON.stringify(small);
const csv = map.toCsv(small).value;
const mermaid = map.toMermaid(small).value;
const window = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };

export const mapContract: PackageContract = {
  pkg: '@cx/map',
  module: map,
  options: [
    {
      name: 'parseMap',
      call: (o) => map.parseMap(small, o as never),
      valid: { limits: { maxDepth: 64 } },
      typoOf: 'limits',
      outOfRange: [
        { limits: { maxDepth: -1 } },
        { limits: { maxNodes: 1.5 } },
        { limits: { maxLenght: 10 } },
      ],
    },
    {
      name: 'parseMapJson',
      call: (o) => map.parseMapJson(json, o as never),
      valid: { limits: { maxLength: 1_000_000 } },
      typoOf: 'limits',
      outOfRange: [{ limits: { maxLength: 2 ** 31 } }],
    },
    {
      name: 'parseMapYaml',
      call: (o) => map.parseMapYaml(json, o as never),
      valid: { limits: { maxAliases: 10 } },
      typoOf: 'limits',
      outOfRange: [{ limits: { maxAliases: -5 } }],
    },
    {
      name: 'reviewMap',
      call: (o) => map.reviewMap(small, o as never),
      valid: { asOf: '2026-06-01T00:00:00Z', timeZone: 'Europe/Warsaw' },
      typoOf: 'timeZone',
      outOfRange: [{ timeZone: 'Mars/Olympus' }, { asOf: '2026-02-30T00:00:00Z' }, { asOf: '2026-06-01' }],
    },
    {
      name: 'toCsv',
      call: (o) => map.toCsv(small, o as never),
      valid: { formulaGuard: true },
      typoOf: 'formulaGuard',
      outOfRange: [{ formulaGuard: 'yes' }],
    },
    {
      name: 'fromCsv',
      call: (o) => map.fromCsv(csv, o as never),
      valid: { journeyId: 'shop', name: 'Shop' },
      typoOf: 'journeyId',
      outOfRange: [{ journeyId: '' }, { limits: { maxDepth: -1 } }],
    },
    {
      name: 'toMermaid',
      call: (o) => map.toMermaid(small, o as never),
      valid: { unsafe: 'reject' },
      typoOf: 'unsafe',
      outOfRange: [{ unsafe: 'escape' }],
    },
    {
      name: 'fromMermaid',
      call: (o) => map.fromMermaid(mermaid, o as never),
      valid: { journeyId: 'shop' },
      typoOf: 'journeyId',
      outOfRange: [{ journeyId: '' }, { limits: { maxNodes: -1 } }],
    },
    {
      name: 'renderSvg',
      call: (o) => map.renderSvg(small, o as never),
      valid: { fontSize: 12, language: 'en' },
      typoOf: 'fontSize',
      outOfRange: [{ fontSize: 2 }, { stageWidth: 10_000 }, { language: 'English' }, { scenario: 'future' }],
    },
    {
      name: 'renderHtml',
      call: (o) => map.renderHtml(small, o as never),
      valid: { title: 'Shop', fontSize: 14 },
      typoOf: 'title',
      outOfRange: [{ title: '' }, { maxWidth: 10 }],
    },
    {
      name: 'attachMeasurements',
      call: (o) => map.attachMeasurements(small, [], o as never),
      valid: { mode: 'replace' },
      typoOf: 'mode',
      outOfRange: [{ mode: 'merge' }],
    },
    {
      name: 'measureMap',
      call: (o) => map.measureMap(small, {}, o as never),
      valid: { window, interval: 'month', timeZone: 'Europe/Warsaw', level: 0.9 },
      typoOf: 'interval',
      outOfRange: [
        { level: 90 },
        { interval: 'fortnight' },
        { timeZone: 'Europe/Nowhere' },
        { window: { from: '2026-02-30T00:00:00Z', to: window.to } },
        { window: { from: window.to, to: window.from } },
      ],
      optionsOptional: false,
    },
    {
      name: 'planMeasurements',
      call: (o) => map.planMeasurements(small, o as never),
      valid: { window, interval: 'week', timeZone: 'Europe/Warsaw', weekStartsOn: 0 },
      typoOf: 'weekStartsOn',
      outOfRange: [{ weekStartsOn: 7 }, { maxPeriods: 0 }, { window: { from: window.to, to: window.from } }],
      optionsOptional: false,
    },
  ],
  accumulators: [],
  exempt: {
    assembleMeasurements: 'takes a plan, its statistics and a source label; no options',
    measurementReach: 'takes only a metric definition; no options',
    migrateMapDocument: 'takes only the document (a version-0/1/2 map); no options',
    diffMaps: 'takes two maps; no options',
    scenarioView:
      'takes a map and a scenario name, checked with a CxOptionsError of its own (scenario.test.ts)',
    mapJsonSchema: 'builds the JSON Schema of the format; no options',
    canonicalMap: 'takes only a map; no options',
    serializeMap: 'takes only a map; no options',
    serializeMapYaml: 'takes only a map; no options',
    toMarkdownTable: 'takes only a map; no options',
    formatChangelog: 'takes only a list of changes; no options',
    mapRuleIssues: 'takes only a parsed map; no options',
    CxError: 're-exported from @cx/model (its contract is in the model table)',
    CxLimitError: 're-exported from @cx/model (its contract is in the model table)',
    CxOptionsError: 're-exported from @cx/model (its contract is in the model table)',
    CxValidationError: 're-exported from @cx/model (its contract is in the model table)',
  },
};
