/**
 * The demo agency a newcomer sees on first start: 示范市示范局 with the synthetic ledger of
 * test-support/fixtures/ledger-2024 (2,500 requests over 2022–2025), imported like any ledger.
 */
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { agencyRepository, generatePassword, staffRepository } from '../features/agencies/index.ts';
import { importLedger } from '../features/ledger-import/index.ts';
import { databaseLedgerStore } from './ledger-store.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoDisclosure } from './demo-disclosure.ts';
import { seedDemoCity, seedDemoSeason } from './demo-season.ts';
import { calendarRepository, loadWorkCalendar } from '../features/work-calendar/index.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';

const ledger = (name: string) =>
  fileURLToPath(new URL(`../../test-support/fixtures/ledger-2024/${name}`, import.meta.url));

export const DEMO_AGENCY = { id: 'demo', name: '示范市示范局', parentId: 'demo-city' } as const;

export interface DemoSeed {
  /** The password of the demo accounts `admin` and `officer`, to print once. */
  readonly password: string;
  /** How many demo cases were worked through the case system. */
  readonly cases: number;
}

/**
 * Creates and fills the demo agency when the database has no agency at all, with three staff accounts:
 * `admin` (administrator), `officer` (经办人 and 审批人) and `reviewer`
 * (审批人, who reviews the documents the officer drafts) — and above it 示范市人民政府 with two more
 * departments and last year's reporting season, run by the account `office`. Returns undefined when
 * there was something.
 */
export async function seedDemoAgency(
  db: Kysely<Database>,
  now: string,
  today: IsoDate,
  password: string = generatePassword(),
): Promise<DemoSeed | undefined> {
  const agencies = agencyRepository(db);
  if ((await agencies.list()).length > 0) return undefined;
  await seedDemoCity(db, now);
  await agencies.create(DEMO_AGENCY, now);
  const result = await importLedger(databaseLedgerStore(db), {
    files: {
      requests: ledger('requests.csv'),
      reviews: ledger('reviews.csv'),
      documents: ledger('documents.csv'),
      figures: ledger('figures.json'),
    },
    agencyId: DEMO_AGENCY.id,
    year: 2024,
    actor: 'system:demo-seed',
    now,
    importId: 'demo-ledger-2024',
  });
  if (!result.ok)
    throw new Error(`the demo ledger does not load: ${result.problems.map((p) => p.message).join('; ')}`);
  const staff = staffRepository(db);
  await staff.create(
    { agencyId: DEMO_AGENCY.id, username: 'admin', displayName: '系统管理员', roles: ['admin'], password },
    now,
  );
  await staff.create(
    {
      agencyId: DEMO_AGENCY.id,
      username: 'officer',
      displayName: '王经办',
      roles: ['officer', 'approver'],
      password,
    },
    now,
  );
  await staff.create(
    { agencyId: DEMO_AGENCY.id, username: 'reviewer', displayName: '赵审核', roles: ['approver'], password },
    now,
  );
  const calendar = await loadWorkCalendar(calendarRepository(db));
  const cases = await seedDemoCases(db, DEMO_AGENCY.id, calendar, today);
  await seedDemoDisclosure(db, DEMO_AGENCY.id, today, calendar);
  await seedDemoSeason(db, now, today, password);
  return { password, cases };
}
