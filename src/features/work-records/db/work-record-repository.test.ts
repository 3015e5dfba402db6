import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { listAudit } from '../../../platform/audit/audit-log.ts';
import { readWorkSheet } from '../domain/work-sheet.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { workRecordRepository } from './work-record-repository.ts';

const SHEET = [
  '日期,类别,数量,名称,备注',
  '2025-03-01,政务新媒体发布信息,120,“示范民政”微信公众号,',
  '2025-06-30,政务新媒体发布信息,80,示范民政微博,',
  '2025-09-30,政务新媒体发布信息,30,“示范民政”微信公众号,',
  '2025-05-12,举办政务公开培训,45,政务公开专题培训,邀请市政务公开办授课',
  '2024-12-20,政务热线来电,7,,上一年度的记录',
].join('\n');

testOnBothDatabases(
  'work records: a sheet in, listed by year, summed by kind and account, removed with a reason',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'bureau', name: '示范市民政局' }, 'now');
    const records = workRecordRepository(db);
    const read = readWorkSheet(SHEET, '2025-12-31' as IsoDate);
    assert.ok(read.ok);
    const added = await records.add('bureau', read.records, 'officer', '2026-01-05T02:00:00Z');
    assert.equal(added.length, 5);
    assert.equal((await records.list('bureau', 2025)).length, 4, 'the 2024 row belongs to 2024');
    const activity = await records.activity('bureau', 2025);
    const posts = activity.find((a) => a.kind === 'new-media-posts')!;
    assert.deepEqual(
      [posts.records, posts.total, posts.part, posts.bySubject],
      [
        3,
        230,
        'platform',
        [
          { subject: '“示范民政”微信公众号', total: 150 },
          { subject: '示范民政微博', total: 80 },
        ],
      ],
    );
    assert.equal(posts.ids.length, 3);
    const training = (await records.list('bureau', 2025, 'training-held'))[0]!;
    assert.equal(training.note, '邀请市政务公开办授课');
    await records.remove(training, '重复登记', 'reviewer', '2026-01-06T02:00:00Z');
    assert.equal((await records.list('bureau', 2025, 'training-held')).length, 0);
    const audit = await listAudit(db, 'bureau');
    assert.deepEqual(
      audit.map((e) => e.action),
      ['work-records.added', 'work-records.removed'],
    );
    assert.equal((audit[1]!.detail as { record: { subject: string } }).record.subject, '政务公开专题培训');
  },
);
