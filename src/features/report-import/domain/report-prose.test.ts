import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { proseOf, repeatedShare, statedFigures } from './report-prose.ts';
import { auditReportText } from '../use-cases/audit-report.ts';

const text = (name: string) =>
  readFileSync(new URL(`../../../../test-support/fixtures/reports/${name}.txt`, import.meta.url), 'utf8');

test('the figures the text states are compared with the tables (R8)', () => {
  assert.deepEqual(statedFigures(proseOf(text('014-shanghai-gov-office-2025'))), {
    received: 1295,
    carriedIn: 189,
    completed: 1191,
  });
  const pingtan = auditReportText(text('008-pingtan-2022'));
  assert.deepEqual(pingtan.stated, { received: 75, reviews: 2, lawsuits: 1 });
  const received = pingtan.checks.find((c) => c.rule === 'R8.received');
  assert.deepEqual(
    [received?.status, received?.lhs, received?.rhs],
    ['fail', 75, 74],
    'the text counts 75, the table 74',
  );
  assert.equal(pingtan.checks.find((c) => c.rule === 'R8.lawsuits')?.status, 'pass');
});

test('prose copied from last year is measured with its figures changed, the tables left out', () => {
  const lastYear =
    '2021年，本局收到政府信息公开申请12件，均按时答复。我们坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化。二、主动公开政府信息情况 规章 0 0 0 五、存在的主要问题及改进情况 人员力量不足。';
  const thisYear =
    '2022年，本局收到政府信息公开申请75件，均按时答复。我们坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化。今年新建了政策文件库并完成了全部规范性文件的清理工作。二、主动公开政府信息情况 规章 1 0 1';
  const share = repeatedShare(proseOf(thisYear), proseOf(lastYear));
  assert.ok(share > 0.5 && share < 1, `share ${share}`);
  assert.equal(repeatedShare(proseOf(thisYear), proseOf(thisYear)), 1);
  assert.equal(
    repeatedShare(proseOf(text('008-pingtan-2022')), proseOf(text('014-shanghai-gov-office-2025'))),
    0,
  );
});
