import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { enqueueNotice, MAX_ATTEMPTS, noticeOutbox, retryDelayMs } from './notice-outbox.ts';

const at = (text: string) => new Date(text);

testOnBothDatabases(
  'the outbox hands each due notice to one sender, retries with backoff, then gives up',
  async ({ db }) => {
    const outbox = noticeOutbox(db);
    for (let seq = 1; seq <= 4; seq++)
      await enqueueNotice(db, {
        agencyId: 'city',
        requestId: 'YSQ-2025-00001',
        eventSeq: seq,
        recipient: 'a@example.cn',
        at: '2025-03-03T08:00:00.000Z',
      });
    const [first, second] = await Promise.all([
      outbox.claimDue(at('2025-03-03T08:00:01Z')),
      outbox.claimDue(at('2025-03-03T08:00:01Z')),
    ]);
    assert.equal(first!.length + second!.length, 4, 'every due notice is claimed once');
    assert.equal(new Set([...first!, ...second!].map((n) => n.id)).size, 4);
    assert.deepEqual(await outbox.claimDue(at('2025-03-03T08:01:00Z')), [], 'claimed ones are leased');
    const [one, two] = [...first!, ...second!];
    await outbox.markSent(one!.id, at('2025-03-03T08:00:02Z'));
    await outbox.markFailed(two!, 'connection refused', at('2025-03-03T08:00:02Z'));
    const failed = await outbox.find('city', two!.id);
    assert.deepEqual(
      [failed?.status, failed?.attempts, failed?.nextAttemptAt],
      ['pending', 1, '2025-03-03T08:01:02.000Z'],
    );
    // The lease of the two others runs out: another sender may take them (a crashed sender).
    const afterLease = await outbox.claimDue(at('2025-03-03T08:06:00Z'));
    assert.equal(afterLease.length, 3);
    let notice = afterLease.find((n) => n.id === two!.id)!;
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await outbox.markFailed(notice, 'still down', at('2025-03-03T09:00:00Z'));
      notice = (await outbox.find('city', notice.id))!;
    }
    assert.equal(notice.status, 'failed');
    assert.equal(retryDelayMs(MAX_ATTEMPTS), 6 * 3600_000, 'at most six hours apart');
    assert.deepEqual((await outbox.list('city', { unsent: true })).map((n) => n.status).sort(), [
      'failed',
      'sending',
      'sending',
    ]);
    assert.equal(await outbox.retry('city', notice.id, at('2025-03-04T00:00:00Z')), true);
    assert.equal(await outbox.retry('other-agency', notice.id, at('2025-03-04T00:00:00Z')), false);
    assert.equal((await outbox.find('city', notice.id))?.status, 'pending');
  },
);
