/**
 * The corpus of real published reports (test-support/fixtures/reports/real/ and the four seed fixtures):
 * each file with the cell map a careful person read from it, and the score of a reading against it —
 * cells read right, read wrong (a number stated that is not the report's, or stated where the report
 * leaves it uncertain), left ambiguous, left unread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { reportFormat, type CellId, type ReportFormatId } from '../src/features/annual-report/index.ts';
import type { TextReading } from '../src/features/report-import/domain/read-report-text.ts';

export interface CorpusReport {
  readonly name: string;
  readonly file: URL;
  readonly source: string;
  readonly agency: string;
  readonly year: number;
  readonly format: ReportFormatId;
  /** How the report reaches the importer: flattened-web-text, pdf, pdf-markdown, tabbed-text, html… */
  readonly shape: string;
  /** Every cell a careful person reads for certain, with its value. */
  readonly cells: Readonly<Record<CellId, number>>;
  /** Cells the report prints but leaves uncertain (digits run together that split more than one way). */
  readonly ambiguous: readonly CellId[];
  /** Cells the report does not print at all. */
  readonly unprinted: readonly CellId[];
}

const REAL = new URL('./fixtures/reports/real/', import.meta.url);
const SEED = new URL('./fixtures/reports/', import.meta.url);
/** The seed fixtures: their expected maps list only the certain cells (the rest could not be read). */
const SEED_SHAPES: Record<string, string> = {
  'zhongwei-civil-affairs-2021': 'tabbed-text',
  '003-pingtan-market-regulation-2019': 'flattened-web-text',
  '008-pingtan-2022': 'flattened-web-text',
  '014-shanghai-gov-office-2025': 'pdf-markdown',
};

function load(dir: URL, json: string, fileName: string, shape?: string): CorpusReport {
  const raw = JSON.parse(readFileSync(new URL(json, dir), 'utf8')) as Omit<
    CorpusReport,
    'name' | 'file' | 'ambiguous' | 'unprinted'
  > &
    Partial<Pick<CorpusReport, 'ambiguous' | 'unprinted'>>;
  const all = reportFormat(raw.format).cellIds;
  const ambiguous = raw.ambiguous ?? all.filter((c) => !(c in raw.cells));
  return {
    ...raw,
    name: fileName,
    file: new URL(fileName, dir),
    source: raw.source ?? '',
    shape: shape ?? raw.shape,
    ambiguous,
    unprinted: raw.unprinted ?? [],
  };
}

export function corpusReports(): CorpusReport[] {
  const real = readdirSync(REAL)
    .filter((f) => f.endsWith('.expected.json'))
    .map((json) => {
      const stem = json.replace(/\.expected\.json$/, '');
      const file = readdirSync(REAL).find((f) => f.startsWith(`${stem}.`) && !f.endsWith('.json'));
      if (!file) throw new Error(`语料 ${json} 没有对应的报告文件`);
      return load(REAL, json, file);
    });
  const seed = Object.entries(SEED_SHAPES).map(([stem, shape]) =>
    load(SEED, `${stem}.expected.json`, `${stem}.txt`, shape),
  );
  return [...seed, ...real].sort((a, b) => a.name.localeCompare(b.name));
}

export interface CorpusScore {
  /** Cells a careful person reads for certain. */
  readable: number;
  right: number;
  /** Each wrong cell: what was stated against what the report holds (undefined: uncertain or unprinted). */
  wrong: Array<{ cell: CellId; stated: number; expected: number | undefined }>;
  /** Readable cells the reader left ambiguous, with candidates. */
  ambiguous: number;
  /** Readable cells the reader left unread. */
  unread: number;
}

export function scoreReading(report: CorpusReport, reading: TextReading): CorpusScore {
  const score: CorpusScore = { readable: 0, right: 0, wrong: [], ambiguous: 0, unread: 0 };
  for (const cell of reportFormat(report.format).cellIds) {
    const expected = report.cells[cell];
    const stated = reading.cells[cell];
    if (expected === undefined) {
      if (stated !== undefined) score.wrong.push({ cell, stated, expected });
      continue;
    }
    score.readable++;
    if (stated === undefined) {
      if (cell in reading.ambiguous) score.ambiguous++;
      else score.unread++;
    } else if (stated === expected) score.right++;
    else score.wrong.push({ cell, stated, expected });
  }
  return score;
}

/** Every cell of the format is either read, ambiguous or unprinted in a corpus map — no cell forgotten. */
export function unclassifiedCells(report: CorpusReport): CellId[] {
  return reportFormat(report.format).cellIds.filter(
    (c) => !(c in report.cells) && !report.ambiguous.includes(c) && !report.unprinted.includes(c),
  );
}
