import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { messageService } from '../use-cases/message-service.ts';
import { shippedChinaCalendar } from '../../../shared/domain/china-work-calendar.ts';
import { listAudit } from '../../../platform/audit/audit-log.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

testOnBothDatabases(
  'messages are numbered, answered once, published by choice and counted per year',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'civil', name: '某市民政局' }, 'now');
    let today = '2025-12-30' as IsoDate;
    const service = messageService(db, {
      calendarFor: async () => shippedChinaCalendar(),
      answerDaysFor: async () => 5,
      today: () => today,
      now: () => `${today}T02:00:00Z`,
    });
    const author = { authorName: '李四', authorContact: 'li@example.com' };
    const first = await service.submit('civil', { subject: '问题一', body: '内容一', ...author });
    const second = await service.submit('civil', { subject: '问题二', body: '内容二', ...author });
    assert.deepEqual([first.message.id, second.message.id], ['LY-2025-00001', 'LY-2025-00002']);
    // Five working days from 30 December 2025 across New Year's Day 2026.
    assert.equal(first.message.dueOn, '2026-01-07');
    assert.equal(await service.lookup('civil', first.message.id, second.queryCode), undefined);
    assert.equal((await service.lookup('civil', first.message.id, first.queryCode))?.subject, '问题一');

    today = '2026-01-05' as IsoDate;
    assert.ok(
      (await service.answer('civil', first.message.id, { text: '答复一', publish: true }, 'officer')).ok,
    );
    const twice = await service.answer(
      'civil',
      first.message.id,
      { text: '改答复', publish: true },
      'officer',
    );
    assert.equal(twice.ok ? '' : twice.error.code, 'already-answered');
    today = '2026-01-09' as IsoDate;
    assert.ok(
      (await service.answer('civil', second.message.id, { text: '答复二', publish: false }, 'officer')).ok,
    );
    const third = await service.submit('civil', { subject: '问题三', body: '内容三', ...author });
    assert.equal(third.message.id, 'LY-2026-00001');

    assert.deepEqual(
      (await service.published('civil')).map((m) => [m.id, m.answer]),
      [['LY-2025-00001', '答复一']],
    );
    assert.ok((await service.setPublished('civil', second.message.id, true, 'officer')).ok);
    assert.equal((await service.published('civil')).length, 2);
    assert.deepEqual(await service.countYear('civil', 2025), {
      received: 2,
      answered: 2,
      answeredOnTime: 1,
      published: 2,
    });
    assert.deepEqual(await service.countYear('civil', 2026), {
      received: 1,
      answered: 0,
      answeredOnTime: 0,
      published: 0,
    });
    assert.deepEqual(
      (await service.list('civil')).map((m) => m.id),
      ['LY-2026-00001', 'LY-2025-00002', 'LY-2025-00001'],
      'the unanswered first',
    );
    assert.deepEqual(
      (await listAudit(db, 'civil')).map((e) => e.action),
      ['message-answered', 'message-answered', 'message-published'],
    );
  },
);
