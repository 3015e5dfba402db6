/**
 * The text of a PDF with a text layer, page by page, lines rebuilt by grouping text items by their y
 * position (pdfjs-dist, legacy build for Node 20). Used to read reports back and, later, to import them.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
}

export async function extractPdfLines(bytes: Uint8Array): Promise<string[][]> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const lines = new Map<number, Array<{ x: number; text: string }>>();
      for (const item of content.items as TextItem[]) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const y = Math.round((item.transform[5] ?? 0) / 2) * 2;
        const line = lines.get(y) ?? [];
        line.push({ x: item.transform[4] ?? 0, text: item.str });
        lines.set(y, line);
      }
      pages.push(
        [...lines.entries()]
          .sort((a, b) => b[0] - a[0])
          .map(([, items]) =>
            items
              .sort((a, b) => a.x - b.x)
              .map((i) => i.text)
              .join(' '),
          ),
      );
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
