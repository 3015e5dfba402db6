/**
 * Last year's 结转下年度继续办理 (table 三, row 四) is this year's 上年结转 (row 二) — R6. When this year's
 * row 二 was printed with its seven numbers run together and splits more than one way, the split that
 * gives exactly last year's seven numbers is the row as printed: seven numbers matching by chance is not a
 * reading anyone would take for one. No split matching leaves the row as uncertain as before (R6 is a
 * warning: agencies do carry other numbers), and nothing else is decided by last year's report.
 */

import { cellsOfRow } from '../../annual-report/index.ts';
import type { TextReading } from './read-report-text.ts';

/** Last year's row 四 by column (自然人 … 总计), each as its report printed it. */
export type CarriedOver = readonly number[];

/** A reading's row 四 by column, where all seven were read (what splits the next year's row 二). */
export function carriedOutOf(reading: Pick<TextReading, 'format' | 'cells'>): CarriedOver | undefined {
  if (!reading.format) return undefined;
  const row = cellsOfRow(reading.format, 't3', 'r4').map((c) => reading.cells[c]);
  return row.every((v) => v !== undefined) ? (row as number[]) : undefined;
}

/** The one split of row 二 that is last year's row 四, if one is. */
export function splitCarriedOver(
  readings: ReadonlyArray<readonly number[]>,
  carried: CarriedOver | undefined,
): readonly number[] | undefined {
  if (!carried || readings.length < 2) return undefined;
  const matching = readings.filter((r) => r.length === carried.length && r.every((v, c) => v === carried[c]));
  return matching.length === 1 ? matching[0] : undefined;
}

/** Said beside the row's evidence, and among the problems. */
export const CARRIED_NOTE = '（按上年报告“结转下年度继续办理”的数字拆分）';
