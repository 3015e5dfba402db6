import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { CALENDAR } from '../../../../test-support/case-builder.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { caseRepository } from './case-repository.ts';
import { caseService } from '../use-cases/case-service.ts';
import { queryCodes } from '../../../platform/security/query-code.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

testOnBothDatabases(
  'the case list: search, filters with their counts, sorting by any column, pages',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'city', name: '某市教育局' }, 'now');
    const clock = { today: '2025-03-03' as IsoDate };
    const service = caseService({
      store: caseRepository(db),
      calendarFor: async () => CALENDAR,
      today: () => clock.today,
      now: () => `${clock.today}T08:00:00.000Z`,
      queryCodes,
      caseWorkerName: async (_agencyId, username) =>
        (({ wang: '王经办', zhao: '赵经办' }) as Record<string, string>)[username],
    });
    const register = async (
      submittedOn: string,
      name: string,
      description: string,
      channel = 'in-person',
    ) => {
      clock.today = submittedOn as IsoDate;
      const created = await service.register(
        'city',
        {
          channel: channel as 'in-person',
          submittedOn: submittedOn as IsoDate,
          applicant: { type: 'natural', name, phone: '13800000000' },
          application: { description, delivery: 'pickup' },
        },
        'officer',
      );
      assert.ok(created.ok);
      return created.value.id;
    };
    const a = await register('2025-01-06', '张三', '学校布局调整方案');
    const b = await register('2025-02-03', '李四', '低保资金使用情况');
    const c = await register('2025-02-10', '王五', '100%达标的学校名单');
    clock.today = '2025-02-10' as IsoDate;
    const d = (
      await service.submitOnline(
        'city',
        { type: 'natural', name: '赵六' },
        { description: '学校招生计划', delivery: 'online' },
      )
    ).id;
    await service.act(
      'city',
      b,
      {
        type: 'record-reply',
        on: '2025-02-10' as IsoDate,
        outcome: 'r3_4_1',
        legalBasis: '《条例》第三十六条第（四）项',
        content: { variant: 'not-held' },
      },
      'officer',
    );
    clock.today = '2025-03-03' as IsoDate;
    const page = (query: Parameters<typeof service.page>[1]) => service.page('city', query);
    const ids = async (query: Parameters<typeof service.page>[1]) =>
      (await page(query)).summaries.map((s) => s.id);

    assert.deepEqual(await ids({}), [d, a, c, b], 'unconfirmed first, then the soonest due, finished last');
    assert.deepEqual(await ids({ q: '学校' }), [d, a, c]);
    assert.deepEqual(await ids({ q: '李四' }), [b], 'by applicant');
    assert.deepEqual(await ids({ q: c.slice(-5).toLowerCase() }), [c], 'by number, in any case');
    assert.deepEqual(await ids({ q: '100%' }), [c], 'wildcards are text');
    assert.deepEqual(await ids({ q: '_' }), []);
    assert.deepEqual(
      await ids({ open: true, overdue: true }),
      [a],
      'received 2025-01-06, due 2025-02-10: overdue on 2025-03-03',
    );
    assert.deepEqual(await ids({ dueWithinWorkingDays: 5 }), [a, c], 'due by 2025-03-10 (overdue included)');
    assert.deepEqual(await ids({ dueWithinWorkingDays: 4 }), [a]);
    assert.deepEqual(await ids({ channel: 'online' }), [d]);
    assert.deepEqual(await ids({ outcome: 'r3_4_1' }), [b]);
    assert.deepEqual(await ids({ year: 2025, statuses: ['received'] }), [a, c]);
    assert.deepEqual(await ids({ sort: 'applicant' }).then((x) => x.length), 4);
    assert.deepEqual(await ids({ sort: 'submittedOn', descending: true }), [d, c, b, a], 'ties by number');
    assert.deepEqual(await ids({ sort: 'completedOn' }), [b, a, c, d], 'the empty ones last');
    assert.deepEqual(
      await ids({ sort: 'completedOn', descending: true }),
      [b, d, c, a],
      'last also when descending',
    );
    const first = await page({ pageSize: 2 });
    const second = await page({ pageSize: 2, page: 2 });
    assert.deepEqual([first.summaries.length, second.summaries.length, first.total], [2, 2, 4]);
    assert.equal(new Set([...first.summaries, ...second.summaries].map((s) => s.id)).size, 4);
    const counted = await page({ q: '学校', statuses: ['received'] });
    assert.deepEqual(
      counted.byStatus,
      { received: 2, 'submitted-unconfirmed': 1 },
      'each status filter shows its number',
    );
    assert.deepEqual([counted.total, counted.overdue], [2, 1]);

    // Handlers and approvals: kept on the list's row, filtered and sorted there.
    const assign = (id: string, handler: string) =>
      service.act('city', id, { type: 'assign', handler, handlerName: '' }, 'officer');
    assert.ok((await assign(a, 'wang')).ok);
    assert.ok((await assign(c, 'zhao')).ok);
    assert.equal((await assign(d, 'nobody')).ok, false, 'only a case worker');
    assert.deepEqual(await ids({ handler: 'wang' }), [a]);
    assert.deepEqual(await ids({ handler: '' }), [d, b], 'not yet assigned');
    assert.deepEqual(await ids({ sort: 'handler' }), [a, c, b, d], 'by name (王 before 赵), unassigned last');
    assert.equal((await page({ handler: 'zhao' })).summaries[0]?.handlerName, '赵经办');
    await service.act(
      'city',
      c,
      { type: 'request-extension', on: '2025-03-03' as IsoDate, workingDays: 10 },
      'zhao',
      '档案较多',
    );
    assert.deepEqual(await ids({ awaitingApproval: true }), [c]);
    assert.equal((await page({ awaitingApproval: true })).summaries[0]?.awaitingApproval, 'extension');
  },
);
