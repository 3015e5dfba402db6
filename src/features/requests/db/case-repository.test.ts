import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { caseServiceOf as setup } from '../../../../test-support/case-service.ts';
import { caseRepository } from './case-repository.ts';
import { requestRepository } from './request-repository.ts';
import { ConcurrentChangeError } from '../use-cases/case-store.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

import { applicant, application } from '../../../../test-support/case-service.ts';

testOnBothDatabases(
  'an online application waits for confirmation, then counts in the report as received',
  async (handle) => {
    const { service } = await setup(handle);
    const first = await service.submitOnline('city-edu', applicant, application);
    const second = await service.submitOnline('city-edu', applicant, application);
    assert.deepEqual([first.id, second.id], ['YSQ-2025-00001', 'YSQ-2025-00002']);
    assert.match(first.queryCode ?? '', /^[A-Z2-9]{12}$/);
    assert.equal(
      await requestRepository(handle.db).count('city-edu'),
      0,
      'an unconfirmed application is not yet received',
    );
    const confirmed = await service.act(
      'city-edu',
      first.id,
      { type: 'confirm-receipt', receivedOn: '2025-03-03' as IsoDate },
      'officer-1',
    );
    assert.ok(confirmed.ok);
    assert.equal(confirmed.value.deadline.kind === 'running' && confirmed.value.deadline.dueOn, '2025-03-31');
    const records = await requestRepository(handle.db).list('city-edu');
    assert.deepEqual(
      records.map((r) => [r.id, r.receivedOn, r.applicantType]),
      [['YSQ-2025-00001', '2025-03-03', 'org_legal']],
    );
    const open = await service.list('city-edu', { open: true });
    assert.deepEqual(
      open.map((c) => [c.id, c.status, c.dueOn ?? null]),
      [
        ['YSQ-2025-00001', 'received', '2025-03-31'],
        ['YSQ-2025-00002', 'submitted-unconfirmed', null],
      ],
    );
  },
);

testOnBothDatabases(
  'a refused step leaves the case as it was; a reply completes it in the report',
  async (handle) => {
    const { service, clock } = await setup(handle);
    const created = await service.register(
      'city-edu',
      { channel: 'in-person', submittedOn: '2025-03-03' as IsoDate, applicant, application },
      'officer-1',
    );
    assert.ok(created.ok);
    const id = created.value.id;
    clock.today = '2025-03-20' as IsoDate;
    const refused = await service.act(
      'city-edu',
      id,
      { type: 'request-clarification', on: '2025-03-20' as IsoDate, items: '请写明年份' },
      'officer-1',
    );
    assert.deepEqual(!refused.ok && refused.error, {
      code: 'clarification-notice-too-late',
      latestOn: '2025-03-12',
    });
    assert.equal((await service.view('city-edu', id))?.history.length, 2);
    const replied = await service.act(
      'city-edu',
      id,
      {
        type: 'record-reply',
        on: '2025-03-20' as IsoDate,
        outcome: 'r3_1',
        legalBasis: '《条例》第三十六条第（二）项',
        content: { variant: 'provided', disclosed: '2024年度部门预算' },
      },
      'officer-1',
    );
    assert.ok(replied.ok);
    const [record] = await requestRepository(handle.db).list('city-edu');
    assert.deepEqual([record?.outcome, record?.completedOn], ['r3_1', '2025-03-20']);
    const history = (await service.view('city-edu', id))?.history ?? [];
    assert.deepEqual(
      history.map((h) => [h.seq, h.event.type, h.actor]),
      [
        [1, 'submitted', 'officer-1'],
        [2, 'receipt-confirmed', 'officer-1'],
        [3, 'replied', 'officer-1'],
      ],
    );
  },
);

