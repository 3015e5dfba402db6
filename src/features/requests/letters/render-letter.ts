/** A letter as DOCX (to edit and sign) or PDF (to send), in the layout of an official notice. */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { renderPdf } from '../../../platform/rendering/pdf.ts';
import type { Letter } from './letter.ts';

const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312' } as const;

function run(text: string, font: string, size: number, highlight = false): TextRun {
  return new TextRun({
    text,
    font: { name: font, eastAsia: font },
    size,
    color: '000000',
    ...(highlight ? { highlight: 'yellow' as const } : {}),
  });
}

export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  const body = (
    text: string,
    options: {
      indent?: boolean;
      align?: (typeof AlignmentType)[keyof typeof AlignmentType];
      highlight?: boolean;
    } = {},
  ) =>
    new Paragraph({
      spacing: { line: 560 },
      ...(options.indent === false ? {} : { indent: { firstLine: 640 } }),
      ...(options.align ? { alignment: options.align } : {}),
      children: [run(text, FONT.body, 32, options.highlight)],
    });
  const document = new Document({
    creator: 'gongkai',
    title: letter.title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [run(letter.title, FONT.title, 44)],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { after: 200 },
            children: [run(letter.reference, FONT.body, 28)],
          }),
          body(letter.addressee, { indent: false }),
          ...letter.paragraphs.map((p) => body(p.text, { highlight: p.kind === 'to-write' })),
          body(letter.signature, { indent: false, align: AlignmentType.RIGHT }),
          body(letter.dateLine, { indent: false, align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export function renderLetterPdf(letter: Letter): Promise<Buffer> {
  return renderPdf({
    info: { title: letter.title, creator: 'gongkai' },
    pageSize: 'A4',
    pageMargins: [80, 90, 75, 80],
    defaultStyle: { fontSize: 14, lineHeight: 1.6 },
    content: [
      { text: letter.title, fontSize: 20, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      { text: letter.reference, alignment: 'right', fontSize: 12, margin: [0, 0, 0, 12] },
      { text: letter.addressee },
      ...letter.paragraphs.map((p) => ({
        text: p.text,
        leadingIndent: 28,
        ...(p.kind === 'to-write' ? { color: '#8a5a00' } : {}),
      })),
      {
        text: letter.signature,
        alignment: 'right' as const,
        margin: [0, 24, 0, 0] as [number, number, number, number],
      },
      { text: letter.dateLine, alignment: 'right' as const },
    ],
  });
}
