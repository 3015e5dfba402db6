import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testOnBothDatabases } from '../../../test-support/databases.ts';
import { appendAudit, listAudit, verifyAuditLog } from './audit-log.ts';

const entry = (n: number) => ({
  at: `2026-01-0${(n % 9) + 1}T08:00:00.000Z`,
  actor: `officer-${n}`,
  action: 'case.replied',
  agencyId: 'demo',
  subject: `YSQ-2026-0000${n}`,
  detail: { n },
});

testOnBothDatabases(
  'the audit log is append-only and chained: any change is found where it was made',
  async ({ db, dialect }) => {
    const empty = await verifyAuditLog(db);
    assert.deepEqual(empty, { ok: true, entries: 0, head: '0'.repeat(64) });
    await appendAudit(db, entry(1));
    await db.transaction().execute((tx) => appendAudit(tx, entry(2)));
    // Concurrent writers never fork the chain.
    await Promise.all([3, 4, 5, 6, 7, 8].map((n) => appendAudit(db, entry(n))));
    const verified = await verifyAuditLog(db, { pageSize: 3 });
    assert.ok(verified.ok, JSON.stringify(verified));
    assert.equal(verified.entries, 8);
    assert.equal((await listAudit(db)).length, 8);
    const noted = verified.head;
    await appendAudit(db, entry(9));
    const later = await verifyAuditLog(db, { expectHead: noted });
    assert.ok(later.ok && later.expectedHeadFound === true, 'the head noted earlier is still in the chain');
    const other = await verifyAuditLog(db, { expectHead: 'f'.repeat(64) });
    assert.ok(
      other.ok && other.expectedHeadFound === false,
      'a head noted elsewhere and gone means a rewrite',
    );

    await assert.rejects(
      sql`update audit_log set actor = 'someone-else' where seq = 2`.execute(db),
      /append-only/,
    );
    await assert.rejects(sql`delete from audit_log where seq = 2`.execute(db), /append-only/);

    // Around the triggers (a database administrator): each kind of change breaks the chain where it is.
    if (dialect === 'postgres') await sql`drop trigger audit_log_no_update on audit_log`.execute(db);
    else {
      await sql`drop trigger audit_log_no_update`.execute(db);
      await sql`drop trigger audit_log_no_delete`.execute(db);
    }
    const seqs = (await sql<{ seq: number }>`select seq from audit_log order by seq`.execute(db)).rows.map(
      (r) => Number(r.seq),
    );
    await sql`update audit_log set detail = '{"n":99}' where seq = ${seqs[2]}`.execute(db);
    assert.deepEqual(await verifyAuditLog(db), {
      ok: false,
      entries: 2,
      seq: seqs[2],
      reason: 'content-changed',
    });
    await sql`delete from audit_log where seq = ${seqs[2]}`.execute(db);
    assert.deepEqual(await verifyAuditLog(db), {
      ok: false,
      entries: 2,
      seq: seqs[3],
      reason: 'link-broken',
    });
  },
);