testOnBothDatabases(
  'two officers acting at once: the second is told to reload, and nothing is lost',
  async (handle) => {
    const { service } = await setup(handle);
    const created = await service.register(
      'city-edu',
      { channel: 'in-person', submittedOn: '2025-03-03' as IsoDate, applicant, application },
      'officer-1',
    );
    assert.ok(created.ok);
    const store = caseRepository(handle.db);
    const stale = await store.load('city-edu', created.value.id);
    await service.act(
      'city-edu',
      created.value.id,
      { type: 'request-explanation', on: '2025-03-03' as IsoDate },
      'officer-1',
    );
    const event = {
      seq: (stale?.history.length ?? 0) + 1,
      at: '2025-03-03T09:00:00Z',
      actor: 'officer-2',
      event: { type: 'withdrawn' as const, on: '2025-03-03' as IsoDate },
    };
    const projection = {
      channel: 'in-person' as const,
      submittedOn: '2025-03-03' as IsoDate,
      status: 'withdrawn' as const,
      applicantType: 'org_legal' as const,
      applicantName: 'x',
      applicantIdentity: 'name:x',
      description: 'x',
    };
    await assert.rejects(
      store.append('city-edu', created.value.id, event, projection, 'now'),
      ConcurrentChangeError,
    );
    assert.equal(
      (await store.load('city-edu', created.value.id))?.history.at(-1)?.event.type,
      'explanation-requested',
    );
  },
);

testOnBothDatabases(
  'case numbers never collide with imported ledger ids, and a ledger cannot overwrite a case',
  async (handle) => {
    const { service } = await setup(handle);
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { importLedger } = await import('../../ledger-import/index.ts');
    const { databaseLedgerStore } = await import('../../../main/ledger-store.ts');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-ledger-'));
    const ledger = join(dir, 'requests.csv');
    writeFileSync(
      ledger,
      'id,received_on,applicant_type,outcome,completed_on\nYSQ-2025-00007,2025-01-06,natural,r3_1,2025-01-10\n',
    );
    const imported = await importLedger(databaseLedgerStore(handle.db), {
      files: { requests: ledger },
      agencyId: 'city-edu',
      year: 2025,
      actor: 'x',
      now: 'now',
      importId: 'i1',
    });
    assert.ok(imported.ok);
    const created = await service.submitOnline('city-edu', applicant, application);
    assert.equal(created.id, 'YSQ-2025-00008');
    writeFileSync(
      ledger,
      `id,received_on,applicant_type,outcome,completed_on\n${created.id},2025-01-06,natural,r3_1,2025-01-10\n`,
    );
    const refused = await importLedger(databaseLedgerStore(handle.db), {
      files: { requests: ledger },
      agencyId: 'city-edu',
      year: 2025,
      actor: 'x',
      now: 'now',
      importId: 'i2',
    });
    assert.ok(!refused.ok && refused.problems[0]?.code === 'id-taken-by-case');
    assert.equal(await requestRepository(handle.db).count('city-edu'), 1);
  },
);

testOnBothDatabases(
  'lapsed 补正 and payment periods close their cases on the next sweep, as r3_6_1 and r3_6_2',
  async (handle) => {
    const { service, clock } = await setup(handle, '2024-11-04');
    const register = async () => {
      const created = await service.register(
        'city-edu',
        { channel: 'in-person', submittedOn: '2024-11-04' as IsoDate, applicant, application },
        'officer-1',
      );
      assert.ok(created.ok);
      return created.value.id;
    };
    const clarified = await register();
    const charged = await register();
    const answered = await register();
    clock.today = '2024-11-06' as IsoDate;
    await service.act(
      'city-edu',
      clarified,
      {
        type: 'request-clarification',
        on: '2024-11-06' as IsoDate,
        periodWorkingDays: 10,
        items: '请写明年份',
      },
      'officer-1',
    );
    await service.act(
      'city-edu',
      charged,
      {
        type: 'issue-fee-notice',
        howToPay: '通过非税收入缴款码缴纳',
        method: 'per-page',
        amountYuan: 100,
        pages: 40,
        issuedOn: '2024-11-06' as IsoDate,
        deliveredOn: '2024-11-06' as IsoDate,
      },
      'officer-1',
    );
    await service.act(
      'city-edu',
      answered,
      {
        type: 'request-clarification',
        on: '2024-11-06' as IsoDate,
        periodWorkingDays: 10,
        items: '请写明年份',
      },
      'officer-1',
    );
    await service.act(
      'city-edu',
      answered,
      {
        type: 'receive-clarification',
        description: '2024年度本局行政许可事项目录',
        on: '2024-11-06' as IsoDate,
      },
      'officer-1',
    );
    clock.today = '2024-11-20' as IsoDate;
    assert.deepEqual(
      await service.closeLapsedPeriods(['city-edu']),
      [],
      'nothing has lapsed on the last day of the period',
    );
    clock.today = '2024-12-30' as IsoDate;
    assert.deepEqual((await service.closeLapsedPeriods(['city-edu'])).sort(), [clarified, charged].sort());
    const records = await requestRepository(handle.db).list('city-edu');
    assert.deepEqual(
      records
        .filter((r) => r.outcome)
        .map((r) => [r.id, r.outcome, r.completedOn])
        .sort(),
      [
        [clarified, 'r3_6_1', '2024-11-21'],
        [charged, 'r3_6_2', '2024-12-05'],
      ].sort(),
    );
    const history = (await service.view('city-edu', clarified))?.history ?? [];
    assert.equal(history.at(-1)?.actor, 'system:lapse');
  },
);

