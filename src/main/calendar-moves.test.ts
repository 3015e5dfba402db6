import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../test-support/databases.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { caseRepository } from '../features/requests/db/case-repository.ts';
import { caseService } from '../features/requests/use-cases/case-service.ts';
import { calendarRepository, loadWorkCalendar } from '../features/work-calendar/index.ts';
import { queryCodes } from '../platform/security/query-code.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import { calendarsInUse, movedDueDates } from './calendar-moves.ts';

testOnBothDatabases(
  'importing a notice lists the open cases whose reply due date it moves',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'city', name: '某市教育局' }, '2026-01-01T00:00:00Z');
    const service = caseService({
      store: caseRepository(db),
      calendarFor: () => loadWorkCalendar(calendarRepository(db)),
      today: () => '2026-12-18' as IsoDate,
      now: () => '2026-12-18T08:00:00.000Z',
      queryCodes,
    });
    const register = (submittedOn: string) =>
      service.register(
        'city',
        {
          channel: 'in-person',
          submittedOn: submittedOn as IsoDate,
          applicant: { type: 'natural', name: '张三', phone: '13800000000' },
          application: { description: '学校布局调整方案', delivery: 'email' },
        },
        'officer',
      );
    const spanning = await register('2026-12-18'); // 20 working days: into January 2027
    const within = await register('2026-11-02'); // due in November 2026: no 2027 day
    assert.ok(spanning.ok && within.ok);
    const before = await calendarsInUse(db);
    await calendarRepository(db).save({
      jurisdiction: 'CN',
      year: 2027,
      data: {
        holidays: { '2027-01-01': '元旦', '2027-01-04': '测试假日' },
        makeupWorkdays: {},
        source: '测试通知',
      },
      importedBy: 'test',
      importedAt: '2026-12-18T09:00:00Z',
    });
    const moved = await movedDueDates(db, before, await calendarsInUse(db));
    assert.deepEqual(moved, [
      { agencyId: 'city', caseId: spanning.value.id, before: '2027-01-18', after: '2027-01-19' },
    ]);
  },
);
