/** What the CLI uses from the features, in one place. */
export * from '../../features/annual-report/index.ts';
export * from '../../features/ledger-import/index.ts';
export {
  renderReport,
  reportJson,
  isExportFormat,
  EXPORT_FORMATS,
  type ExportFormat,
} from '../../features/annual-report/export/render-report.ts';
export { parseReportJson } from '../../features/annual-report/io/parse-report-json.ts';
