import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../test-support/databases.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { caseRepository } from '../features/requests/db/case-repository.ts';
import { caseService } from '../features/requests/use-cases/case-service.ts';
import { calendarRepository, loadWorkCalendar } from '../features/work-calendar/index.ts';
import { queryCodes } from '../platform/security/query-code.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import { applyCalendarChange, calendarsInUse } from './calendar-moves.ts';
import { foldCase } from '../features/requests/domain/disclosure-case.ts';
import { projectCase } from '../features/requests/use-cases/case-projection.ts';

testOnBothDatabases(
  'importing a notice lists the reply, 补正 and fee dates it moves, and the case list follows',
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
    const correcting = await register('2026-12-18');
    const paying = await register('2026-12-18');
    const closedEarly = await register('2026-12-18');
    assert.ok(spanning.ok && within.ok && correcting.ok && paying.ok && closedEarly.ok);
    const on = '2026-12-18' as IsoDate;
    // A case an earlier version closed as abandoned on a provisional date (before closures waited for the
    // notice): written straight into its history, as that version did.
    await service.act(
      'city',
      closedEarly.value.id,
      { type: 'request-clarification', on, periodWorkingDays: 20, items: '请写明年份' },
      'officer',
    );
    const store = caseRepository(db);
    const history = (await store.load('city', closedEarly.value.id))!.history;
    const lapse = {
      seq: history.length + 1,
      at: '2027-01-19T01:00:00Z',
      actor: 'system:lapse',
      event: { type: 'clarification-lapsed' as const, on: '2027-01-19' as IsoDate },
    };
    await store.append(
      'city',
      closedEarly.value.id,
      lapse,
      projectCase(
        foldCase(closedEarly.value.id, [...history, lapse]),
        await loadWorkCalendar(calendarRepository(db)),
      ),
      lapse.at,
    );
    await service.act(
      'city',
      correcting.value.id,
      { type: 'request-clarification', on, periodWorkingDays: 20, items: '请写明年份' },
      'officer',
    );
    await service.act(
      'city',
      paying.value.id,
      {
        type: 'issue-fee-notice',
        method: 'per-page',
        pages: 40,
        amountYuan: 100,
        issuedOn: on,
        deliveredOn: on,
        howToPay: '缴款码',
      },
      'officer',
    );
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
    const moved = await applyCalendarChange(db, before, await calendarsInUse(db));
    assert.deepEqual(
      moved.map((m) => [m.caseId, m.what, m.before, m.after]),
      [
        [spanning.value.id, 'reply', '2027-01-18', '2027-01-19'],
        [correcting.value.id, 'clarification', '2027-01-18', '2027-01-19'],
        // The test's notice has no Spring Festival: the reply after the fee period comes earlier.
        [paying.value.id, 'reply', '2027-02-19', '2027-02-15'],
        [paying.value.id, 'fee', '2027-01-18', '2027-01-19'],
        // Closed on 2027-01-19, but on the notice the 补正 period runs through that very day.
        [closedEarly.value.id, 'closed-early', '2027-01-19', '2027-01-19'],
      ],
    );
    const listed = await service.list('city', { open: true });
    assert.equal(
      listed.find((c) => c.id === spanning.value.id)?.dueOn,
      '2027-01-19',
      'the list shows the new date',
    );
    assert.equal(listed.find((c) => c.id === correcting.value.id)?.dueOn, '2027-01-19');
  },
);
