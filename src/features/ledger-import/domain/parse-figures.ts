/**
 * Figures for table 二 that come from the agency's other systems, as in figures.json:
 * `{ "year": 2024, "licensing": 1467, "penalty": 214, "coercion": 44, "admin_fees_wan": 146.39 }`.
 * Chinese keys (行政许可, 行政处罚, 行政强制, 行政事业性收费) are accepted too.
 */
import type { AgencyFigures } from '../../annual-report/index.ts';
import type { LedgerProblem } from './ledger-problem.ts';

const KEYS: ReadonlyArray<{
  field: keyof AgencyFigures;
  keys: readonly string[];
  decimal: boolean;
  label: string;
}> = [
  { field: 'licensing', keys: ['licensing', '行政许可'], decimal: false, label: '行政许可处理决定数量' },
  { field: 'penalty', keys: ['penalty', '行政处罚'], decimal: false, label: '行政处罚处理决定数量' },
  { field: 'coercion', keys: ['coercion', '行政强制'], decimal: false, label: '行政强制处理决定数量' },
  {
    field: 'adminFeesWan',
    keys: ['admin_fees_wan', '行政事业性收费', '行政事业性收费（万元）'],
    decimal: true,
    label: '行政事业性收费金额（万元）',
  },
];

export function parseFigures(
  file: string,
  input: unknown,
  year: number,
): { figures?: AgencyFigures; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const fail = (column: string | undefined, code: LedgerProblem['code'], message: string) =>
    problems.push({ file, line: 0, ...(column ? { column } : {}), code, severity: 'error', message });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail(
      undefined,
      'unreadable-file',
      '应为 JSON 对象，如 {"year": 2024, "licensing": 0, "penalty": 0, "coercion": 0, "admin_fees_wan": 0}',
    );
    return { problems };
  }
  const record = input as Record<string, unknown>;
  if (record.year !== undefined && record.year !== year) {
    fail('year', 'figures-year-mismatch', `数据年度为 ${String(record.year)}，与报告年度 ${year} 不一致`);
  }
  const figures: Partial<Record<keyof AgencyFigures, number>> = {};
  for (const { field, keys, decimal, label } of KEYS) {
    const key = keys.find((k) => record[k] !== undefined);
    const value = key === undefined ? undefined : record[key];
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value.replace(/,/g, '')) : value;
    if (
      typeof number !== 'number' ||
      !Number.isFinite(number) ||
      number < 0 ||
      (!decimal && !Number.isInteger(number))
    ) {
      const expected = decimal ? '不小于 0 的数（单位：万元）' : '不小于 0 的整数';
      fail(
        key ?? keys[0],
        'invalid-figure',
        `${label}应为${expected}，实际为 ${value === undefined ? '（缺失）' : JSON.stringify(value)}`,
      );
      continue;
    }
    figures[field] = number;
  }
  if (problems.length > 0) return { problems };
  return { figures: figures as AgencyFigures, problems };
}
