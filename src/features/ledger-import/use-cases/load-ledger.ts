/**
 * Loads an agency's ledger from its files: every file is read and every row checked, and all problems
 * are reported at once. A ledger with any error is not returned, so nothing is half-imported.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readLedgerSheet, LedgerFileError } from '../file-reading/read-ledger-sheet.ts';
import type { Ledger } from '../domain/ledger.ts';
import type { LedgerProblem } from '../domain/ledger-problem.ts';
import type { SheetParse, LedgerSheet } from '../domain/ledger-sheet.ts';
import { parseRequestSheet } from '../domain/parse-request-sheet.ts';
import { parseProceedingSheet } from '../domain/parse-proceeding-sheet.ts';
import { parseDocumentSheet } from '../domain/parse-document-sheet.ts';
import { parseFigures } from '../domain/parse-figures.ts';

export interface LedgerFiles {
  readonly requests?: string;
  readonly reviews?: string;
  readonly documents?: string;
  readonly figures?: string;
}

export type LedgerLoad =
  | { readonly ok: true; readonly ledger: Ledger; readonly warnings: readonly LedgerProblem[] }
  | { readonly ok: false; readonly problems: readonly LedgerProblem[] };

function fileProblem(error: unknown): LedgerProblem {
  if (error instanceof LedgerFileError)
    return { file: error.file, line: 0, code: 'unreadable-file', severity: 'error', message: error.message };
  throw error;
}

async function loadSheet<T>(
  path: string | undefined,
  parseSheet: (sheet: LedgerSheet) => SheetParse<T>,
  problems: LedgerProblem[],
): Promise<T[]> {
  if (!path) return [];
  try {
    const parsed = parseSheet(await readLedgerSheet(path));
    problems.push(...parsed.problems);
    return parsed.records;
  } catch (error) {
    problems.push(fileProblem(error));
    return [];
  }
}

async function loadFigures(path: string | undefined, year: number, problems: LedgerProblem[]) {
  if (!path) return undefined;
  const file = basename(path);
  let input: unknown;
  try {
    input = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    problems.push({
      file,
      line: 0,
      code: 'unreadable-file',
      severity: 'error',
      message: `无法读取 JSON：${(error as Error).message}`,
    });
    return undefined;
  }
  const parsed = parseFigures(file, input, year);
  problems.push(...parsed.problems);
  return parsed.figures;
}

export async function loadLedger(files: LedgerFiles, year: number): Promise<LedgerLoad> {
  const problems: LedgerProblem[] = [];
  const requests = await loadSheet(files.requests, parseRequestSheet, problems);
  const proceedings = await loadSheet(files.reviews, parseProceedingSheet, problems);
  const documents = await loadSheet(files.documents, parseDocumentSheet, problems);
  const figures = await loadFigures(files.figures, year, problems);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return {
    ok: true,
    ledger: { requests, proceedings, documents, figures: figures ? { year, values: figures } : undefined },
    warnings: problems,
  };
}
