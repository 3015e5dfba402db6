import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BATCH_COLUMNS, type BatchRow } from './audit-batch.ts';
import { carryAcrossYears } from './batch-carry-over.ts';

const row = (values: Partial<Record<(typeof BATCH_COLUMNS)[number], string>>): BatchRow =>
  Object.fromEntries(BATCH_COLUMNS.map((c) => [c, values[c] ?? ''])) as BatchRow;

test('each report’s 上年结转 against last year’s 结转下年度 of the same agency, where both are in the batch', () => {
  const rows = [
    row({ file: 'a-2023.pdf', agency: '甲市人民政府', year: '2023', carried_in: '3', carried_out: '12' }),
    row({ file: 'a-2024.html', agency: '甲市 人民政府', year: '2024', carried_in: '12', carried_out: '7' }),
    row({ file: 'a-2025.txt', agency: '甲市人民政府', year: '2025', carried_in: '9', carried_out: '0' }),
    // Another agency with the same years: never paired with the first.
    row({ file: 'b-2024.pdf', agency: '乙县人民政府', year: '2024', carried_in: '12', carried_out: '' }),
    row({ file: 'b-2025.pdf', agency: '乙县人民政府', year: '2025', carried_in: '5', carried_out: '1' }),
    // A year apart by two, a report that could not be read, a total not read: no pair.
    row({ file: 'c-2021.pdf', agency: '丙局', year: '2021', carried_out: '4' }),
    row({ file: 'c-2023.pdf', agency: '丙局', year: '2023', carried_in: '9' }),
    row({ file: 'c-2022.pdf', agency: '丙局', year: '2022', problem: '没有读出任何单元格', carried_in: '4' }),
  ];
  const carry = carryAcrossYears(rows);
  assert.equal(carry.pairs, 2, 'a 2023→2024 and a 2024→2025; 乙县 2024 has no 结转下年度 read');
  assert.deepEqual(carry.mismatches, [
    {
      agency: '甲市人民政府',
      year: 2025,
      carriedIn: 9,
      carriedOutBefore: 7,
      file: 'a-2025.txt',
      previousFile: 'a-2024.html',
    },
  ]);
});
