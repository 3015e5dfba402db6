/**
 * PDF rendering with selectable Chinese text: pdfmake with Noto Sans SC (TrueType, from the npm package
 * @expo-google-fonts/noto-sans-sc, so `npm ci` alone can make PDFs; pdfkit embeds only the glyphs used).
 * No URL and no file outside the font folder may be read while rendering.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);
const fontDirectory = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const regular = join(fontDirectory, '400Regular', 'NotoSansSC_400Regular.ttf');
const bold = join(fontDirectory, '700Bold', 'NotoSansSC_700Bold.ttf');

interface PdfMake {
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;

function loadPdfMake(): PdfMake {
  if (pdfmake) return pdfmake;
  const instance = require('pdfmake') as PdfMake;
  instance.addFonts({ NotoSansSC: { normal: regular, bold, italics: regular, bolditalics: bold } });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => path === regular || path === bold);
  pdfmake = instance;
  return instance;
}

export const PDF_FONT = 'NotoSansSC';

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const document = loadPdfMake().createPdf({
    ...definition,
    defaultStyle: { font: PDF_FONT, ...definition.defaultStyle },
  });
  return Buffer.from(await document.getBuffer());
}
