/**
 * The report as one HTML page, escaped by construction: every text goes through `escapeHtml`.
 * Value cells carry `data-cell` and, when a link builder is given, link to the records behind them.
 */
import { writtenParagraphs } from '../domain/section-text.ts';
import type { AnnualReport } from '../domain/annual-report.ts';
import { draftNarrative } from '../domain/draft-narrative.ts';
import { reportFormat } from '../domain/report-format.ts';
import { layoutReportTables, type TableLayout } from './table-layout.ts';
import { checkStatusLabel, reportTitle, severityLabel } from './report-title.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';

export { escapeHtml };

export interface HtmlOptions {
  /** A link to the records behind a cell, e.g. `/reports/2024/cells/t3.r1.natural`. */
  readonly cellLink?: (cellId: string) => string;
  /** Whether to list the consistency checks under the report. */
  readonly includeChecks?: boolean;
  /** Already-escaped HTML placed right under the title (navigation, downloads). */
  readonly afterTitleHtml?: string;
  /** Printed under the title (e.g. that the file is the records' figures, not the published report). */
  readonly notice?: string;
}

export function renderTableHtml(layout: TableLayout, options: HtmlOptions = {}): string {
  const rows = layout.rows.map((cells, index) => {
    const tag = index < layout.headerRowCount ? 'th' : 'td';
    const html = cells.map((cell) => {
      const spans = `${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan ? ` colspan="${cell.colSpan}"` : ''}`;
      const cellTag = cell.kind === 'header' ? 'th' : tag;
      if (cell.kind !== 'value' || !cell.cellId)
        return `<${cellTag} class="${cell.kind}"${spans}>${escapeHtml(cell.text)}</${cellTag}>`;
      const text = options.cellLink
        ? `<a href="${escapeHtml(options.cellLink(cell.cellId))}">${escapeHtml(cell.text)}</a>`
        : escapeHtml(cell.text);
      return `<td class="value" data-cell="${escapeHtml(cell.cellId)}"${spans}>${text}</td>`;
    });
    return `<tr>${html.join('')}</tr>`;
  });
  return `<div class="table-scroll"><table class="report-table" id="${layout.id}">\n${rows.join('\n')}\n</table></div>`;
}

function renderChecks(report: AnnualReport): string {
  const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'incomplete');
  const passed = report.checks.filter((c) => c.status === 'pass').length;
  const notApplicable = report.checks.filter((c) => c.status === 'not-applicable').length;
  const rows = failing.map(
    (c) =>
      `<tr class="${c.severity}"><td>${escapeHtml(c.rule)}</td><td>${severityLabel(c.severity)}</td><td>${checkStatusLabel(c.status)}</td><td>${escapeHtml(c.message)}</td></tr>`,
  );
  return `<section class="checks"><h2>勾稽关系检查</h2><p>共 ${report.checks.length} 项：通过 ${passed} 项，未通过或数据不全 ${failing.length} 项，不适用 ${notApplicable} 项（如正文未提及的数字、没有收费记录）。</p>${
    rows.length
      ? `<table class="check-table"><tr><th>规则</th><th>级别</th><th>结果</th><th>说明</th></tr>${rows.join('')}</table>`
      : ''
  }</section>`;
}

export const REPORT_CSS = `
body{font-family:"Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a}
h1{text-align:center;font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
p.to-write{color:#8a5a00;background:#fff8e6;padding:.25rem .5rem}
div.table-scroll{overflow-x:auto}
table.report-table,table.check-table{border-collapse:collapse;width:100%;font-size:.85rem;margin:1rem 0}
.report-table th,.report-table td,.check-table th,.check-table td{border:1px solid #333;padding:.25rem .35rem;text-align:center;vertical-align:middle}
.report-table td.label{text-align:left}
.report-table td.value a{color:inherit}
.check-table tr.error td{background:#fde8e8}.check-table tr.warning td{background:#fff4db}
p.notice{border:1px solid #1a4f8b;padding:.4rem .7rem;text-align:center}
nav.crumbs{font-size:.9rem}ul.downloads{display:flex;gap:1rem;flex-wrap:wrap;list-style:none;padding:0}
@media print{p.to-write{background:none}nav.crumbs,ul.downloads{display:none}}
`;

export function renderReportHtml(report: AnnualReport, options: HtmlOptions = {}): string {
  const format = reportFormat(report.format);
  const tables = layoutReportTables(report);
  const narrative = draftNarrative(report);
  const text = report.sections ?? {};
  const sections = format.sections.map((section) => {
    const body = section.table
      ? renderTableHtml(tables[section.table], options)
      : text[section.id]
        ? writtenParagraphs(text[section.id]!)
            .map((p) => `<p>${escapeHtml(p)}</p>`)
            .join('\n')
        : narrative[section.id].map((p) => `<p class="${p.kind}">${escapeHtml(p.text)}</p>`).join('\n');
    return `<section id="${section.id}"><h2>${section.number}、${escapeHtml(section.title)}</h2>\n${body}</section>`;
  });
  const title = escapeHtml(reportTitle(report));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${REPORT_CSS}</style></head>
<body><h1>${title}</h1>
${options.notice ? `<p role="note" class="notice">${escapeHtml(options.notice)}</p>` : ''}
${options.afterTitleHtml ?? ''}
<p>本报告依据《中华人民共和国政府信息公开条例》第五十条和${escapeHtml(format.documentNumber)}规定的格式编制，统计期限为${report.year}年1月1日至12月31日。</p>
${sections.join('\n')}
${options.includeChecks === false ? '' : renderChecks(report)}
</body></html>
`;
}
