/**
 * Stores a ledger for an agency and year so that the server reads the same data: every file is read
 * and checked first; only a ledger without errors is saved, in one transaction (upserting records by
 * their ids), so nothing is ever half-imported.
 */
import type { Ledger } from '../domain/ledger.ts';
import type { LedgerProblem } from '../domain/ledger-problem.ts';
import { loadLedger, type LedgerFiles } from './load-ledger.ts';
import { yearLockedMessage, type YearLock } from '../../../shared/domain/year-lock.ts';
import { datesIn, yearOf } from '../../../shared/domain/iso-date.ts';

export interface LedgerImportRecord {
  readonly id: string;
  readonly agencyId: string;
  readonly year: number;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly files: LedgerFiles;
}

/**
 * Saves a checked ledger atomically: records, figures, the import record and its audit entry — unless a
 * request id of the ledger belongs to a case handled in gongkai, in which case nothing is written and the
 * ids are returned.
 */
export interface LedgerStore {
  /**
   * `guardedYears`: filed (locked) years some record is dated in; when saving would change any of
   * their figures, nothing is written and those years are returned.
   */
  saveLedger(
    ledger: Ledger,
    record: LedgerImportRecord,
    guardedYears?: readonly number[],
  ): Promise<{ readonly caseIdsTaken: readonly string[]; readonly lockedYearsChanged?: readonly number[] }>;
}

/** Every year a ledger's records are dated in. */
function yearsOfRecords(ledger: Ledger): number[] {
  const years = new Set<number>();
  for (const record of [...ledger.requests, ...ledger.proceedings, ...ledger.documents])
    for (const date of datesIn(record)) years.add(yearOf(date));
  return [...years].sort();
}

const lockedProblem = (agencyId: string, year: number): LedgerProblem => ({
  file: '',
  line: 0,
  code: 'year-locked',
  severity: 'error',
  message: yearLockedMessage({ code: 'year-locked', agencyId, year }),
});

export type LedgerImportResult =
  | {
      readonly ok: true;
      readonly importId: string;
      readonly counts: { requests: number; proceedings: number; documents: number; figures: boolean };
      readonly warnings: readonly LedgerProblem[];
    }
  | { readonly ok: false; readonly problems: readonly LedgerProblem[] };

export async function importLedger(
  store: LedgerStore,
  input: {
    files: LedgerFiles;
    agencyId: string;
    year: number;
    actor: string;
    now: string;
    importId: string;
    /** Filed years are locked: a ledger for one is refused, and no record may change one's figures. */
    yearLock?: YearLock;
  },
): Promise<LedgerImportResult> {
  const load = await loadLedger(input.files, input.year);
  if (!load.ok) return load;
  const { ledger } = load;
  if (await input.yearLock?.(input.agencyId, input.year))
    return { ok: false, problems: [lockedProblem(input.agencyId, input.year)] };
  const guarded: number[] = [];
  if (input.yearLock)
    for (const year of yearsOfRecords(ledger))
      if (await input.yearLock(input.agencyId, year)) guarded.push(year);
  const saved = await store.saveLedger(
    ledger,
    {
      id: input.importId,
      agencyId: input.agencyId,
      year: input.year,
      importedAt: input.now,
      importedBy: input.actor,
      files: input.files,
    },
    guarded,
  );
  if (saved.lockedYearsChanged?.length)
    return {
      ok: false,
      problems: saved.lockedYearsChanged.map((year) => lockedProblem(input.agencyId, year)),
    };
  if (saved.caseIdsTaken.length > 0) {
    const file = input.files.requests ? (input.files.requests.split(/[\\/]/).pop() ?? '') : '';
    return {
      ok: false,
      problems: saved.caseIdsTaken.map((id) => ({
        file,
        line: 0,
        column: 'id',
        code: 'id-taken-by-case' as const,
        severity: 'error' as const,
        message: `申请编号“${id}”已是本系统办理的案件，台账不能覆盖它`,
      })),
    };
  }
  return {
    ok: true,
    importId: input.importId,
    counts: {
      requests: ledger.requests.length,
      proceedings: ledger.proceedings.length,
      documents: ledger.documents.length,
      figures: ledger.figures !== undefined,
    },
    warnings: load.warnings,
  };
}
