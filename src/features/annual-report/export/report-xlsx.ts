/**
 * The three tables as an XLSX workbook, merged header cells as printed, values as numbers — ready to
 * print: each table on one A4 page (fit to the page), rows as tall as their wrapped text, header rows
 * repeated, the GB/T 9704 margins, and the notice (not the published report) on top of every sheet and
 * in every page's header.
 */
import ExcelJS from 'exceljs';
import type { AnnualReport } from '../domain/annual-report.ts';
import { layoutReportTables, placeCells, type TableLayout } from './table-layout.ts';
import { checkStatusLabel, reportTitle, severityLabel } from './report-title.ts';
import { MARGINS_MM, type PrintOptions } from './print-layout.ts';

const SHEET_NAMES = { t2: '二、主动公开', t3: '三、依申请公开', t4: '四、复议诉讼' } as const;
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** Excel's row height of one line of its default 11 pt font, in points. */
const LINE_HEIGHT_PT = 15;
const INCH = 25.4;

/** How wide a text is in Excel's width units: a CJK character is two, anything else one. */
function textUnits(text: string): number {
  return [...text].reduce((n, c) => n + (/[\u2e80-\uffff]/u.test(c) ? 2 : 1), 0);
}

/** The lines a text takes in a column `width` units wide (its own line breaks, then wrapping). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text
    .split('\n')
    .reduce((lines, part) => lines + Math.max(1, Math.ceil(textUnits(part) / usable)), 0);
}

function writeTable(
  sheet: ExcelJS.Worksheet,
  layout: TableLayout,
  title: string,
  cells: AnnualReport['cells'],
  notice: string | undefined,
) {
  const widths = layout.columnWidths.map((width) => Math.max(6, width * 8));
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.mergeCells(1, 1, 1, layout.columnCount);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 13 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 22;
  let offset = 2;
  if (notice) {
    sheet.mergeCells(2, 1, 2, layout.columnCount);
    const note = sheet.getCell(2, 1);
    note.value = notice;
    note.font = { italic: true, size: 10 };
    note.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const total = widths.reduce((a, b) => a + b, 0);
    sheet.getRow(2).height = wrappedLines(notice, total) * LINE_HEIGHT_PT;
    offset = 3;
  }
  const needed = new Map<number, number>();
  const spanned: Array<{ row: number; rows: number; lines: number }> = [];
  for (const cell of placeCells(layout)) {
    const row = cell.row + offset;
    const column = cell.column + 1;
    if (cell.rowSpan > 1 || cell.colSpan > 1)
      sheet.mergeCells(row, column, row + cell.rowSpan - 1, column + cell.colSpan - 1);
    const target = sheet.getCell(row, column);
    target.value =
      cell.kind === 'value' && cell.cellId && cells[cell.cellId] !== undefined
        ? cells[cell.cellId]!
        : cell.text;
    target.alignment = {
      vertical: 'middle',
      horizontal: cell.kind === 'label' ? 'left' : 'center',
      wrapText: true,
    };
    if (cell.kind === 'header') target.font = { bold: true };
    for (let r = 0; r < cell.rowSpan; r++)
      for (let c = 0; c < cell.colSpan; c++) sheet.getCell(row + r, column + c).border = BORDER;
    const width = widths.slice(cell.column, cell.column + cell.colSpan).reduce((a, b) => a + b, 0);
    const lines = wrappedLines(cell.text, width);
    if (cell.rowSpan === 1) needed.set(row, Math.max(needed.get(row) ?? 1, lines));
    else spanned.push({ row, rows: cell.rowSpan, lines });
  }
  // A cell over several rows (the vertical 三、本年度办理结果) gets its lines from them all.
  for (const s of spanned) {
    const have = Array.from({ length: s.rows }, (_, i) => needed.get(s.row + i) ?? 1).reduce(
      (a, b) => a + b,
      0,
    );
    if (have < s.lines) {
      const extra = Math.ceil((s.lines - have) / s.rows);
      for (let i = 0; i < s.rows; i++) needed.set(s.row + i, (needed.get(s.row + i) ?? 1) + extra);
    }
  }
  for (const [row, lines] of needed) sheet.getRow(row).height = lines * LINE_HEIGHT_PT;
  sheet.pageSetup = {
    paperSize: 9,
    orientation: layout.columnCount > 12 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    horizontalCentered: true,
    margins: {
      top: MARGINS_MM.top / INCH,
      bottom: MARGINS_MM.bottom / INCH,
      left: MARGINS_MM.left / INCH,
      right: MARGINS_MM.right / INCH,
      header: 0.5,
      footer: 0.5,
    },
    printTitlesRow: `${offset}:${offset + layout.headerRowCount - 1}`,
  };
  sheet.headerFooter = {
    ...(notice ? { oddHeader: `&C${notice.replace(/&/g, '&&')}` } : {}),
    oddFooter: '&C— &P —',
  };
}

function writeChecks(sheet: ExcelJS.Worksheet, report: AnnualReport) {
  sheet.addRow(['规则', '级别', '结果', '左边', '右边', '差额', '说明']).font = { bold: true };
  for (const c of report.checks)
    sheet.addRow([
      c.rule,
      severityLabel(c.severity),
      checkStatusLabel(c.status),
      c.lhs,
      c.rhs,
      c.delta,
      c.message,
    ]);
  sheet.getColumn(1).width = 20;
  sheet.getColumn(7).width = 80;
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}

export async function renderReportXlsx(report: AnnualReport, options: PrintOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  workbook.title = reportTitle(report);
  const tables = layoutReportTables(report);
  for (const id of ['t2', 't3', 't4'] as const) {
    writeTable(
      workbook.addWorksheet(SHEET_NAMES[id]),
      tables[id],
      `${SHEET_NAMES[id].slice(0, 2)}${tables[id].title}`,
      report.cells,
      options.notice,
    );
  }
  writeChecks(workbook.addWorksheet('勾稽关系检查'), report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
