/**
 * The report as agencies print and publish it, after GB/T 9704-2012 《党政机关公文格式》: A4; margins 37 mm
 * top, 35 mm bottom, 28 mm left, 26 mm right; title in 2号 小标宋 (22 pt), section headings in 3号 黑体,
 * body in 3号 仿宋 (16 pt) at 22 lines a page, black text; page numbers "— 1 —". Shared by the DOCX and
 * PDF writers, with what both need besides: a notice on every page, the words that wrap a narrow
 * table header, and what a draft says where its text is still to be written.
 */
export const MM_TO_PT = 72 / 25.4;
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const PAGE_MM = { width: 210, height: 297 } as const;
/** The type area's width: 156 mm. */
export const TEXT_WIDTH_PT = (PAGE_MM.width - MARGINS_MM.left - MARGINS_MM.right) * MM_TO_PT;
export const SIZE_PT = { title: 22, heading: 16, body: 16, table: 9, notice: 10.5, pageNumber: 14 } as const;
/** 22 lines in the 225 mm type area. */
export const LINE_PT = 28.95;

/** What to print besides the report: a notice on every page (e.g. "not the published report"). */
export interface PrintOptions {
  readonly notice?: string;
}

export const pageNumberText = (page: number) => `— ${page} —`;

/**
 * Where a draft's text is still to be written, the file says so instead of printing the template's
 * prompt as if it were the report: "（请概述…情况。）" → "【尚待撰写：概述…情况】".
 */
export function draftMarker(text: string): string {
  return text.replace(/（请([^）]*?)。?）/gu, (_, asked: string) => {
    const what = asked.trim().replace(/^填写[；;，,]?/u, '');
    return what ? `【尚待撰写：${what}】` : '【尚待撰写】';
  });
}

const CJK = /^[\p{Script=Han}（）、“”]+$/u;

/**
 * A table header broken into lines that fit `charsPerLine`, at the two-character words these headers
 * are made of (结果/维持, 法律/服务/机构), never one character a line; other text is left to wrap.
 */
export function wrapAtWords(text: string, charsPerLine: number): string {
  const chars = [...text];
  if (charsPerLine < 2 || chars.length <= charsPerLine || !CJK.test(text)) return text;
  const perLine = charsPerLine - (charsPerLine % 2);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  // A last line of one character joins the line before it when that still fits, as a reader would set it.
  const last = lines.at(-1)!;
  if ([...last].length === 1 && lines.length > 1 && [...lines.at(-2)!].length + 1 <= charsPerLine)
    lines.splice(-2, 2, lines.at(-2)! + last);
  return lines.join('\n');
}
