/** One entry point for every export format of the report. */
import type { AnnualReport } from '../domain/annual-report.ts';
import { renderReportDocx } from './report-docx.ts';
import { renderReportHtml, type HtmlOptions } from './report-html.ts';
import { renderReportPdf } from './report-pdf.ts';
import { renderReportXlsx } from './report-xlsx.ts';
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
    case 'xlsx':
      return renderReportXlsx(report, options);
    case 'docx':
      return renderReportDocx(report, options);
    case 'pdf':
      return renderReportPdf(report, options);
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}
