/**
 * The text of a PDF with a text layer, page by page, lines rebuilt by grouping text items by their y
 * position (pdfjs-dist, legacy build for Node 20). Used to read reports back and, later, to import them.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly height?: number;
  readonly width?: number;
}

/** A line's pieces of text where the page shows them (points from the left edge). */
export interface PdfLineItem {
  readonly x: number;
  readonly width: number;
  readonly text: string;
}

export async function extractPdfLines(bytes: Uint8Array): Promise<string[][]> {
  return (await extractPdfLayout(bytes)).map((page) => page.map((line) => line.map((i) => i.text).join(' ')));
}

/** A PDF with more pages than its reader accepts: refused before any page is opened. */
export class TooManyPages extends Error {
  constructor(
    readonly pages: number,
    readonly limit: number,
  ) {
    super(`PDF 共 ${pages} 页，超过 ${limit} 页的上限`);
  }
}

/** Each page's lines, each line its items left to right with their positions. */
export async function extractPdfLayout(
  bytes: Uint8Array,
  options: { maxPages?: number } = {},
): Promise<PdfLineItem[][][]> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    if (options.maxPages !== undefined && document.numPages > options.maxPages)
      throw new TooManyPages(document.numPages, options.maxPages);
    const pages: PdfLineItem[][][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items = (content.items as TextItem[])
        .filter((item) => 'str' in item && item.str.trim() !== '')
        .map((item) => ({
          x: item.transform[4] ?? 0,
          y: item.transform[5] ?? 0,
          width: item.width ?? 0,
          height: Math.abs(item.height ?? item.transform[3] ?? 10) || 10,
          text: item.str,
        }))
        .sort((a, b) => b.y - a.y);
      // Items whose baselines are closer than half a line belong to one line: a number set a point
      // lower than its row's label (vertically centred cells) stays on the label's line.
      const lines: Array<{ y: number; height: number; items: typeof items }> = [];
      for (const item of items) {
        const line = lines.at(-1);
        if (line && line.y - item.y < Math.min(line.height, item.height) * 0.5) line.items.push(item);
        else lines.push({ y: item.y, height: item.height, items: [item] });
      }
      pages.push(
        lines.map((line) =>
          line.items.sort((a, b) => a.x - b.x).map((i) => ({ x: i.x, width: i.width, text: i.text })),
        ),
      );
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