testOnBothDatabases(
  'a counter or oral application is received the day it is submitted; a signed-for letter the day it is signed for (第三十一条)',
  async (handle) => {
    const { service } = await setup(handle, '2025-03-14');
    const intake = (channel: 'in-person' | 'oral' | 'signed-post', receivedOn?: string) =>
      service.register(
        'city-edu',
        {
          channel,
          submittedOn: '2025-03-03' as IsoDate,
          ...(receivedOn ? { receivedOn: receivedOn as IsoDate } : {}),
          applicant,
          application,
        },
        'officer-1',
      );
    for (const channel of ['in-person', 'oral'] as const) {
      const later = await intake(channel, '2025-03-10');
      assert.deepEqual(later.ok ? later.value : later.error, { code: 'received-on-submission' });
      const same = await intake(channel);
      assert.ok(same.ok);
      assert.equal((await service.view('city-edu', same.value.id))?.case.receivedOn, '2025-03-03');
    }
    const signed = await intake('signed-post', '2025-03-05');
    assert.ok(signed.ok);
    assert.equal((await service.view('city-edu', signed.value.id))?.case.receivedOn, '2025-03-05');
  },
);

testOnBothDatabases(
  'the monthly fee tiers count one applicant by ID number: two people sharing a name are two applicants',
  async (handle) => {
    const { service } = await setup(handle, '2025-03-20');
    const register = (name: string, idNumber?: string) =>
      service.register(
        'city-edu',
        {
          channel: 'in-person',
          submittedOn: '2025-03-03' as IsoDate,
          applicant: { type: 'natural', name, phone: '13800000000', ...(idNumber ? { idNumber } : {}) },
          application,
        },
        'officer-1',
      );
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      const created = await register('王伟', '110101199001011234');
      assert.ok(created.ok);
      ids.push(created.value.id);
    }
    const namesake = await register('王伟', '320102198505054321');
    assert.ok(namesake.ok);
    const eleventh = await service.feeQuote('city-edu', ids[10]!, 'per-application');
    assert.deepEqual(eleventh.ok && [eleventh.value.amountYuan, eleventh.value.basis], [
      100,
      '王伟2025年03月第 11 件申请',
    ]);
    const other = await service.feeQuote('city-edu', namesake.value.id, 'per-application');
    assert.deepEqual(other.ok && other.value.amountYuan, 0, 'the namesake’s first application is free');
    const spaced = await register('王伟', '110101 19900101 1234');
    assert.ok(spaced.ok);
    const twelfth = await service.feeQuote('city-edu', spaced.value.id, 'per-application');
    assert.deepEqual(
      twelfth.ok && twelfth.value.basis,
      '王伟2025年03月第 12 件申请',
      'the same number written with spaces',
    );
  },
);
