import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testOnBothDatabases } from '../../test-support/databases.ts';
import { CALENDAR } from '../../test-support/case-builder.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { caseRepository } from '../features/requests/db/case-repository.ts';
import { caseService } from '../features/requests/use-cases/case-service.ts';
import { documentRepository } from '../features/proactive-disclosure/db/document-repository.ts';
import { documentService } from '../features/proactive-disclosure/use-cases/document-service.ts';
import { queryCodes } from '../platform/security/query-code.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { describeAnchorProblems, verifyRecords } from './verify-records.ts';

async function recordSome({ db }: DatabaseHandle) {
  await agencyRepository(db).create({ id: 'city', name: '某市教育局' }, '2025-01-01T00:00:00Z');
  const now = () => '2025-03-03T08:00:00.000Z';
  const cases = caseService({
    store: caseRepository(db),
    calendarFor: async () => CALENDAR,
    today: () => '2025-03-03' as IsoDate,
    now,
    queryCodes,
  });
  const created = await cases.register(
    'city',
    {
      channel: 'in-person',
      submittedOn: '2025-03-03' as IsoDate,
      applicant: { type: 'natural', name: '张三', phone: '13800000000' },
      application: { description: '学校布局调整方案', delivery: 'email' },
    },
    'officer',
  );
  assert.ok(created.ok);
  const documents = documentService({
    documents: documentRepository(db, now),
    today: () => '2025-03-03' as IsoDate,
  });
  const drafted = await documents.draft(
    'city',
    {
      title: '关于学校布局调整的通知',
      formedOn: '2025-03-01' as IsoDate,
      category: '监督检查',
      body: '正文',
      attribute: { attribute: 'proactive' },
    },
    'officer',
    async () => true,
  );
  assert.ok(drafted.ok, JSON.stringify(drafted));
  const submitted = await documents.step('city', drafted.value.id, { type: 'submit-for-review' }, 'officer');
  assert.ok(submitted.ok);
  return { caseId: created.value.id, documentId: drafted.value.id };
}

/** Drops the triggers that keep the records append-only, as a database administrator could. */
async function dropGuards({ db, dialect }: DatabaseHandle) {
  if (dialect === 'postgres') {
    await sql`drop trigger request_events_no_change on request_events`.execute(db);
    await sql`drop trigger public_documents_no_delete on public_documents`.execute(db);
    await sql`drop trigger public_documents_history_grows on public_documents`.execute(db);
  } else
    for (const trigger of [
      'request_events_no_update',
      'request_events_no_delete',
      'public_documents_no_delete',
      'public_documents_history_grows',
    ])
      await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
}

testOnBothDatabases(
  'case events and document steps are append-only: the database refuses changes',
  async (handle) => {
    const { db } = handle;
    const { caseId, documentId } = await recordSome(handle);
    const verified = await verifyRecords(db);
    assert.ok(verified.chain.ok);
    assert.deepEqual(describeAnchorProblems(verified), []);
    assert.ok(verified.caseEvents.checked >= 1 && verified.documentSteps.checked === 2);
    await assert.rejects(
      sql`update request_events set actor = 'x' where request_id = ${caseId}`.execute(db),
      /append-only/,
    );
    await assert.rejects(
      sql`delete from request_events where request_id = ${caseId}`.execute(db),
      /append-only/,
    );
    await assert.rejects(
      sql`delete from public_documents where id = ${documentId}`.execute(db),
      /append-only/,
    );
    await assert.rejects(
      sql`update public_documents set history = '[]' where id = ${documentId}`.execute(db),
      /append-only/,
    );
    // Other columns of a document change as it moves on (its status, its body before review).
    await sql`update public_documents set title = '关于学校布局调整的通知（修改）' where id = ${documentId}`.execute(
      db,
    );
  },
);

testOnBothDatabases(
  'a case event or a document step edited, deleted or slipped in behind the triggers is found by verify',
  async (handle) => {
    const { db } = handle;
    const { caseId, documentId } = await recordSome(handle);
    await dropGuards(handle);
    const problemsAfter = async (change: () => Promise<unknown>) => {
      await change();
      return describeAnchorProblems(await verifyRecords(db));
    };

    const edited = await problemsAfter(() =>
      sql`update request_events set event = replace(event, '张三', '李四') where request_id = ${caseId} and seq = 1`.execute(
        db,
      ),
    );
    assert.deepEqual(edited, [
      `机关 city 的申请 ${caseId} 第 1 项办理记录内容与审计日志记下的不符（被改动过）`,
    ]);

    const stepEdited = await problemsAfter(() =>
      sql`update public_documents set history = replace(history, '"submitted"', '"approved"') where id = ${documentId}`.execute(
        db,
      ),
    );
    assert.ok(
      stepEdited.includes(
        `机关 city 的文件 ${documentId} 第 2 项审查步骤内容与审计日志记下的不符（被改动过）`,
      ),
      stepEdited.join('\n'),
    );

    const removed = await problemsAfter(async () => {
      await sql`delete from request_events where request_id = ${caseId} and seq = 1`.execute(db);
      await sql`update public_documents set history = '[]' where id = ${documentId}`.execute(db);
    });
    assert.deepEqual(
      removed.sort(),
      [
        `机关 city 的文件 ${documentId} 第 1 项审查步骤已不存在（被删除）`,
        `机关 city 的文件 ${documentId} 第 2 项审查步骤已不存在（被删除）`,
        `机关 city 的申请 ${caseId} 第 1 项办理记录已不存在（被删除）`,
      ].sort(),
    );

    const inserted = await problemsAfter(() =>
      sql`insert into request_events (agency_id, request_id, seq, at, actor, reason, type, event)
      values ('city', ${caseId}, 1, '2025-03-03T08:00:00Z', 'officer', null, 'submitted', '{"type":"submitted"}')`.execute(
        db,
      ),
    );
    assert.ok(
      inserted.includes(`机关 city 的申请 ${caseId} 第 1 项办理记录内容与审计日志记下的不符（被改动过）`),
      inserted.join('\n'),
    );
    await sql`insert into request_events (agency_id, request_id, seq, at, actor, reason, type, event)
      values ('city', ${caseId}, 99, '2025-03-03T08:00:00Z', 'officer', null, 'replied', '{"type":"replied"}')`.execute(
      db,
    );
    assert.ok(
      describeAnchorProblems(await verifyRecords(db)).includes(
        `机关 city 的申请 ${caseId} 第 99 项办理记录审计日志中没有记载（被插入）`,
      ),
    );
  },
);
