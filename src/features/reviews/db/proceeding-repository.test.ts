import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { listAudit, verifyAuditLog } from '../../../platform/audit/audit-log.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { proceedingRepository } from './proceeding-repository.ts';
import { proceedingService } from '../use-cases/proceeding-service.ts';

const audit = {
  at: '2025-09-01T02:00:00Z',
  actor: 'worker',
  action: 'proceeding.recorded',
  agencyId: 'civil',
  detail: {},
};

testOnBothDatabases(
  'proceedings are numbered per series, decided once, and listed by case',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'civil', name: '某市民政局' }, 'now');
    const store = proceedingRepository(db);
    const filed = (day: string) => ({
      kind: 'review' as const,
      filedOn: day as IsoDate,
      requestId: 'YSQ-2025-00001',
    });
    // Concurrent recordings take consecutive numbers.
    const ids = await Promise.all(
      ['2025-05-01', '2025-05-02', '2025-05-03'].map((d) =>
        store.create('civil', 'FY-2025-', filed(d), audit),
      ),
    );
    assert.deepEqual([...ids].sort(), ['FY-2025-001', 'FY-2025-002', 'FY-2025-003']);
    assert.equal(
      await store.create('civil', 'SS-2025-', { ...filed('2025-06-01'), kind: 'lit_direct' }, audit),
      'SS-2025-001',
    );
    // Two decisions at once: one is written, the other told it came too late.
    const pending = (await store.find('civil', 'FY-2025-001'))!;
    const decide = (result: 'upheld' | 'corrected', decidedOn: string) =>
      store.replace(
        'civil',
        pending,
        { ...pending, result, decidedOn: decidedOn as IsoDate },
        {
          ...audit,
          action: 'proceeding.decided',
        },
      );
    const decisions = await Promise.all([decide('upheld', '2025-07-01'), decide('corrected', '2025-07-02')]);
    assert.deepEqual([...decisions].sort(), [false, true]);
    const decided = await store.find('civil', 'FY-2025-001');
    assert.ok(decided?.result && decided.decidedOn);
    const ofCase = await store.ofRequest('civil', 'YSQ-2025-00001');
    assert.deepEqual(ofCase.map((p) => p.id).sort(), [
      'FY-2025-001',
      'FY-2025-002',
      'FY-2025-003',
      'SS-2025-001',
    ]);
    // Oldest first (the numbers of concurrent recordings need not follow their dates).
    assert.deepEqual(
      ofCase.map((p) => p.filedOn),
      ['2025-05-01', '2025-05-02', '2025-05-03', '2025-06-01'],
    );
    assert.equal(await store.find('civil', 'FY-2025-099'), undefined);
    // Every write has its entry, in an unbroken chain.
    assert.equal((await listAudit(db, 'civil')).length, 5);
    assert.equal((await verifyAuditLog(db)).ok, true);
  },
);

testOnBothDatabases(
  'a filed year is locked: no proceeding filed in it, no decision dated in it',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'civil', name: '某市民政局' }, 'now');
    const service = proceedingService({
      store: proceedingRepository(db),
      caseSubmittedOn: async () => '2025-03-03' as IsoDate,
      today: () => '2026-03-01' as IsoDate,
      now: () => '2026-03-01T02:00:00Z',
      yearLock: async (_agency, year) => year === 2025,
    });
    const locked = await service.record(
      'civil',
      'YSQ-2025-00001',
      { kind: 'review', filedOn: '2025-12-20' as IsoDate },
      'worker',
    );
    assert.deepEqual(!locked.ok && locked.error, { code: 'year-locked', agencyId: 'civil', year: 2025 });
    const open = await service.record(
      'civil',
      'YSQ-2025-00001',
      { kind: 'review', filedOn: '2026-01-05' as IsoDate },
      'worker',
    );
    assert.ok(open.ok);
    // A 2026 decision of a case filed in 2026 is fine; one dated in the locked year is not.
    const intoLocked = await service.decide(
      'civil',
      open.value.id,
      { result: 'upheld', decidedOn: '2025-12-31' as IsoDate },
      'worker',
    );
    assert.equal(!intoLocked.ok && intoLocked.error.code, 'decided-before-filed');
    assert.ok(
      (
        await service.decide(
          'civil',
          open.value.id,
          { result: 'upheld', decidedOn: '2026-02-01' as IsoDate },
          'worker',
        )
      ).ok,
    );
    assert.deepEqual(await proceedingRepository(db).list('civil'), [
      {
        id: 'FY-2026-001',
        kind: 'review',
        filedOn: '2026-01-05',
        result: 'upheld',
        decidedOn: '2026-02-01',
        requestId: 'YSQ-2025-00001',
      },
    ]);
  },
);

testOnBothDatabases(
  'a correction or removal is written only over the record it was made from',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'civil', name: '某市民政局' }, 'now');
    const store = proceedingRepository(db);
    const id = await store.create(
      'civil',
      'SS-2025-',
      { kind: 'lit_direct', filedOn: '2025-05-01' as IsoDate, requestId: 'YSQ-2025-00001' },
      audit,
    );
    const before = (await store.find('civil', id))!;
    const entry = { ...audit, action: 'proceeding.corrected' };
    const [first, second] = await Promise.all([
      store.replace('civil', before, { ...before, filedOn: '2025-05-02' as IsoDate }, entry),
      store.replace('civil', before, { ...before, filedOn: '2025-05-03' as IsoDate }, entry),
    ]);
    assert.deepEqual([first, second].sort(), [false, true]);
    const now = (await store.find('civil', id))!;
    // A removal made from the old record finds it changed; from the current one it goes.
    assert.equal(
      await store.replace('civil', before, undefined, { ...audit, action: 'proceeding.removed' }),
      false,
    );
    assert.equal(
      await store.replace('civil', now, undefined, { ...audit, action: 'proceeding.removed' }),
      true,
    );
    assert.equal(await store.find('civil', id), undefined);
    assert.deepEqual(
      (await listAudit(db, 'civil')).map((e) => e.action),
      ['proceeding.recorded', 'proceeding.corrected', 'proceeding.removed'],
    );
  },
);
