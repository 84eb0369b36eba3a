// Public API of @cx/connectors: explicit named re-exports only.

// the @cx/model errors this package throws (bad options, bad data, bad state files), so callers need one import
export { CxError, CxOptionsError, CxValidationError } from '@cx/model';

export type { Ga4BigQuerySourceOptions, Ga4Param } from './adapters/ga4-bigquery.js';
export { flattenGa4Params, ga4BigQuerySource } from './adapters/ga4-bigquery.js';
export type { BigQueryField, BigQueryRow, Ga4BigQueryApiSourceOptions } from './adapters/ga4-bigquery-api.js';
export {
  bigQueryRowToObject,
  classifyBigQueryFailure,
  ga4BigQueryApiSource,
} from './adapters/ga4-bigquery-api.js';
export type { Ga4ReportOptions, Ga4ReportRow, Ga4ReportSummary } from './adapters/ga4-data-api.js';
export { classifyGa4Failure, runGa4Report } from './adapters/ga4-data-api.js';
export type { HttpSourceOptions } from './adapters/http-source.js';
export type { HubspotMapping, HubspotObject, HubspotSourceOptions } from './adapters/hubspot.js';
export { classifyHubspotFailure, hubspotSource } from './adapters/hubspot.js';
export type { EventRule, MixpanelSourceOptions } from './adapters/mixpanel.js';
export { classifyMixpanelFailure, mixpanelSource } from './adapters/mixpanel.js';
export type { RrwebEvent, RrwebRecording, RrwebSourceOptions, RrwebTouch } from './adapters/rrweb.js';
export { rrwebSource, rrwebTouches } from './adapters/rrweb.js';
export type { SalesforceSourceOptions } from './adapters/salesforce.js';
export { classifySalesforceFailure, salesforceQuery, salesforceSource } from './adapters/salesforce.js';
export type { SegmentSourceOptions } from './adapters/segment.js';
export { segmentSource } from './adapters/segment.js';
export type { TypeformFieldRule, TypeformSourceOptions } from './adapters/typeform.js';
export { typeformScale, typeformSource } from './adapters/typeform.js';
export type { ZendeskSourceOptions } from './adapters/zendesk.js';
export { zendeskSatisfactionSource, zendeskSource } from './adapters/zendesk.js';
export type { AuthProvider } from './auth/auth-provider.js';
export type { GoogleServiceAccountKey, GoogleServiceAccountOptions } from './auth/google-service-account.js';
export { googleServiceAccountAuth, googleServiceAccountJwt } from './auth/google-service-account.js';
export type { OAuthRefreshOptions } from './auth/oauth-refresh.js';
export { oauthRefreshAuth } from './auth/oauth-refresh.js';
export { basicAuth, bearerAuth } from './auth/simple.js';
export type { TokenHttpOptions } from './auth/token-endpoint.js';
export type {
  CxAuthErrorCode,
  CxHttpErrorCode,
  CxProtocolErrorCode,
  CxResumableErrorCode,
  CxSinkErrorCode,
} from './errors.js';
export {
  CxAuthError,
  CxHttpError,
  CxProtocolError,
  CxQuotaExceededError,
  CxResumableError,
  CxRetryLaterError,
  CxSinkError,
  CxSourceError,
  CxSyncAbortedError,
} from './errors.js';
export type { CsvSourceOptions } from './files/csv-source.js';
export { csvSource } from './files/csv-source.js';
export type { FileInput } from './files/input.js';
export { openInput, readLines } from './files/input.js';
export type { NdjsonSourceOptions } from './files/ndjson-source.js';
export { ndjsonSource } from './files/ndjson-source.js';
export { responseLines } from './files/response-lines.js';
export type { FileDedup, FileSourceInput, RowSourceOptions } from './files/row-source.js';
export type {
  HttpClientOptions,
  HttpFailure,
  HttpJsonResponse,
  HttpRequestOptions,
  RetryDecision,
  RetryNotice,
} from './http/client.js';
export { HttpClient } from './http/client.js';
export type { RetryOptions } from './http/retry.js';
export { backoffDelay, parseRetryAfter, sleep } from './http/retry.js';
export type {
  FieldMapping,
  FieldRule,
  MapFieldsOptions,
  ParseTimestampOptions,
  RowMappingOptions,
} from './mapping.js';
export { compileMapping, getPath, mapFields, parseTimestamp, toJsonValue, toNumber } from './mapping.js';
export type { ProtocolMessage } from './protocol/messages.js';
export { parseProtocolMessage } from './protocol/messages.js';
export type { ProtocolCommand, ProtocolSourceOptions } from './protocol/protocol-source.js';
export { protocolSource } from './protocol/protocol-source.js';
export { Redactor } from './redact.js';
export type { StateStore } from './sinks/file-state-store.js';
export { fileStateStore } from './sinks/file-state-store.js';
export type { NdjsonSinkOptions, NdjsonSinkRecord } from './sinks/ndjson-sink.js';
export { ndjsonSink, readNdjsonSink } from './sinks/ndjson-sink.js';
export type { SyncSink } from './sinks/sink.js';
export type { SyncToSinkOptions } from './sinks/sync-to-sink.js';
export { syncToSink } from './sinks/sync-to-sink.js';
export type { DeadLetter, DeadLetterSink } from './sync/dead-letter.js';
export { memoryDeadLetters, ndjsonDeadLetters } from './sync/dead-letter.js';
export type {
  ModelCandidate,
  ModelKind,
  ModelRecord,
  Source,
  SourceCheckpointMessage,
  SourceContext,
  SourceInvalidMessage,
  SourceLogMessage,
  SourceMessage,
  SourcePageMessage,
  SourceRecordMessage,
} from './sync/source.js';
export type { CursorPosition, SyncState } from './sync/state.js';
export { compareCursor, compareIds, parseSyncState, syncStateSchema } from './sync/state.js';
export type { SyncStatus } from './sync/sync.js';
export { SyncRun, sync } from './sync/sync.js';
export type { SyncAllResult } from './sync/sync-all.js';
export { syncAll } from './sync/sync-all.js';
export type {
  SyncCheckpointItem,
  SyncItem,
  SyncLogEntry,
  SyncOptions,
  SyncProgress,
  SyncRecordItem,
  SyncSummary,
} from './sync/types.js';
