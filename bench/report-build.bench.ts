/**
 * Report build for one agency-year with N requests in the year (100,000 by default), against its floor:
 * the bare SQL aggregate behind table 三 (the same statement, run on the driver without Kysely), on
 * SQLite and on PostgreSQL. The full build adds the table 四 / 二 tallies, the 200 cells and every check.
 */
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import { buildStoredReport } from '../src/features/annual-report/index.ts';
import { APPLICANT_TYPES, OUTCOME_ROWS } from '../src/features/annual-report/index.ts';
import { agencyRepository } from '../src/features/agencies/index.ts';
import { requestRepository, tallyQuery } from '../src/features/requests/db/request-repository.ts';
import type { DisclosureRequest } from '../src/features/requests/index.ts';
import { toIsoDate } from '../src/shared/domain/iso-date.ts';
import type { Database } from '../src/platform/db/schema.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { databaseFactSource } from '../src/main/database-fact-source.ts';
import { measure, type Timing } from './measure.ts';

/** A deterministic pseudo-random generator, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function dayOfYear(year: number, day: number) {
  const date = new Date(Date.UTC(year, 0, 1 + day));
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function generateRequests(year: number, inYear: number): DisclosureRequest[] {
  const next = random(42);
  const requests: DisclosureRequest[] = [];
  const total = Math.round(inYear * 1.3);
  for (let i = 0; i < total; i++) {
    const receivedYear = i < inYear ? year : year - 1;
    const receivedDay = Math.floor(next() * 365);
    const receivedOn = dayOfYear(receivedYear, receivedDay);
    const open = next() < 0.08;
    const completedOn = open ? undefined : dayOfYear(receivedYear, receivedDay + 1 + Math.floor(next() * 60));
    requests.push({
      id: `B-${receivedYear}-${String(i).padStart(7, '0')}`,
      receivedOn,
      applicantType: APPLICANT_TYPES[Math.floor(next() * next() * APPLICANT_TYPES.length)]!,
      ...(completedOn
        ? { completedOn, outcome: OUTCOME_ROWS[Math.floor(next() * next() * OUTCOME_ROWS.length)]! }
        : {}),
    });
  }
  return requests;
}

export async function seedBenchAgency(db: Kysely<Database>, year: number, inYear: number): Promise<void> {
  await agencyRepository(db).create({ id: 'bench', name: '基准测试局' }, '2026-01-01T00:00:00Z');
  const requests = generateRequests(year, inYear);
  await db.transaction().execute(async (tx) => requestRepository(tx).save('bench', requests));
}

/** The floor: the compiled aggregate executed directly on the driver. */
function bareAggregate(handle: DatabaseHandle, year: number, native: unknown): () => Promise<unknown> {
  const compiled = tallyQuery(handle.db, ['bench'], year).compile();
  if (handle.dialect === 'sqlite') {
    const statement = (native as SQLiteDatabase).prepare(compiled.sql);
    return async () => statement.all(...(compiled.parameters as unknown[]));
  }
  const pool = native as pg.Pool;
  return () => pool.query(compiled.sql, compiled.parameters as unknown[]);
}

export interface ReportBuildResult {
  readonly dialect: string;
  readonly requestsInYear: number;
  readonly floor: Timing;
  readonly build: Timing;
  readonly ratio: number;
}

export async function benchReportBuild(
  handle: DatabaseHandle,
  native: unknown,
  year: number,
  inYear: number,
  runs: number,
): Promise<ReportBuildResult> {
  const source = databaseFactSource(handle.db);
  const floor = await measure(bareAggregate(handle, year, native), runs);
  const build = await measure(
    () =>
      buildStoredReport(source, {
        agencyId: 'bench',
        agencyName: '基准测试局',
        year,
        counting: 'filed-in-year',
      }),
    runs,
  );
  return {
    dialect: handle.dialect,
    requestsInYear: inYear,
    floor,
    build,
    ratio: Math.round((build.medianMs / floor.medianMs) * 100) / 100,
  };
}
