// Public API of @cx/report: explicit named re-exports only.

// The error classes the renderer throws, from @cx/model.
export { CxOptionsError, CxValidationError } from '@cx/model';
export type {
  ActivityChurnRow,
  ReportChurn,
  ReportFact,
  ReportFunnel,
  ReportInput,
  ReportRetention,
  ReportStage,
  ReportStageHealth,
  ReportTheme,
  SourceQuality,
  TopicSentiment,
} from './input.js';
export type { RenderReportOptions, ReportSectionId } from './render-report.js';
export { REPORT_SECTIONS, renderReport } from './render-report.js';
