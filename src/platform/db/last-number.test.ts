import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../test-support/databases.ts';
import { agencyRepository } from '../../features/agencies/index.ts';
import { requestRepository } from '../../features/requests/db/request-repository.ts';
import { lockAndReadLastNumbers } from './last-number.ts';
import type { IsoDate } from '../../shared/domain/iso-date.ts';

testOnBothDatabases(
  'the last numbers of several series read at once, and two writers locking the same series in opposite orders both finish',
  async ({ db }) => {
    const agencies = agencyRepository(db);
    await agencies.create({ id: 'a', name: '甲局' }, '2025-01-01T00:00:00Z');
    await agencies.create({ id: 'b', name: '乙局' }, '2025-01-01T00:00:00Z');
    // Records a ledger import brought take numbers of the series too.
    await requestRepository(db).save('a', [
      { id: 'YSQ-2025-00007', receivedOn: '2025-03-03' as IsoDate, applicantType: 'natural' },
      { id: 'YSQ-2024-00031', receivedOn: '2024-03-04' as IsoDate, applicantType: 'natural' },
    ]);
    const series = [
      { agencyId: 'a', prefix: 'YSQ-2025-' },
      { agencyId: 'b', prefix: 'YSQ-2025-' },
      { agencyId: 'a', prefix: 'YSQ-2024-' },
    ];
    const read = await db
      .transaction()
      .execute((tx) => lockAndReadLastNumbers(tx, ['request_cases', 'disclosure_requests'], series));
    assert.deepEqual(read, [7, 0, 31]);
    // Opposite orders at once: the locks are taken in one order whatever the order given (no deadlock).
    const hold = (order: typeof series) =>
      db.transaction().execute(async (tx) => {
        const last = await lockAndReadLastNumbers(tx, ['request_cases', 'disclosure_requests'], order);
        await new Promise((resolve) => setTimeout(resolve, 50));
        return last;
      });
    const both = await Promise.all([hold(series), hold([...series].reverse()), hold(series)]);
    assert.deepEqual(both, [
      [7, 0, 31],
      [31, 0, 7],
      [7, 0, 31],
    ]);
  },
);
