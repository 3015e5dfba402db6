/**
 * The compilation (汇编) of the 规章 and 行政规范性文件 in force on a date, as DOCX (to edit and print)
 * or PDF: a title, a table of contents, then each document with its number, dates, amendments and text.
 */
import { bodyText } from '../domain/document-body.ts';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Content } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../../platform/rendering/pdf.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { CompilationEntry } from '../use-cases/normative-register.ts';

export interface Compilation {
  readonly agencyName: string;
  readonly on: IsoDate;
  readonly entries: readonly CompilationEntry[];
}

const KIND_LABELS = { regulation: '规章', normative_doc: '行政规范性文件' } as const;

function chineseDate(on: IsoDate): string {
  const [year, month, day] = on.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export function compilationTitle(compilation: Compilation): string {
  return `${compilation.agencyName}现行有效规章和行政规范性文件汇编`;
}

/** The lines under a document's title: its kind and number, issue date, amendments. */
function particulars(entry: CompilationEntry): string[] {
  const d = entry.document;
  return [
    `${KIND_LABELS[d.kind]}${d.documentNumber ? `\u3000${d.documentNumber}` : ''}\u3000${chineseDate(d.issuedOn)}制发`,
    ...(d.amendments ?? []).map(
      (a) => `${chineseDate(a.amendedOn)}修改${a.documentNumber ? `（${a.documentNumber}）` : ''}：${a.note}`,
    ),
  ];
}

function paragraphsOf(entry: CompilationEntry): string[] {
  if (!entry.body?.trim()) return ['（本文件未在本平台发布正文，请以正式印发文本为准。）'];
  return bodyText(entry.body)
    .split(/\n+/)
    .filter((p) => p.trim());
}

export async function renderCompilationDocx(compilation: Compilation): Promise<Buffer> {
  const text = (value: string, size = 28, bold = false) =>
    new TextRun({ text: value, size, bold, font: { name: '仿宋_GB2312', eastAsia: '仿宋_GB2312' } });
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [text(compilationTitle(compilation), 40, true)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [text(`（截至${chineseDate(compilation.on)}，共${compilation.entries.length}件）`)],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('目录', 32, true)] }),
    ...compilation.entries.map(
      (entry, i) => new Paragraph({ children: [text(`${i + 1}. ${entry.document.title}`)] }),
    ),
  ];
  for (const entry of compilation.entries) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        alignment: AlignmentType.CENTER,
        pageBreakBefore: true,
        children: [text(entry.document.title, 36, true)],
      }),
      ...particulars(entry).map(
        (line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [text(line, 24)] }),
      ),
      ...paragraphsOf(entry).map(
        (p) => new Paragraph({ spacing: { line: 480 }, indent: { firstLine: 560 }, children: [text(p)] }),
      ),
    );
  }
  return Packer.toBuffer(
    new Document({ creator: 'gongkai', title: compilationTitle(compilation), sections: [{ children }] }),
  );
}

export function renderCompilationPdf(compilation: Compilation): Promise<Buffer> {
  const content: Content[] = [
    { text: compilationTitle(compilation), fontSize: 20, bold: true, alignment: 'center' },
    {
      text: `（截至${chineseDate(compilation.on)}，共${compilation.entries.length}件）`,
      alignment: 'center',
      margin: [0, 4, 0, 16],
    },
    { text: '目录', fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
    ...compilation.entries.map((entry, i): Content => ({ text: `${i + 1}. ${entry.document.title}` })),
  ];
  for (const entry of compilation.entries) {
    content.push(
      { text: entry.document.title, fontSize: 18, bold: true, alignment: 'center', pageBreak: 'before' },
      ...particulars(entry).map((line): Content => ({ text: line, fontSize: 11, alignment: 'center' })),
      ...paragraphsOf(entry).map((p): Content => ({ text: p, leadingIndent: 28, margin: [0, 6, 0, 0] })),
    );
  }
  return renderPdf({
    info: { title: compilationTitle(compilation), creator: 'gongkai' },
    pageSize: 'A4',
    pageMargins: [72, 72, 72, 72],
    defaultStyle: { fontSize: 13, lineHeight: 1.5 },
    content,
  });
}
