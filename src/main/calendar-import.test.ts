import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testOnBothDatabases } from '../../test-support/databases.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { caseRepository } from '../features/requests/db/case-repository.ts';
import { caseService } from '../features/requests/use-cases/case-service.ts';
import { calendarRepository, loadWorkCalendar } from '../features/work-calendar/index.ts';
import { queryCodes } from '../platform/security/query-code.ts';
import { listAudit } from '../platform/audit/audit-log.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import { importCalendar } from './calendar-import.ts';

const NOTICE = readFileSync(
  new URL('../../test-support/fixtures/calendar/test-notice-2027.txt', import.meta.url),
  'utf8',
);

testOnBothDatabases(
  'a preview reads the notice and lists the moves inside a transaction it rolls back; the import keeps them',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'city', name: '某市教育局' }, '2027-01-01T00:00:00Z');
    const service = caseService({
      store: caseRepository(db),
      calendarFor: () => loadWorkCalendar(calendarRepository(db)),
      today: () => '2027-01-14' as IsoDate,
      now: () => '2027-01-14T08:00:00.000Z',
      queryCodes,
    });
    const created = await service.register(
      'city',
      {
        channel: 'in-person',
        submittedOn: '2027-01-14' as IsoDate,
        applicant: { type: 'natural', name: '张三' },
        application: { description: '学校布局调整方案', delivery: 'email' },
      },
      'officer',
    );
    assert.ok(created.ok);
    const listedDue = async () => (await service.list('city', {}))[0]?.dueOn;
    const input = {
      year: 2027,
      jurisdiction: 'CN',
      text: NOTICE,
      kind: 'notice' as const,
      source: '测试通知',
    };
    const at = { actor: 'admin', now: '2027-01-14T09:00:00.000Z' };

    const preview = await importCalendar(db, input, { ...at, dryRun: true });
    assert.ok(preview.ok);
    assert.deepEqual(
      preview.moved.map((m) => [m.caseId, m.what, m.before, m.after]),
      [[created.value.id, 'reply', '2027-02-17', '2027-02-18']],
    );
    assert.equal((await calendarRepository(db).imported()).length, 0, 'the year is not saved');
    assert.equal(await listedDue(), '2027-02-17', 'the listed due date is untouched');
    const imports = async () =>
      (await listAudit(db)).filter((e) => e.action === 'calendar.import').map((e) => e.subject);
    assert.deepEqual(await imports(), [], 'nor audited');

    const bad = await importCalendar(db, { ...input, year: 1999 }, { ...at, dryRun: false });
    assert.deepEqual(bad, { ok: false, problems: ['年度“1999”无效：应为 2019 至 2100 年'] });

    const imported = await importCalendar(db, input, { ...at, dryRun: false });
    assert.ok(imported.ok);
    assert.equal(imported.moved.length, 1);
    assert.equal(await listedDue(), '2027-02-18');
    assert.deepEqual(
      (await calendarRepository(db).imported()).map((y) => [y.year, y.jurisdiction, y.source, y.holidays]),
      [[2027, 'CN', '测试通知', 11]],
    );
    assert.deepEqual(await imports(), ['work_calendar_years/CN/2027']);
  },
);
