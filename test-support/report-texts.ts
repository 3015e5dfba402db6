/**
 * Every real and seed report's text (as the importer extracts it) with its hand-checked cell map, and
 * every made-up shape with the map they share: what the importer's "never a wrong number" tests change
 * line by line and cell by cell.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { readReportText } from '../src/features/report-import/domain/read-report-text.ts';
import { extractReportText } from '../src/features/report-import/extract/extract-report-text.ts';

const fixtures = new URL('fixtures/reports/', import.meta.url);

export interface ReportText {
  readonly name: string;
  readonly text: string;
  readonly cells: Readonly<Record<string, number>>;
}

export async function reportTexts(): Promise<ReportText[]> {
  const all: ReportText[] = [];
  for (const folder of [new URL('real/', fixtures), fixtures])
    for (const name of readdirSync(folder).filter((n) => /\.(txt|md|html)$/.test(n) && n !== 'README.md')) {
      const map = JSON.parse(
        readFileSync(new URL(name.replace(/\.\w+$/, '.expected.json'), folder), 'utf8'),
      ) as { cells: Record<string, number> };
      const extracted = await extractReportText(name, readFileSync(new URL(name, folder)));
      assert.ok(extracted.ok, name);
      all.push({ name, text: extracted.value.text, cells: map.cells });
    }
  const shapes = new URL('shapes/', fixtures);
  const shared = readReportText(readFileSync(new URL('pdf-text-broken-rows.txt', shapes), 'utf8')).cells;
  for (const name of readdirSync(shapes).filter((n) => n.endsWith('.txt')))
    all.push({ name, text: readFileSync(new URL(name, shapes), 'utf8'), cells: shared });
  return all;
}

/** The cells of a changed text read differently from its report's map, named with where it changed. */
export function misreadCells(report: ReportText, changed: string, where: string): string[] {
  const { cells } = readReportText(changed);
  return Object.entries(cells).flatMap(([cell, value]) =>
    report.cells[cell] !== undefined && report.cells[cell] !== value
      ? [`${report.name}, ${where}: ${cell} read ${value}, is ${report.cells[cell]}`]
      : [],
  );
}

/**
 * Each report with each of its lines changed in turn, every way `edit` changes it: how many texts were
 * read, and every cell read differently from the report's map, named with the changed line.
 */
export async function misreadAfterEdits(
  edit: (line: string) => string[],
): Promise<{ tried: number; wrong: string[] }> {
  const wrong: string[] = [];
  let tried = 0;
  for (const report of await reportTexts()) {
    const lines = report.text.split('\n');
    lines.forEach((line, i) => {
      for (const changed of edit(line)) {
        tried++;
        const text = [...lines.slice(0, i), changed, ...lines.slice(i + 1)].join('\n');
        wrong.push(...misreadCells(report, text, `line ${i + 1} “${changed.slice(0, 60)}”`));
      }
    });
  }
  return { tried, wrong };
}

/** Where each number of a line is: its separator before it (empty at the line's start), and its digits. */
export function numbersIn(line: string): Array<{ at: number; separator: string; digits: string }> {
  return [...line.matchAll(/(^|[\s|]+)(\d+)(?=[\s|]|$)/g)].map((m) => ({
    at: m.index,
    separator: m[1]!,
    digits: m[2]!,
  }));
}
