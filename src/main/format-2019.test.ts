import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../test-support/databases.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { buildStoredReport, explainStoredCell } from '../features/annual-report/index.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import { databaseFactSource } from './database-fact-source.ts';
import { databaseFiling } from './database-filing.ts';

const d = (text: string) => text as IsoDate;

testOnBothDatabases(
  'a 2020 report from the records is in the 2019 format, its merged row traced, and consolidated in it',
  async ({ db }) => {
    const agencies = agencyRepository(db);
    await agencies.create({ id: 'city', name: '某区人民政府', level: 'county' }, 'now');
    await agencies.create({ id: 'bureau', name: '某区民政局', parentId: 'city' }, 'now');
    const requests = requestRepository(db);
    await requests.save('bureau', [
      {
        id: 'A1',
        receivedOn: d('2020-03-02'),
        applicantType: 'natural',
        outcome: 'r3_6_1',
        completedOn: d('2020-04-01'),
      },
      {
        id: 'A2',
        receivedOn: d('2020-03-03'),
        applicantType: 'natural',
        outcome: 'r3_6_2',
        completedOn: d('2020-05-01'),
      },
      {
        id: 'A3',
        receivedOn: d('2020-03-04'),
        applicantType: 'org_legal',
        outcome: 'r3_1',
        completedOn: d('2020-03-20'),
      },
    ]);
    await requests.save('city', [
      {
        id: 'C1',
        receivedOn: d('2020-06-01'),
        applicantType: 'natural',
        outcome: 'r3_6_3',
        completedOn: d('2020-06-20'),
      },
    ]);
    const source = databaseFactSource(db);
    const report = await buildStoredReport(source, {
      agencyId: 'bureau',
      agencyName: '某区民政局',
      year: 2020,
      counting: 'filed-in-year',
    });
    assert.equal(report.format, '2019');
    assert.equal(report.cells['t3.r3_6.total'], 2);
    const traced = await explainStoredCell(source, 'bureau', 2020, 't3.r3_6.natural', 'filed-in-year');
    assert.ok(traced.ok);
    assert.deepEqual(traced.recordIds, ['A1', 'A2']);

    const filing = databaseFiling(
      db,
      { today: () => d('2021-02-01'), now: () => '2021-02-01T02:00:00Z' },
      source,
    );
    const sections = { s1: '总体情况。', s5: '存在的问题及改进情况。', s6: '无其他需要报告的事项。' };
    const child = await filing.fileFromRecords('bureau', 2020, {}, 'approver', sections);
    assert.ok(child.ok, JSON.stringify(!child.ok && child.error));
    assert.equal(child.value.format, '2019');
    const parent = await filing.fileFromRecords('city', 2020, {}, 'approver', sections);
    assert.ok(parent.ok, JSON.stringify(!parent.ok && parent.error));
    assert.equal(parent.value.origin, 'consolidation');
    assert.equal(parent.value.format, '2019');
    assert.equal(parent.value.report.cells['t3.r3_6.total'], 3, 'its own record and the bureau’s two');
    assert.equal(parent.value.report.cells['t3.r3_1.total'], 1);
  },
);
