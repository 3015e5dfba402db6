/**
 * 信息处理费 — 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), application-lifecycle.md §8.
 * Two methods, each progressive by excess (超额累进); one method per application (第三条).
 * 第四条 按件计收, by the applicant's cumulative applications in one calendar month:
 *   1st–10th free; 11th–30th 100 元 each; from the 31st, bands of 10, each 100 元 more:
 *   fee(k) = 100 × (2 + ⌊(k − 31) / 10⌋) for k ≥ 31.
 * 第五条 按量计收, by the pages of one application: 1–30 free; 31–100 10 元/page; 101–200 20 元/page;
 *   201 and more 40 元/page.
 */
export type FeeMethod = 'per-application' | 'per-page';

/** The fee in 元 for an applicant's `ordinal`-th application in the calendar month (1-based). */
export function perApplicationFee(ordinal: number): number {
  if (!Number.isInteger(ordinal) || ordinal < 1)
    throw new RangeError(`ordinal must be a whole number ≥ 1, got ${ordinal}`);
  if (ordinal <= 10) return 0;
  if (ordinal <= 30) return 100;
  return 100 * (2 + Math.floor((ordinal - 31) / 10));
}

/** The total of an applicant's first `count` applications in one month. */
export function perApplicationTotal(count: number): number {
  let total = 0;
  for (let k = 1; k <= count; k++) total += perApplicationFee(k);
  return total;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** The fee in 元 for one application of `pages` pages. */
export function perPageFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0)
    throw new RangeError(`pages must be a whole number ≥ 0, got ${pages}`);
  return 10 * clamp(pages - 30, 0, 70) + 20 * clamp(pages - 100, 0, 100) + 40 * Math.max(pages - 200, 0);
}
