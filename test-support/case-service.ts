/** The case service over a fresh database with one agency (city-edu) and a clock a test moves. */
import { CALENDAR } from './case-builder.ts';
import { agencyRepository } from '../src/features/agencies/index.ts';
import { caseRepository } from '../src/features/requests/db/case-repository.ts';
import { caseService } from '../src/features/requests/use-cases/case-service.ts';
import { queryCodes } from '../src/platform/security/query-code.ts';
import type { IsoDate } from '../src/shared/domain/iso-date.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';

export async function caseServiceOf({ db }: DatabaseHandle, today = '2025-03-03') {
  await agencyRepository(db).create({ id: 'city-edu', name: '某市教育局' }, '2025-01-01T00:00:00Z');
  const clock = { today: today as IsoDate };
  const service = caseService({
    store: caseRepository(db),
    calendarFor: async () => CALENDAR,
    today: () => clock.today,
    now: () => `${clock.today}T08:00:00.000Z`,
    queryCodes,
  });
  return { service, clock };
}

export const applicant = { type: 'org_legal' as const, name: '某律师事务所', phone: '13800000000' };
export const application = { description: '2024年学校布局调整方案', delivery: 'email' as const };
