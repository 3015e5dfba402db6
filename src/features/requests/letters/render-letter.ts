/**
 * A letter as DOCX (to sign and seal) or PDF (to send), laid out after GB/T 9704-2012 《党政机关公文格式》:
 * A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; title in 2号 小标宋 (22 pt), centred;
 * body in 3号 仿宋 (16 pt), 22 lines of 28 characters (fixed 28.95 pt line pitch), paragraphs indented two
 * characters; the 文号 under the title; the signature and date right-aligned four characters in, with
 * room for the seal over them; notes (附注) after the date; page numbers "— 1 —" at the foot. The PDF
 * uses the embedded Noto Sans SC (the official fonts are not free to ship); the DOCX names the official
 * fonts, which Word substitutes where they are missing.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { renderPdf } from '../../../platform/rendering/pdf.ts';
import type { Letter } from './letter.ts';

const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', number: '宋体' } as const;
const MM_TO_TWIP = 1440 / 25.4;
const MM_TO_PT = 72 / 25.4;
const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** 3号 = 16 pt; 2号 = 22 pt; 4号 = 14 pt. docx sizes are half-points. */
const SIZE_PT = { title: 22, body: 16, pageNumber: 14 } as const;
/** 22 lines in the 225 mm type area. */
const LINE_PT = 28.95;
/** The signature block stands four characters in from the right (GB/T 9704 §7.3.5.1). */
const SIGNATURE_INDENT_PT = 4 * SIZE_PT.body;
/** Room for the seal above the signature: three lines. */
const SEAL_SPACE_PT = 3 * LINE_PT;

const SEAL_MARK = '（印章）';
const NOTO_SANS_LINE_EM = 1.448;

function run(text: string, font: string, sizePt: number, bold = false): TextRun {
  return new TextRun({
    text,
    font: { name: font, eastAsia: font },
    size: sizePt * 2,
    color: '000000',
    bold,
  });
}

export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  const twip = (pt: number) => Math.round(pt * 20);
  const line = { line: twip(LINE_PT), lineRule: 'exact' as const };
  const body = (
    text: string,
    options: {
      indent?: boolean;
      align?: (typeof AlignmentType)[keyof typeof AlignmentType];
      right?: number;
      before?: number;
    } = {},
  ) =>
    new Paragraph({
      spacing: { ...line, ...(options.before ? { before: twip(options.before) } : {}) },
      indent: {
        ...(options.indent === false ? {} : { firstLine: twip(2 * SIZE_PT.body) }),
        ...(options.right ? { right: twip(options.right) } : {}),
      },
      ...(options.align ? { alignment: options.align } : {}),
      children: [run(text, FONT.body, SIZE_PT.body)],
    });
  const document = new Document({
    creator: 'gongkai',
    title: letter.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM_TO_TWIP), height: Math.round(297 * MM_TO_TWIP) },
            margin: {
              top: Math.round(MARGINS_MM.top * MM_TO_TWIP),
              bottom: Math.round(MARGINS_MM.bottom * MM_TO_TWIP),
              left: Math.round(MARGINS_MM.left * MM_TO_TWIP),
              right: Math.round(MARGINS_MM.right * MM_TO_TWIP),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { name: FONT.number, eastAsia: FONT.number },
                    size: SIZE_PT.pageNumber * 2,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: twip(35), lineRule: 'exact', after: twip(LINE_PT / 2) },
            children: [run(letter.title, FONT.title, SIZE_PT.title, true)],
          }),
          body(letter.reference, { indent: false, align: AlignmentType.CENTER }),
          body(''),
          body(letter.addressee, { indent: false }),
          ...letter.paragraphs.map((p) => body(p)),
          ...letter.contact.map((l, i) => body(l, i === 0 ? { before: LINE_PT / 2 } : {})),
          body(SEAL_MARK, {
            indent: false,
            align: AlignmentType.RIGHT,
            right: SIGNATURE_INDENT_PT,
            before: SEAL_SPACE_PT - LINE_PT,
          }),
          body(letter.signature, { indent: false, align: AlignmentType.RIGHT, right: SIGNATURE_INDENT_PT }),
          body(letter.dateLine, { indent: false, align: AlignmentType.RIGHT, right: SIGNATURE_INDENT_PT }),
          ...letter.notes.map((n, i) => body(n, i === 0 ? { before: LINE_PT } : {})),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export function renderLetterPdf(letter: Letter): Promise<Buffer> {
  const pt = (mm: number) => mm * MM_TO_PT;
  // pdfmake multiplies the font's own line (Noto Sans SC: ascent + descent ≈ 1.448 em).
  const lineHeight = LINE_PT / (SIZE_PT.body * NOTO_SANS_LINE_EM);
  const indent = 2 * SIZE_PT.body;
  const right = { alignment: 'right' as const, margin: [0, 0, SIGNATURE_INDENT_PT, 0] as Margin };
  type Margin = [number, number, number, number];
  return renderPdf({
    info: { title: letter.title, creator: 'gongkai' },
    pageSize: 'A4',
    pageMargins: [pt(MARGINS_MM.left), pt(MARGINS_MM.top), pt(MARGINS_MM.right), pt(MARGINS_MM.bottom)],
    defaultStyle: { fontSize: SIZE_PT.body, lineHeight },
    footer: (page: number) => ({
      text: `— ${page} —`,
      alignment: 'center',
      fontSize: SIZE_PT.pageNumber,
      margin: [0, pt(MARGINS_MM.bottom) / 3, 0, 0],
    }),
    content: [
      {
        text: letter.title,
        fontSize: SIZE_PT.title,
        bold: true,
        alignment: 'center',
        lineHeight: 1.3,
        margin: [0, 0, 0, LINE_PT / 2],
      },
      { text: letter.reference, alignment: 'center', margin: [0, 0, 0, LINE_PT] },
      { text: letter.addressee },
      ...letter.paragraphs.map((p) => ({ text: p, leadingIndent: indent, alignment: 'justify' as const })),
      {
        // The contact, and the signature and date with the seal over them, are kept on one page.
        unbreakable: true,
        stack: [
          ...letter.contact.map((l, i) => ({
            text: l,
            margin: [indent, i === 0 ? LINE_PT / 2 : 0, 0, 0] as Margin,
          })),
          {
            text: SEAL_MARK,
            color: '#888888',
            ...right,
            margin: [0, SEAL_SPACE_PT - LINE_PT, SIGNATURE_INDENT_PT, 0] as Margin,
          },
          { text: letter.signature, ...right },
          { text: letter.dateLine, ...right },
        ],
      },
      ...letter.notes.map((n, i) => ({
        text: n,
        leadingIndent: indent,
        fontSize: 14,
        ...(i === 0 ? { margin: [0, LINE_PT, 0, 0] as Margin } : {}),
      })),
    ],
  });
}
