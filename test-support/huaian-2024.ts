/**
 * 淮安市人民政府 2024年政府信息公开工作年度报告 (2021 format): the worked figures of
 * annual-report-format.md §8, every cell spelled out. Rows given as totals with "natural only" put the
 * whole total in the natural column; the two non-zero organisation cells are placed as the spec says.
 */
const COLUMNS = [
  'natural',
  'org_business',
  'org_research',
  'org_nonprofit',
  'org_legal',
  'org_other',
  'total',
] as const;

const T3_ROWS: Record<string, number[]> = {
  r1: [3001, 53, 0, 0, 61, 4, 3119],
  r2: [34, 0, 0, 0, 0, 0, 34],
  r3_1: [1288, 21, 0, 0, 50, 3, 1362],
  r3_2: [447, 7, 0, 0, 0, 0, 454],
  r3_3_1: [2, 0, 0, 0, 0, 0, 2],
  r3_3_2: [30, 1, 0, 0, 0, 0, 31],
  r3_3_3: [5, 0, 0, 0, 0, 0, 5],
  r3_3_4: [6, 0, 0, 0, 0, 0, 6],
  r3_3_5: [7, 1, 0, 0, 0, 0, 8],
  r3_3_6: [12, 0, 0, 0, 0, 0, 12],
  r3_3_7: [9, 0, 0, 0, 0, 0, 9],
  r3_3_8: [105, 0, 0, 0, 0, 0, 105],
  r3_4_1: [746, 12, 0, 0, 10, 1, 769],
  r3_4_2: [11, 0, 0, 0, 0, 0, 11],
  r3_4_3: [1, 0, 0, 0, 0, 0, 1],
  r3_5_1: [56, 6, 0, 0, 0, 0, 62],
  r3_5_2: [25, 0, 0, 0, 0, 0, 25],
  r3_5_3: [0, 0, 0, 0, 0, 0, 0],
  r3_5_4: [0, 0, 0, 0, 0, 0, 0],
  r3_5_5: [1, 0, 0, 0, 0, 0, 1],
  r3_6_1: [67, 3, 0, 0, 1, 0, 71],
  r3_6_2: [6, 0, 0, 0, 0, 0, 6],
  r3_6_3: [108, 2, 0, 0, 0, 0, 110],
  r3_7: [2932, 53, 0, 0, 61, 4, 3050],
  r4: [103, 0, 0, 0, 0, 0, 103],
};

const T4 = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];
const T4_CELLS = ['review', 'lit_direct', 'lit_after_review'].flatMap((row) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((col) => `t4.${row}.${col}`),
);

export function huaian2024Cells(): Record<string, number> {
  const cells: Record<string, number> = {
    't2.regulations.made': 1,
    't2.regulations.repealed': 0,
    't2.regulations.in_force': 11,
    't2.normative_docs.made': 8,
    't2.normative_docs.repealed': 26,
    't2.normative_docs.in_force': 66,
    't2.licensing.decisions': 447228,
    't2.penalty.decisions': 3985758,
    't2.coercion.decisions': 88283,
    't2.admin_fees.amount_wan': 96171.6,
  };
  for (const [row, values] of Object.entries(T3_ROWS)) {
    COLUMNS.forEach((col, i) => (cells[`t3.${row}.${col}`] = values[i] ?? NaN));
  }
  T4_CELLS.forEach((cell, i) => (cells[cell] = T4[i] ?? NaN));
  return cells;
}
