/**
 * The whole report as a DOCX an agency can edit and publish: title, the six section headings, the drafted
 * sentences (places to write highlighted), and the three tables laid out as the format prints them.
 */
import { writtenParagraphs } from '../domain/section-text.ts';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { AnnualReport } from '../domain/annual-report.ts';
import { draftNarrative } from '../domain/draft-narrative.ts';
import { reportFormat } from '../domain/report-format.ts';
import { layoutReportTables, type TableLayout } from './table-layout.ts';
import { reportTitle } from './report-title.ts';

const FONTS = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312', table: '宋体' } as const;
/** Text width of A4 portrait with 2.5 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 9000;

function run(
  text: string,
  font: string,
  size: number,
  extra: { bold?: boolean; highlight?: 'yellow' } = {},
): TextRun {
  return new TextRun({ text, font: { name: font, eastAsia: font }, size, ...extra });
}

function tableDocx(layout: TableLayout): Table {
  const unit = TEXT_WIDTH / layout.columnWidths.reduce((a, b) => a + b, 0);
  const widths = layout.columnWidths.map((w) => Math.round(w * unit));
  const size = layout.columnCount > 10 ? 16 : 18;
  const rows = layout.rows.map(
    (cells, index) =>
      new TableRow({
        tableHeader: index < layout.headerRowCount,
        cantSplit: true,
        children: cells.map(
          (cell) =>
            new TableCell({
              ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
              ...(cell.colSpan ? { columnSpan: cell.colSpan } : {}),
              verticalAlign: VerticalAlign.CENTER,
              margins: { left: 40, right: 40, top: 20, bottom: 20 },
              children: [
                new Paragraph({
                  alignment: cell.kind === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
                  children: [run(cell.text, FONTS.table, size, cell.kind === 'header' ? { bold: true } : {})],
                }),
              ],
            }),
        ),
      }),
  );
  return new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA } });
}

function bodyParagraph(text: string, toWrite: boolean): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [run(text, FONTS.body, 32, toWrite ? { highlight: 'yellow' } : {})],
  });
}

export async function renderReportDocx(report: AnnualReport): Promise<Buffer> {
  const format = reportFormat(report.format);
  const tables = layoutReportTables(report);
  const narrative = draftNarrative(report);
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [run(reportTitle(report), FONTS.title, 44)],
    }),
    bodyParagraph(
      `本报告依据《中华人民共和国政府信息公开条例》第五十条和${format.documentNumber}规定的格式编制，统计期限为${report.year}年1月1日至12月31日。`,
      false,
    ),
  ];
  for (const section of format.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        indent: { firstLine: 640 },
        children: [run(`${section.number}、${section.title}`, FONTS.heading, 32)],
      }),
    );
    if (section.table) {
      children.push(tableDocx(tables[section.table]));
      continue;
    }
    const written = report.sections?.[section.id];
    if (written) for (const text of writtenParagraphs(written)) children.push(bodyParagraph(text, false));
    else for (const p of narrative[section.id]) children.push(bodyParagraph(p.text, p.kind === 'to-write'));
  }
  const document = new Document({
    creator: 'gongkai',
    title: reportTitle(report),
    styles: {
      default: { document: { run: { font: { name: FONTS.body, eastAsia: FONTS.body }, size: 32 } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.PORTRAIT },
            margin: { left: 1440, right: 1440, top: 1440, bottom: 1440 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
