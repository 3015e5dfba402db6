import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BATCH_COLUMNS, type BatchRow } from './audit-batch.ts';
import { carryAcrossYears, sameAgencyYear } from './batch-carry-over.ts';

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

test('one report in two files (a page and its PDF) is one year: paired once, named as the same report', () => {
  const figures = { received: '95', carried_in: '2', completed: '90', carried_out: '7', reviews: '1' };
  const rows = [
    row({ file: 'a-2024.html', agency: '甲市人民政府', year: '2024', ...figures }),
    // Its title names the agency with an addition in brackets: the same agency.
    row({ file: 'a-2024.pdf', agency: '甲市人民政府（管委会）', year: '2024', ...figures, reviews: '' }),
    row({ file: 'a-2025.html', agency: '甲市人民政府', year: '2025', carried_in: '7', carried_out: '3' }),
    row({ file: 'a-2025.pdf', agency: '甲市 人民政府', year: '2025', carried_in: '7', carried_out: '3' }),
  ];
  assert.deepEqual(carryAcrossYears(rows), { pairs: 1, mismatches: [] }, 'four files, one pair of years');
  assert.deepEqual(sameAgencyYear(rows), [
    // A figure read in one file and not in the other (reviews) is no difference.
    { agency: '甲市人民政府', year: 2024, files: ['a-2024.html', 'a-2024.pdf'], differing: [] },
    { agency: '甲市人民政府', year: 2025, files: ['a-2025.html', 'a-2025.pdf'], differing: [] },
  ]);
});

test('two reports of one agency’s year that say different things are named, and each is set against last year', () => {
  const rows = [
    row({ file: 'b-2023.pdf', agency: '乙县人民政府', year: '2023', carried_out: '4' }),
    row({ file: 'b-2024.pdf', agency: '乙县人民政府', year: '2024', received: '17', carried_in: '4' }),
    row({ file: 'b-2024-new.pdf', agency: '乙县人民政府', year: '2024', received: '95', carried_in: '5' }),
  ];
  assert.deepEqual(sameAgencyYear(rows), [
    {
      agency: '乙县人民政府',
      year: 2024,
      files: ['b-2024.pdf', 'b-2024-new.pdf'],
      differing: [
        { figure: 'received', values: [17, 95] },
        { figure: 'carried_in', values: [4, 5] },
      ],
    },
  ]);
  const carry = carryAcrossYears(rows);
  assert.equal(carry.pairs, 1);
  assert.deepEqual(
    carry.mismatches.map((m) => [m.file, m.carriedIn, m.previousFile, m.carriedOutBefore]),
    [['b-2024-new.pdf', 5, 'b-2023.pdf', 4]],
  );
});

test('a batch of many files of one agency’s year is grouped in linear time', () => {
  const rows = Array.from({ length: 50_000 }, (_, i) =>
    row({ file: `${i}.txt`, agency: '丙局', year: '2024', carried_in: '1', carried_out: '1' }),
  );
  rows.push(row({ file: 'x.txt', agency: '丙局', year: '2025', carried_in: '1' }));
  const carry = carryAcrossYears(rows);
  assert.deepEqual(carry, { pairs: 1, mismatches: [] });
  assert.equal(sameAgencyYear(rows)[0]!.files.length, 50_000);
});
