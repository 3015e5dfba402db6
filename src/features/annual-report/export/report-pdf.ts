/**
 * The whole report as a PDF with selectable Chinese text, laid out for print after GB/T 9704
 * (print-layout.ts): headings kept with what follows them, tables centred with their values in the middle
 * of each cell and narrow headers broken at words, a notice on every page when the file is not the
 * published report, and where a draft's text is still to be written, that said instead of the prompt.
 */
import type { Content, ContentText, TableCell } from 'pdfmake/interfaces.js';
import { writtenParagraphs } from '../domain/section-text.ts';
import type { AnnualReport } from '../domain/annual-report.ts';
import { draftNarrative } from '../domain/draft-narrative.ts';
import { reportFormat } from '../domain/report-format.ts';
import { renderPdf } from '../../../platform/rendering/pdf.ts';
import { layoutReportTables, placeCells, type TableLayout } from './table-layout.ts';
import { reportTitle } from './report-title.ts';
import {
  draftMarker,
  LINE_PT,
  MARGINS_MM,
  MM_TO_PT,
  pageNumberText,
  SIZE_PT,
  TEXT_WIDTH_PT,
  wrapAtWords,
  type PrintOptions,
} from './print-layout.ts';

/** Noto Sans SC's line box is 1.448 em: the line height that gives GB/T 9704's 28.95 pt pitch. */
const BODY_LINE_HEIGHT = LINE_PT / (SIZE_PT.body * 1.448);
const CELL_PADDING_PT = 3;
const PAGE_FURNITURE = 'page-furniture';

function tablePdf(layout: TableLayout): Content {
  const fontSize = layout.columnCount > 10 ? SIZE_PT.table - 1 : SIZE_PT.table;
  const total = layout.columnWidths.reduce((a, b) => a + b, 0);
  // pdfmake's widths are the cells' content: padding and rules come on top of them.
  const content = TEXT_WIDTH_PT - layout.columnCount * (2 * CELL_PADDING_PT + 1) - 1;
  const widths = layout.columnWidths.map((w) => (w / total) * content);
  const grid: TableCell[][] = layout.rows.map(() =>
    Array.from({ length: layout.columnCount }, () => ({ text: '' })),
  );
  for (const cell of placeCells(layout)) {
    const width =
      widths.slice(cell.column, cell.column + cell.colSpan).reduce((a, b) => a + b, 0) +
      (cell.colSpan - 1) * (2 * CELL_PADDING_PT + 1);
    const charsPerLine = Math.floor(width / fontSize);
    grid[cell.row]![cell.column] = {
      text: cell.kind === 'header' ? wrapAtWords(cell.text, charsPerLine) : cell.text,
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
      alignment: cell.kind === 'label' ? 'left' : 'center',
      bold: cell.kind === 'header',
      // pdfmake 0.3 centres a cell's content vertically (its typings predate it); over several rows it
      // misplaces it, so those stay at the top.
      ...(cell.rowSpan === 1 ? ({ verticalAlignment: 'middle' } as object) : {}),
    };
  }
  return {
    table: {
      headerRows: layout.headerRowCount,
      widths,
      body: grid,
      dontBreakRows: true,
    },
    layout: {
      paddingLeft: () => CELL_PADDING_PT,
      paddingRight: () => CELL_PADDING_PT,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    fontSize,
    lineHeight: 1.1,
    margin: [0, 4, 0, 10],
    // Tables 二 and 四 are short: each kept on one page. Table 三 starts a page (below) and repeats its
    // header if it runs onto the next.
    unbreakable: layout.id !== 't3',
  };
}

function heading(text: string, newPage = false): ContentText {
  return {
    text,
    fontSize: SIZE_PT.heading,
    bold: true,
    margin: [0, 8, 0, 4],
    headlineLevel: 1,
    ...(newPage ? { pageBreak: 'before' as const } : {}),
  };
}

export async function renderReportPdf(report: AnnualReport, options: PrintOptions = {}): Promise<Buffer> {
  const format = reportFormat(report.format);
  const tables = layoutReportTables(report);
  const narrative = draftNarrative(report);
  const body = (text: string): Content => ({ text, leadingIndent: 2 * SIZE_PT.body });
  const content: Content[] = [
    {
      text: reportTitle(report),
      fontSize: SIZE_PT.title,
      bold: true,
      alignment: 'center',
      lineHeight: 1.2,
      margin: [0, 0, 0, LINE_PT / 2],
    },
    body(
      `本报告依据《中华人民共和国政府信息公开条例》第五十条和${format.documentNumber}规定的格式编制，统计期限为${report.year}年1月1日至12月31日。`,
    ),
  ];
  for (const section of format.sections) {
    // Table 三 takes most of a page: it starts one, with its heading, rather than leave a row behind.
    content.push(heading(`${section.number}、${section.title}`, section.table === 't3'));
    if (section.table) {
      content.push(tablePdf(tables[section.table]));
      continue;
    }
    const written = report.sections?.[section.id];
    const paragraphs = written
      ? writtenParagraphs(written)
      : narrative[section.id].map((p) => (p.kind === 'to-write' ? draftMarker(p.text) : p.text));
    for (const text of paragraphs) content.push(body(text));
  }
  const pt = (mm: number) => mm * MM_TO_PT;
  return renderPdf({
    info: { title: reportTitle(report), creator: 'gongkai' },
    pageSize: 'A4',
    pageMargins: [pt(MARGINS_MM.left), pt(MARGINS_MM.top), pt(MARGINS_MM.right), pt(MARGINS_MM.bottom)],
    defaultStyle: { fontSize: SIZE_PT.body, lineHeight: BODY_LINE_HEIGHT, color: '#000000' },
    // A heading never ends a page: it moves to the next with what it introduces.
    // (The page's header and footer are nodes of the page too: they do not count.)
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 &&
      nodes.getFollowingNodesOnPage().filter((n) => n.id !== PAGE_FURNITURE).length === 0,
    ...(options.notice
      ? {
          header: () => ({
            id: PAGE_FURNITURE,
            text: options.notice!,
            fontSize: SIZE_PT.notice,
            alignment: 'center',
            color: '#000000',
            margin: [pt(MARGINS_MM.left), pt(14), pt(MARGINS_MM.right), 0],
          }),
        }
      : {}),
    footer: (page) => ({
      id: PAGE_FURNITURE,
      text: pageNumberText(page),
      alignment: 'center',
      fontSize: SIZE_PT.pageNumber,
      margin: [0, pt(10), 0, 0],
    }),
    content,
  });
}
