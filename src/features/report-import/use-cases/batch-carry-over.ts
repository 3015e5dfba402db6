/**
 * Across a batch: each report's 上年结转 against the 结转下年度继续办理 of the same agency's report of the
 * year before, when both are in the batch (R6 on the totals; the rows hold the totals, so a resumed batch
 * is checked whole). Agencies are matched by the name their titles state, white space aside; a pair is
 * only made where both totals were read.
 */
import type { BatchRow } from './audit-batch.ts';

export interface CarryMismatch {
  readonly agency: string;
  readonly year: number;
  /** This year's 上年结转 (总计). */
  readonly carriedIn: number;
  /** Last year's 结转下年度继续办理 (总计). */
  readonly carriedOutBefore: number;
  readonly file: string;
  readonly previousFile: string;
}

export interface CarryAcrossYears {
  /** Pairs of reports of one agency in consecutive years, both totals read. */
  readonly pairs: number;
  readonly mismatches: readonly CarryMismatch[];
}

const agencyKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

export function carryAcrossYears(rows: readonly BatchRow[]): CarryAcrossYears {
  const read = rows.filter((r) => !r.problem && r.agency && /^\d{4}$/.test(r.year));
  const byYear = new Map<string, BatchRow[]>();
  for (const row of read) {
    const key = `${agencyKey(row.agency)}|${row.year}`;
    byYear.set(key, [...(byYear.get(key) ?? []), row]);
  }
  let pairs = 0;
  const mismatches: CarryMismatch[] = [];
  for (const row of read) {
    if (row.carried_in === '') continue;
    const year = Number(row.year);
    for (const before of byYear.get(`${agencyKey(row.agency)}|${year - 1}`) ?? []) {
      if (before.carried_out === '') continue;
      pairs++;
      if (Number(before.carried_out) !== Number(row.carried_in))
        mismatches.push({
          agency: row.agency,
          year,
          carriedIn: Number(row.carried_in),
          carriedOutBefore: Number(before.carried_out),
          file: row.file,
          previousFile: before.file,
        });
    }
  }
  mismatches.sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.year - b.year);
  return { pairs, mismatches };
}
