/** The whole report as a PDF with selectable Chinese text, laid out like the DOCX. */
import { writtenParagraphs } from '../domain/section-text.ts';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { AnnualReport } from '../domain/annual-report.ts';
import { draftNarrative } from '../domain/draft-narrative.ts';
import { reportFormat } from '../domain/report-format.ts';
import { renderPdf } from '../../../platform/rendering/pdf.ts';
import { layoutReportTables, placeCells, type TableLayout } from './table-layout.ts';
import { reportTitle } from './report-title.ts';

function tablePdf(layout: TableLayout): Content {
  const grid: TableCell[][] = layout.rows.map(() =>
    Array.from({ length: layout.columnCount }, () => ({ text: '' })),
  );
  for (const cell of placeCells(layout)) {
    grid[cell.row]![cell.column] = {
      text: cell.text,
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
      alignment: cell.kind === 'label' ? 'left' : 'center',
      bold: cell.kind === 'header',
    };
  }
  const total = layout.columnWidths.reduce((a, b) => a + b, 0);
  return {
    table: {
      headerRows: layout.headerRowCount,
      widths: layout.columnWidths.map((w) => `${((w / total) * 100).toFixed(2)}%`),
      body: grid,
      dontBreakRows: true,
    },
    fontSize: layout.columnCount > 10 ? 7 : 8,
    margin: [0, 4, 0, 8],
    // Tables 二 and 四 are short: keep each on one page. Table 三 repeats its header instead.
    unbreakable: layout.id !== 't3',
  };
}

export async function renderReportPdf(report: AnnualReport): Promise<Buffer> {
  const format = reportFormat(report.format);
  const tables = layoutReportTables(report);
  const narrative = draftNarrative(report);
  const content: Content[] = [
    { text: reportTitle(report), fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 16] },
    {
      text: `本报告依据《中华人民共和国政府信息公开条例》第五十条和${format.documentNumber}规定的格式编制，统计期限为${report.year}年1月1日至12月31日。`,
      margin: [0, 0, 0, 8],
    },
  ];
  for (const section of format.sections) {
    content.push({
      text: `${section.number}、${section.title}`,
      fontSize: 13,
      bold: true,
      margin: [0, 10, 0, 6],
    });
    if (section.table) {
      content.push(tablePdf(tables[section.table]));
      continue;
    }
    const written = report.sections?.[section.id];
    const paragraphs = written
      ? writtenParagraphs(written).map((text) => ({ text, kind: 'generated' as const }))
      : narrative[section.id];
    for (const p of paragraphs)
      content.push({
        text: p.text,
        color: p.kind === 'to-write' ? '#8a5a00' : '#000000',
        leadingIndent: 22,
        margin: [0, 0, 0, 4],
      });
  }
  return renderPdf({
    info: { title: reportTitle(report), creator: 'gongkai' },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { fontSize: 10.5, lineHeight: 1.4 },
    footer: (page, pages) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 16, 0, 0],
    }),
    content,
  });
}
