// Writes each report fixture's tables in the other forms agencies publish — HTML, DOCX, PDF, XLSX —
// with the project's own exporters, to test-support/fixtures/reports/variants/, so that the importer is
// tested on every form without generating them in the test. Run once after a fixture is added:
//   node --import tsx scripts/make-report-variants.ts
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderReport } from '../src/features/annual-report/export/render-report.ts';
import { checkConsistency, type ReportFormatId } from '../src/features/annual-report/index.ts';

const folder = new URL('../test-support/fixtures/reports/', import.meta.url);
const target = new URL('variants/', folder);
mkdirSync(target, { recursive: true });
for (const file of readdirSync(folder).filter((f) => f.endsWith('.expected.json'))) {
  const name = file.replace('.expected.json', '');
  const expected = JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as {
    agency: string;
    year: number;
    format: ReportFormatId;
    cells: Record<string, number>;
  };
  const base = {
    format: expected.format,
    year: expected.year,
    agency: { name: expected.agency },
    cells: expected.cells,
  };
  const report = { ...base, checks: checkConsistency(base) };
  for (const format of ['html', 'docx', 'pdf', 'xlsx'] as const) {
    writeFileSync(new URL(`${name}.${format}`, target), await renderReport(report, format));
    console.log(`${name}.${format}`);
  }
}
