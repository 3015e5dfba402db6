import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { caseServiceOf, applicant, application } from '../../../../test-support/case-service.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { verifyAuditLog } from '../../../platform/audit/audit-log.ts';
import { caseRepository } from './case-repository.ts';
import { requestRepository } from './request-repository.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

testOnBothDatabases(
  'applications arriving together are written as groups: numbered per agency in arrival order, each form once, the chain whole',
  async (handle) => {
    const { service } = await caseServiceOf(handle);
    await agencyRepository(handle.db).create(
      { id: 'city-health', name: '某市卫生健康委员会' },
      '2025-01-01T00:00:00Z',
    );
    const once = (key: string) => ({ key, cookieHash: 'c', seal: (code: string) => `sealed:${code}` });
    // The first goes alone; the rest arrive while it is written and go in one group.
    const made = await Promise.all([
      service.submitOnline('city-edu', applicant, application),
      service.submitOnline('city-health', applicant, application),
      service.submitOnline('city-edu', applicant, application, once('form-1')),
      service.submitOnline('city-edu', applicant, application, once('form-1')),
      service.submitOnline('city-health', applicant, application),
      service.submitOnline('city-edu', applicant, application),
    ]);
    assert.deepEqual(
      made.map((m) => [m.id, m.repeated ?? false]),
      [
        ['YSQ-2025-00001', false],
        ['YSQ-2025-00001', false],
        ['YSQ-2025-00002', false],
        ['YSQ-2025-00002', true],
        ['YSQ-2025-00002', false],
        ['YSQ-2025-00003', false],
      ],
    );
    assert.equal(made[3]!.queryCode, undefined, 'the repeated form gets no second code');
    // The same form again, later and alone: the case it made.
    const again = await service.submitOnline('city-edu', applicant, application, once('form-1'));
    assert.deepEqual([again.id, again.repeated], ['YSQ-2025-00002', true]);
    const cases = caseRepository(handle.db);
    assert.equal((await cases.submission('form-1'))?.requestId, 'YSQ-2025-00002');
    assert.deepEqual((await service.list('city-edu', {})).map((c) => c.id).sort(), [
      'YSQ-2025-00001',
      'YSQ-2025-00002',
      'YSQ-2025-00003',
    ]);
    const chain = await verifyAuditLog(handle.db);
    assert.ok(chain.ok, JSON.stringify(chain));
  },
);

testOnBothDatabases(
  'a group with one bad application: the others are written, that one alone refused',
  async (handle) => {
    const { service } = await caseServiceOf(handle);
    const outcomes = await Promise.allSettled([
      service.submitOnline('city-edu', applicant, application),
      service.submitOnline('city-edu', applicant, application),
      service.submitOnline('no-such-agency', applicant, application),
      service.submitOnline('city-edu', applicant, application),
    ]);
    assert.deepEqual(
      outcomes.map((o) => (o.status === 'fulfilled' ? o.value.id : 'refused')),
      ['YSQ-2025-00001', 'YSQ-2025-00002', 'refused', 'YSQ-2025-00003'],
    );
    assert.ok((await verifyAuditLog(handle.db)).ok);
  },
);

testOnBothDatabases(
  'an agency past 99,999 applications in a year: the numbers go on after 100000 (which sorts before 99999 as text)',
  async (handle) => {
    const { service } = await caseServiceOf(handle);
    // The year's records so far, as a ledger import brought them: past 99999 already.
    await requestRepository(handle.db).save(
      'city-edu',
      [99_998, 99_999, 100_000].map((n) => ({
        id: `YSQ-2025-${n}`,
        receivedOn: '2025-03-03' as IsoDate,
        applicantType: 'natural' as const,
      })),
    );
    const first = await Promise.all([
      service.submitOnline('city-edu', applicant, application),
      service.submitOnline('city-edu', applicant, application),
    ]);
    const next = await service.submitOnline('city-edu', applicant, application);
    assert.deepEqual(
      [...first, next].map((m) => m.id),
      ['YSQ-2025-100001', 'YSQ-2025-100002', 'YSQ-2025-100003'],
    );
  },
);
