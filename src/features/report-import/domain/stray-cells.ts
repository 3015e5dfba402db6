/**
 * A table 三 row printed with a number or two too many (a stray cell: a converter's, a crawler's, a
 * footnote's): the readings that leave out that many of its numbers, in order, and whose six cells add up
 * to the seventh (R3) — one reading, or several whose cells agree where they agree; none where the row's
 * arithmetic fits no way.
 */
import type { LineNumber } from './text-numbers.ts';
import { isTable3Row } from './split-digits.ts';

/** A row is read past a stray cell only up to this many numbers too many. */
const MAX_STRAY = 2;

/** The distinct readings of a row of `numbers` that leave `numbers.length − 7` of them out. */
export function withoutStrayCells(numbers: readonly LineNumber[]): LineNumber[][] {
  const extra = numbers.length - 7;
  if (extra < 1 || extra > MAX_STRAY) return [];
  const readings = new Map<string, LineNumber[]>();
  const choose = (from: number, kept: LineNumber[]) => {
    if (kept.length === 7) {
      const values = kept.map((n) => n.value);
      if (isTable3Row(values) && !readings.has(values.join())) readings.set(values.join(), kept);
      return;
    }
    // Leave enough numbers for the cells still to fill.
    for (let i = from; i <= numbers.length - (7 - kept.length); i++) choose(i + 1, [...kept, numbers[i]!]);
  };
  choose(0, []);
  return [...readings.values()];
}

/** What is said of a row read past its stray cells (its line, how many numbers, how many readings). */
export function strayNote(line: number, printed: number, readings: number): string {
  const head = `表三第 ${line} 行印出 ${printed} 个数字，多了 ${printed - 7} 个`;
  return readings === 1
    ? `${head}，去掉多的之后前六个之和等于总计的只有一种，按它读出`
    : `${head}，去掉多的之后前六个之和等于总计的有 ${readings} 种`;
}
