import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { organOn, reconsiderationOrgans } from './reconsideration-organ.ts';
import { reconsiderationComesFirst, remedyParagraphs } from './remedy-notice.ts';

const province = { name: '示范省人民政府', level: 'province' as const };
const city = { name: '示范市人民政府', level: 'city' as const };
const county = { name: '示范县人民政府', level: 'county' as const };
const township = { name: '示范镇人民政府', level: 'township' as const };

test('行政复议法 第二十四条: a department → its own government; a government → the next-higher one; a province → itself', () => {
  assert.equal(
    reconsiderationOrgans({ name: '示范市示范局', level: 'department' }, [city, province])?.current,
    '示范市人民政府',
  );
  assert.equal(
    reconsiderationOrgans({ name: '示范市示范局' }, [city, province])?.current,
    '示范市人民政府',
    'no level = a department',
  );
  assert.equal(
    reconsiderationOrgans(city, [province])?.current,
    '示范省人民政府',
    "a city's own acts go up, not to itself",
  );
  assert.equal(reconsiderationOrgans(township, [county, city])?.current, '示范县人民政府');
  assert.equal(reconsiderationOrgans(province, [])?.current, '示范省人民政府');
  // A sub-office inside a department: the nearest government above it.
  assert.equal(
    reconsiderationOrgans({ name: '示范局执法支队', level: 'department' }, [
      { name: '示范市示范局', level: 'department' },
      city,
    ])?.current,
    '示范市人民政府',
  );
});

test('第二十七条: a vertically led body names its organ; without a government above and no name, there is none', () => {
  assert.deepEqual(
    reconsiderationOrgans({ name: '示范市税务局', level: 'department' }, [city], '国家税务总局示范省税务局'),
    {
      current: '国家税务总局示范省税务局',
      before2024: '国家税务总局示范省税务局',
    },
  );
  assert.equal(reconsiderationOrgans({ name: '孤立的局', level: 'department' }, []), undefined);
  assert.equal(
    reconsiderationOrgans(city, []),
    undefined,
    'a city government whose province is not recorded',
  );
});

test('acts before 2024: a department may go to its government or the next-higher competent department (old law 第十二条)', () => {
  const organs = reconsiderationOrgans({ name: '示范市示范局', level: 'department' }, [city])!;
  assert.equal(organOn(organs, '2023-12-29' as IsoDate), '示范市人民政府或者上一级主管部门');
  assert.equal(organOn(organs, '2024-01-01' as IsoDate), '示范市人民政府');
  assert.equal(organOn(reconsiderationOrgans(county, [city])!, '2023-06-01' as IsoDate), '示范市人民政府');
});

test('复议前置 (第二十三条) for 不予公开 and the withheld part since 2024, not for referrals, 无法提供 or 不予处理', () => {
  const since = '2024-01-01' as IsoDate;
  for (const row of ['r3_2', 'r3_3_1', 'r3_3_4', 'r3_3_7'] as const)
    assert.ok(reconsiderationComesFirst(row, since), row);
  for (const row of ['r3_1', 'r3_3_8', 'r3_4_1', 'r3_4_2', 'r3_5_1', 'r3_5_4', 'r3_6_3'] as const)
    assert.ok(!reconsiderationComesFirst(row, since), row);
  assert.ok(!reconsiderationComesFirst('r3_3_4', '2023-12-31' as IsoDate), 'the old law had no such rule');
  const organs = { current: '示范市人民政府', before2024: '示范市人民政府或者上一级主管部门' };
  const old = remedyParagraphs('r3_3_4', '2023-12-31' as IsoDate, organs).join('');
  assert.match(
    old,
    /自收到本告知书之日起六十日内向示范市人民政府或者上一级主管部门申请行政复议，或者自收到本告知书之日起六个月内/,
  );
  assert.doesNotMatch(old, /应当先/);
  for (const row of ['r3_1', 'r3_3_4'] as const)
    assert.match(
      remedyParagraphs(row, since, organs).join(''),
      /第五十一条的规定，向上一级行政机关或者政府信息公开工作主管部门投诉、举报/,
    );
});
