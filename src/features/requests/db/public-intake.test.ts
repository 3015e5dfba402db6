/** What the public side asks of the store: the status by query code, a web form filed once, provisional dates. */
import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { applicant, application, caseServiceOf as setup } from '../../../../test-support/case-service.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

testOnBothDatabases(
  'the public status needs the matching query code and shows no personal data',
  async (handle) => {
    const { service } = await setup(handle);
    const { id, queryCode } = await service.submitOnline('city-edu', applicant, application);
    assert.equal(await service.publicStatus('city-edu', id, 'WRONGCODE234'), undefined);
    assert.equal(await service.publicStatus('city-edu', 'YSQ-2025-99999', queryCode ?? ''), undefined);
    const status = await service.publicStatus('city-edu', id, (queryCode ?? '').toLowerCase());
    assert.deepEqual(status, { id, status: 'submitted-unconfirmed', submittedOn: '2025-03-03' });
    assert.ok(!JSON.stringify(status).includes('律师'));
  },
);

testOnBothDatabases(
  'one web form submission files one case, however many times and however concurrently it is posted',
  async (handle) => {
    const { service } = await setup(handle);
    const once = {
      key: 'k'.repeat(64),
      cookieHash: 'c'.repeat(64),
      seal: (code: string) => `sealed:${code}`,
    };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => service.submitOnline('city-edu', applicant, application, once)),
    );
    assert.equal(new Set(answers.map((a) => a.id)).size, 1);
    assert.equal(answers.filter((a) => !a.repeated).length, 1, 'one of them created it');
    assert.equal((await service.list('city-edu', {})).length, 1);
    const receipt = await service.submissionReceipt(once.key);
    assert.equal(receipt?.case.id, answers[0]!.id);
    assert.equal(
      receipt?.submission.sealedQueryCode,
      `sealed:${answers.find((a) => !a.repeated)!.queryCode}`,
    );
    assert.equal(await service.submissionReceipt('x'.repeat(64)), undefined);
  },
);

testOnBothDatabases(
  'a due date in a year without the State Council notice is marked provisional on the public status',
  async (handle) => {
    const { service } = await setup(handle, '2026-12-04');
    const { id, queryCode } = await service.submitOnline('city-edu', applicant, application);
    await service.act(
      'city-edu',
      id,
      { type: 'confirm-receipt', receivedOn: '2026-12-04' as IsoDate },
      'officer',
    );
    const status = await service.publicStatus('city-edu', id, queryCode ?? '');
    assert.deepEqual([status?.dueOn, status?.provisional], ['2027-01-04', true]);
  },
);
