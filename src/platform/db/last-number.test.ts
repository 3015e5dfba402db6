import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../test-support/databases.ts';
import { agencyRepository } from '../../features/agencies/index.ts';
import { requestRepository } from '../../features/requests/db/request-repository.ts';
import { lastNumberInUse, lockAndReadLastNumbers } from './last-number.ts';
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

testOnBothDatabases(
  'numbers past their width: the last in use is the greatest number, not the last as text',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'a', name: '甲局' }, '2025-01-01T00:00:00Z');
    const save = (ids: readonly string[]) =>
      requestRepository(db).save(
        'a',
        ids.map((id) => ({ id, receivedOn: '2025-03-03' as IsoDate, applicantType: 'natural' as const })),
      );
    const last = (prefix: string) =>
      db.transaction().execute(async (tx) => {
        const read = await lockAndReadLastNumbers(
          tx,
          ['request_cases', 'disclosure_requests'],
          [{ agencyId: 'a', prefix }],
        );
        return [read[0], await lastNumberInUse(tx, 'disclosure_requests', 'a', prefix)];
      });
    await save(['YSQ-2025-99998', 'YSQ-2025-99999']);
    assert.deepEqual(await last('YSQ-2025-'), [99_999, 99_999], 'at the width, nothing past it');
    await save(['YSQ-2025-100000', 'YSQ-2025-100001', 'YSQ-2025-1000000']);
    assert.deepEqual(await last('YSQ-2025-'), [1_000_000, 1_000_000]);
    // Another series of the agency is not mistaken for it; a series below its width is one lookup.
    await save(['YSQ-2024-00999', 'YSQ-2024-01000']);
    assert.deepEqual(await last('YSQ-2024-'), [1_000, 1_000]);
  },
);
