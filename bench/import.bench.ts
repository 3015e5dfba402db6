/**
 * Import throughput: published reports read and audited (text extracted, tables read, every rule
 * checked) against the floor of bare text extraction of the same files — 1,000 text/HTML reports and
 * 100 PDFs by default, cycled from the fixtures, their exporter-made variants and the real reports of
 * the corpus (test-support/fixtures/reports/real/); each set timed three times, extraction and audit in
 * turn, after one audit of each distinct file, and the median kept (as the other benchmarks: warm, then
 * measured). And the same text/HTML files as a user audits a folder of them: `gongkai audit --batch`
 * (the compiled command line, its file sandbox's worker threads, the CSV written row by row), timed once
 * from the command's start to its end — cold, as a user runs it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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

/** `gongkai audit --batch` over the files written to a folder: milliseconds from start to end. */
function timeBatch(files: ReadonlyArray<{ name: string; bytes: Buffer }>): number {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-batch-'));
  try {
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    files.forEach((file, i) => writeFileSync(join(folder, `${i}-${file.name}`), file.bytes));
    const out = join(dir, 'out.csv');
    const start = process.hrtime.bigint();
    const run = spawnSync(fileURLToPath(new URL('../bin/gongkai', import.meta.url)), [
      'audit',
      '--batch',
      folder,
      '--out',
      out,
    ]);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0)
      throw new Error(`audit --batch exited ${run.status}: ${String(run.stderr).slice(0, 400)}`);
    const rows = readFileSync(out, 'utf8').trim().split('\n').length - 1;
    if (rows !== files.length) throw new Error(`audit --batch wrote ${rows} rows for ${files.length} files`);
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchImport(textReports: number, pdfReports: number): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const [set, files] of [
    ['text and HTML', corpus(['txt', 'html'], textReports)],
    ['PDF', corpus(['pdf'], pdfReports)],
  ] as const) {
    // Warmed by one audit of every distinct file (the corpus is cycled), then timed three times each,
    // extraction and audit in turn: the median of each.
    await timeAll(files.slice(0, new Set(files.map((f) => f.name)).size), true);
    const floors: number[] = [];
    const audits: number[] = [];
    for (let run = 0; run < 3; run++) {
      floors.push(await timeAll(files, false));
      audits.push(await timeAll(files, true));
    }
    const floorMs = median(floors);
    const auditMs = median(audits);
    results.push({
      set,
      files: files.length,
      floorMs,
      auditMs,
      reportsPerSecond: files.length / (auditMs / 1000),
      ratio: auditMs / floorMs,
    });
  }
  // The text set again as a folder audited by the command line, against the same bare extraction.
  const text = results[0]!;
  const batchMs = timeBatch(corpus(['txt', 'html'], textReports));
  results.push({
    set: 'audit --batch',
    files: text.files,
    floorMs: text.floorMs,
    auditMs: batchMs,
    reportsPerSecond: text.files / (batchMs / 1000),
    ratio: batchMs / text.floorMs,
  });
  return results;
}
