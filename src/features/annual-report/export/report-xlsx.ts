/** The three tables as an XLSX workbook, merged header cells as printed, values as numbers. */
import ExcelJS from 'exceljs';
import type { AnnualReport } from '../domain/annual-report.ts';
import { layoutReportTables, placeCells, type TableLayout } from './table-layout.ts';
import { checkStatusLabel, reportTitle, severityLabel } from './report-title.ts';

const SHEET_NAMES = { t2: '二、主动公开', t3: '三、依申请公开', t4: '四、复议诉讼' } as const;
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function writeTable(
  sheet: ExcelJS.Worksheet,
  layout: TableLayout,
  title: string,
  cells: AnnualReport['cells'],
) {
  sheet.mergeCells(1, 1, 1, layout.columnCount);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 13 };
  titleCell.alignment = { horizontal: 'center' };
  const offset = 2;
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
  }
  layout.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = Math.max(6, width * 8)));
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
}

export async function renderReportXlsx(report: AnnualReport): Promise<Buffer> {
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
    );
  }
  writeChecks(workbook.addWorksheet('勾稽关系检查'), report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
