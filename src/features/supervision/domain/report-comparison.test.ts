import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMAT_2019, FORMAT_2021 } from '../../annual-report/index.ts';
import { repeatedShare } from '../../report-import/domain/report-prose.ts';
import { comparedFigures, writtenText } from './report-comparison.ts';

const zero = (ids: readonly string[]) => Object.fromEntries(ids.map((c) => [c, 0]));

test('the compared figures sum the outcome groups of either format and the corrected results', () => {
  const cells = {
    ...zero(FORMAT_2021.cellIds),
    't3.r1.total': 10,
    't3.r3_1.total': 4,
    't3.r3_3_1.total': 1,
    't3.r3_3_8.total': 2,
    't3.r3_6_3.total': 3,
    't4.review.total': 2,
    't4.review.corrected': 1,
    't4.lit_direct.total': 1,
    't4.lit_after_review.corrected': 1,
    't4.lit_after_review.total': 1,
  };
  const figures = comparedFigures({ format: '2021', cells });
  assert.equal(figures.applications, 10);
  assert.deepEqual(figures.outcomes, { r3_1: 4, r3_2: 0, r3_3: 3, r3_4: 0, r3_5: 0, r3_6: 3 });
  assert.deepEqual([figures.reconsiderations, figures.lawsuits, figures.corrected], [2, 2, 2]);
  const old = comparedFigures({
    format: '2019',
    cells: { ...zero(FORMAT_2019.cellIds), 't3.r3_6.total': 5 },
  });
  assert.equal(old.outcomes.r3_6, 5, 'the 2019 format has （六） as one row');
});

test('the written text is what the agency wrote; a year copied from the last one shows as repeated', () => {
  const report = (s5: string) => ({
    format: '2021' as const,
    year: 2025,
    agency: { name: '某局' },
    cells: zero(FORMAT_2021.cellIds),
    checks: [],
    sections: { s1: '本机关高度重视政府信息公开工作，持续完善公开制度和工作机制。', s5 },
  });
  const last = writtenText(report('政策解读的形式还比较单一，明年将增加图解和视频解读。'));
  const copied = writtenText(report('政策解读的形式还比较单一，明年将增加图解和视频解读。'));
  const fresh = writtenText(report('今年新上线了依申请公开的网上办理系统，办理时限平均缩短了三天。'));
  assert.match(last, /持续完善公开制度/);
  assert.equal(repeatedShare(copied, last), 1);
  assert.ok(repeatedShare(fresh, last) < 0.6);
});
