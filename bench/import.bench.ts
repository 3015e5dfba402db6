/**
 * Import throughput: published reports read and audited (text extracted, tables read, every rule
 * checked) against the floor of bare text extraction of the same files — 1,000 text/HTML reports and
 * 100 PDFs by default, cycled from the fixtures, their exporter-made variants and the real reports of
 * the corpus (test-support/fixtures/reports/real/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extractReportText } from '../src/features/report-import/extract/extract-report-text.ts';
import { auditReportText } from '../src/features/report-import/use-cases/audit-report.ts';

export interface ImportResult {
  readonly set: string;
  readonly files: number;
  readonly floorMs: number;
  readonly auditMs: number;
  readonly reportsPerSecond: number;
  readonly ratio: number;
}

const folder = new URL('../test-support/fixtures/reports/', import.meta.url);
const NAMES = [
  'zhongwei-civil-affairs-2021',
  '014-shanghai-gov-office-2025',
  '008-pingtan-2022',
  '003-pingtan-market-regulation-2019',
];

const real = new URL('real/', folder);

function corpus(kinds: readonly string[], count: number): Array<{ name: string; bytes: Buffer }> {
  const sources = [
    ...NAMES.flatMap((name) =>
      kinds.map((kind) => ({
        name: `${name}.${kind}`,
        bytes: readFileSync(new URL(kind === 'txt' ? `${name}.txt` : `variants/${name}.${kind}`, folder)),
      })),
    ),
    ...readdirSync(real)
      // Markdown (a PDF or an OCR converted) goes with the text.
      .filter(
        (name) =>
          name !== 'README.md' &&
          kinds.some((kind) => name.endsWith(`.${kind}`) || (kind === 'txt' && name.endsWith('.md'))),
      )
      .map((name) => ({ name, bytes: readFileSync(new URL(name, real)) })),
  ];
  return Array.from({ length: count }, (_, i) => sources[i % sources.length]!);
}

async function timeAll(
  files: ReadonlyArray<{ name: string; bytes: Buffer }>,
  audit: boolean,
): Promise<number> {
  const start = process.hrtime.bigint();
  for (const file of files) {
    const extracted = await extractReportText(file.name, file.bytes);
    if (!extracted.ok) throw new Error(`${file.name}: ${extracted.error.code}`);
    if (audit) auditReportText(extracted.value.text, undefined, extracted.value.layout);
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchImport(textReports: number, pdfReports: number): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const [set, files] of [
    ['text and HTML', corpus(['txt', 'html'], textReports)],
    ['PDF', corpus(['pdf'], pdfReports)],
  ] as const) {
    await timeAll(files.slice(0, 8), true);
    const floorMs = await timeAll(files, false);
    const auditMs = await timeAll(files, true);
    results.push({
      set,
      files: files.length,
      floorMs,
      auditMs,
      reportsPerSecond: files.length / (auditMs / 1000),
      ratio: auditMs / floorMs,
    });
  }
  return results;
}
