/**
 * The whole report as a DOCX an agency can edit and publish, laid out after GB/T 9704 (print-layout.ts):
 * the title in bold 小标宋, black 黑体 headings kept with the table or text they introduce (the run-in
 * second-level ones, （一）…, in 楷体), 仿宋 body at
 * 22 lines a page, tables centred with their values in the middle of each cell and narrow headers broken
 * at words, page numbers; a notice on every page when the file is not the published report; where a
 * draft's text is still to be written, it says so.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { writtenParagraphs } from '../domain/section-text.ts';
import type { AnnualReport } from '../domain/annual-report.ts';
import { draftNarrative } from '../domain/draft-narrative.ts';
import { reportFormat } from '../domain/report-format.ts';
import { layoutReportTables, placeCells, type TableLayout } from './table-layout.ts';
import { reportTitle } from './report-title.ts';
import {
  draftMarker,
  LINE_PT,
  MARGINS_MM,
  MM_TO_PT,
  PAGE_MM,
  SIZE_PT,
  TEXT_WIDTH_PT,
  wrapAtWords,
  type PrintOptions,
} from './print-layout.ts';

const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '宋体',
} as const;
/** A second-level heading run into its paragraph: "（一）主动公开情况。" (GB/T 9704: 楷体). */
const SUBHEADING = /^([（(][一二三四五六七八九十]+[)）][^。]{1,20}。)/u;
const twip = (pt: number) => Math.round(pt * 20);
const mm = (value: number) => twip(value * MM_TO_PT);
const TEXT_WIDTH = twip(TEXT_WIDTH_PT);
const CELL_MARGIN_TWIP = 40;

function run(text: string, font: string, sizePt: number, bold = false): TextRun[] {
  // A header broken at words keeps its breaks.
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        font: { name: font, eastAsia: font },
        size: sizePt * 2,
        color: '000000',
        bold,
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

function tableDocx(layout: TableLayout): Table {
  const unit = TEXT_WIDTH / layout.columnWidths.reduce((a, b) => a + b, 0);
  const widths = layout.columnWidths.map((w) => Math.round(w * unit));
  const size = layout.columnCount > 10 ? SIZE_PT.table - 1 : SIZE_PT.table;
  // Where each cell stands in the grid (after the cells merged from rows above), for its width.
  const placed = placeCells(layout);
  const rows = layout.rows.map((cells, index) => {
    const inRow = placed.filter((p) => p.row === index);
    return new TableRow({
      tableHeader: index < layout.headerRowCount,
      cantSplit: true,
      children: cells.map((cell, i) => {
        const at = inRow[i]!;
        const width = widths.slice(at.column, at.column + at.colSpan).reduce((a, b) => a + b, 0);
        const charsPerLine = Math.floor((width - 2 * CELL_MARGIN_TWIP) / (size * 20));
        return new TableCell({
          ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
          ...(cell.colSpan ? { columnSpan: cell.colSpan } : {}),
          verticalAlign: VerticalAlign.CENTER,
          margins: { left: CELL_MARGIN_TWIP, right: CELL_MARGIN_TWIP, top: 20, bottom: 20 },
          children: [
            new Paragraph({
              alignment: cell.kind === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
              children: run(
                cell.kind === 'header' ? wrapAtWords(cell.text, charsPerLine) : cell.text,
                FONTS.table,
                size,
                cell.kind === 'header',
              ),
            }),
          ],
        });
      }),
    });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    alignment: AlignmentType.CENTER,
  });
}

const line = { line: twip(LINE_PT), lineRule: 'exact' as const };

function bodyParagraph(text: string): Paragraph {
  const heading = SUBHEADING.exec(text)?.[1];
  return new Paragraph({
    indent: { firstLine: twip(2 * SIZE_PT.body) },
    spacing: line,
    children: heading
      ? [
          ...run(heading, FONTS.subheading, SIZE_PT.body),
          ...run(text.slice(heading.length), FONTS.body, SIZE_PT.body),
        ]
      : run(text, FONTS.body, SIZE_PT.body),
  });
}

function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: twip(2 * SIZE_PT.body) },
    spacing: line,
    // Never the last line of a page: it moves with the table or paragraph it introduces.
    keepNext: true,
    keepLines: true,
    children: run(text, FONTS.heading, SIZE_PT.heading),
  });
}

export async function renderReportDocx(report: AnnualReport, options: PrintOptions = {}): Promise<Buffer> {
  const format = reportFormat(report.format);
  const tables = layoutReportTables(report);
  const narrative = draftNarrative(report);
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: twip(LINE_PT) },
      children: run(reportTitle(report), FONTS.title, SIZE_PT.title, true),
    }),
    bodyParagraph(
      `本报告依据《中华人民共和国政府信息公开条例》第五十条和${format.documentNumber}规定的格式编制，统计期限为${report.year}年1月1日至12月31日。`,
    ),
  ];
  for (const section of format.sections) {
    children.push(headingParagraph(`${section.number}、${section.title}`));
    if (section.table) {
      children.push(tableDocx(tables[section.table]));
      continue;
    }
    const written = report.sections?.[section.id];
    if (written) for (const text of writtenParagraphs(written)) children.push(bodyParagraph(text));
    else
      for (const p of narrative[section.id])
        children.push(bodyParagraph(p.kind === 'to-write' ? draftMarker(p.text) : p.text));
  }
  const document = new Document({
    creator: 'gongkai',
    title: reportTitle(report),
    styles: {
      default: {
        document: {
          run: { font: { name: FONTS.body, eastAsia: FONTS.body }, size: SIZE_PT.body * 2, color: '000000' },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE_MM.width), height: mm(PAGE_MM.height) },
            margin: {
              top: mm(MARGINS_MM.top),
              bottom: mm(MARGINS_MM.bottom),
              left: mm(MARGINS_MM.left),
              right: mm(MARGINS_MM.right),
            },
          },
        },
        ...(options.notice
          ? {
              headers: {
                default: new Header({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: run(options.notice, FONTS.body, SIZE_PT.notice),
                    }),
                  ],
                }),
              },
            }
          : {}),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: '— ', size: SIZE_PT.pageNumber * 2, font: '宋体' }),
                  new TextRun({ children: [PageNumber.CURRENT], size: SIZE_PT.pageNumber * 2, font: '宋体' }),
                  new TextRun({ text: ' —', size: SIZE_PT.pageNumber * 2, font: '宋体' }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
