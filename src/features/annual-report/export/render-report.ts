/** One entry point for every export format of the report. */
import type { AnnualReport } from '../domain/annual-report.ts';
import { renderReportHtml, type HtmlOptions } from './report-html.ts';
import type { PrintOptions } from './print-layout.ts';
import type { ExportFormat } from './export-formats.ts';

export { CONTENT_TYPES, EXPORT_FORMATS, isExportFormat, type ExportFormat } from './export-formats.ts';

/** The report JSON of the contract: format, year, agency, every cell in printed order, the checks. */
export function reportJson(report: AnnualReport): string {
  return (
    JSON.stringify(
      {
        format: report.format,
        year: report.year,
        agency: report.agency,
        cells: report.cells,
        ...(report.sections ? { sections: report.sections } : {}),
        checks: report.checks,
      },
      null,
      2,
    ) + '\n'
  );
}

/** For every format: the HTML page's extras, and the notice printed on every page (not the published report). */
export type RenderOptions = HtmlOptions & PrintOptions;

export async function renderReport(
  report: AnnualReport,
  format: ExportFormat,
  options: RenderOptions = {},
): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(reportJson(report));
    case 'html':
      return Buffer.from(renderReportHtml(report, options));
    // The spreadsheet, word-processor and PDF writers are loaded when first asked for (they are large).
    case 'xlsx':
      return (await import('./report-xlsx.ts')).renderReportXlsx(report, options);
    case 'docx':
      return (await import('./report-docx.ts')).renderReportDocx(report, options);
    case 'pdf':
      return (await import('./report-pdf.ts')).renderReportPdf(report, options);
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}
