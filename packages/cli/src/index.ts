// Public API of @cx/cli: the `cx` command line as functions. Explicit named re-exports only.

// The error classes the command throws, from @cx/model.
export { CxOptionsError, CxValidationError } from '@cx/model';
export type { CxConfig, CxSource } from './config/types.js';
export type { CliIo } from './run-cli.js';
export { runCli } from './run-cli.js';
export type { RunReportOptions, RunReportResult } from './run-report.js';
export { runReport } from './run-report.js';
