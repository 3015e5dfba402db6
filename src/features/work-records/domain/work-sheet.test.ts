import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { readWorkSheet } from './work-sheet.ts';

const today = '2025-12-31' as IsoDate;

test('a sheet from a spreadsheet, tab-separated, is read by its headers in any order', () => {
  const read = readWorkSheet('类别\t日期\t数量\t栏目\n网站栏目更新信息\t2025-02-01\t12\t工作动态\n', today);
  assert.ok(read.ok);
  assert.deepEqual(read.records, [
    { kind: 'website-updates', on: '2025-02-01', count: 12, subject: '工作动态' },
  ]);
});

test('every wrong row is named with its line, and nothing is kept', () => {
  const read = readWorkSheet(
    [
      '日期,类别,数量,名称',
      '2025-02-30,政务热线来电,3,',
      '2025-03-01,热线,3,',
      '2025-03-01,政务新媒体发布信息,-1,公众号',
      '2025-03-01,政务新媒体发布信息,3,',
      '2026-01-01,政务热线来电,3,',
      '2025-03-02,政务热线来电,4,',
    ].join('\n'),
    today,
  );
  assert.ok(!read.ok);
  assert.deepEqual(read.problems, [
    '第 2 行：日期“2025-02-30”无效：应为 YYYY-MM-DD',
    '第 3 行：类别“热线”不认识，应为：政务新媒体发布信息、网站栏目更新信息、政务信箱来信、政务热线来电、修订政府信息公开目录、举办政务公开培训、参加上级组织的培训、考核评议、监督检查、政府开放日活动',
    '第 4 行：数量“-1”无效：应为 0 至 10000000 的整数',
    '第 5 行：请填写账号',
    '第 6 行：日期不能晚于今天（2025-12-31）',
  ]);
  assert.match(readWorkSheet('时间,名称\n2025-01-01,x', today).ok ? '' : 'missing', /missing/);
  const noHeader = readWorkSheet('2025-01-01,政务热线来电,3', today);
  assert.ok(!noHeader.ok && /表头.*缺少：日期、类别、数量/.test(noHeader.problems[0]!));
});
