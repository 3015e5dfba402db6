/**
 * A province on one installation (issue #6): 1 province, 15 cities, 150 counties and their departments —
 * 3,000 agencies — with 2,000,000 requests over three years. Every agency files its report for the last
 * year, bottom-up, each parent consolidating its children's filed reports, and the province's office
 * reads its season board. The floor is the bare SQL aggregate behind table 三 for every agency of the
 * installation at once (one statement on the driver, grouped by agency).
 */
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import { APPLICANT_TYPES, OUTCOME_ROWS } from '../src/features/annual-report/index.ts';
import { agencyRepository, type Agency } from '../src/features/agencies/index.ts';
import { requestRepository, tallyQuery } from '../src/features/requests/db/request-repository.ts';
import type { DisclosureRequest } from '../src/features/requests/index.ts';
import type { Database } from '../src/platform/db/schema.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { toIsoDate, type IsoDate } from '../src/shared/domain/iso-date.ts';
import { databaseFiling } from '../src/main/database-filing.ts';
import { measure, type Timing } from './measure.ts';

export interface ProvinceSize {
  readonly cities: number;
  readonly countiesPerCity: number;
  readonly agencies: number;
  readonly requests: number;
}

export const FULL_PROVINCE: ProvinceSize = {
  cities: 15,
  countiesPerCity: 10,
  agencies: 3_000,
  requests: 2_000_000,
};
export const SHORT_PROVINCE: ProvinceSize = { cities: 2, countiesPerCity: 2, agencies: 60, requests: 30_000 };
const YEARS = [2023, 2024, 2025] as const;
const NOW = '2026-01-15T02:00:00.000Z';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The agencies: governments first (province, cities, counties), then departments spread over them. */
export function provinceAgencies(size: ProvinceSize): Agency[] {
  const governments: Agency[] = [{ id: 'p', name: '某省人民政府', level: 'province' }];
  for (let c = 1; c <= size.cities; c++) {
    governments.push({ id: `p-c${c}`, name: `某省第${c}市人民政府`, parentId: 'p', level: 'city' });
    for (let k = 1; k <= size.countiesPerCity; k++)
      governments.push({
        id: `p-c${c}-k${k}`,
        name: `某省第${c}市第${k}县人民政府`,
        parentId: `p-c${c}`,
        level: 'county',
      });
  }
  const departments: Agency[] = [];
  for (let d = 0; departments.length < size.agencies - governments.length; d++) {
    const parent = governments[d % governments.length]!;
    departments.push({ id: `${parent.id}-d${d}`, name: `${parent.name}第${d}局`, parentId: parent.id });
  }
  return [...governments, ...departments];
}

function requestsFor(agencyId: string, count: number, next: () => number): DisclosureRequest[] {
  const out: DisclosureRequest[] = [];
  for (let i = 0; i < count; i++) {
    const year = YEARS[Math.floor(next() * YEARS.length)]!;
    const day = Math.floor(next() * 365);
    const received = new Date(Date.UTC(year, 0, 1 + day));
    const receivedOn = toIsoDate(
      received.getUTCFullYear(),
      received.getUTCMonth() + 1,
      received.getUTCDate(),
    );
    const open = next() < 0.06;
    const completed = new Date(received.getTime() + (1 + Math.floor(next() * 40)) * 86_400_000);
    const completedOn = toIsoDate(
      completed.getUTCFullYear(),
      completed.getUTCMonth() + 1,
      completed.getUTCDate(),
    );
    out.push({
      id: `${agencyId}-${i}`,
      receivedOn,
      applicantType: APPLICANT_TYPES[Math.floor(next() * next() * APPLICANT_TYPES.length)]!,
      ...(open || completedOn > '2025-12-31'
        ? {}
        : { completedOn, outcome: OUTCOME_ROWS[Math.floor(next() * next() * OUTCOME_ROWS.length)]! }),
    });
  }
  return out;
}

/** Creates the agencies and their requests (skewed: a few agencies get many, most get some). */
export async function seedProvince(db: Kysely<Database>, size: ProvinceSize): Promise<Agency[]> {
  const agencies = provinceAgencies(size);
  const repository = agencyRepository(db);
  for (const agency of agencies) await repository.create(agency, NOW);
  const next = random(7);
  const weights = agencies.map(() => 0.2 + next() * next() * 4);
  const total = weights.reduce((s, w) => s + w, 0);
  let left = size.requests;
  for (let i = 0; i < agencies.length; i++) {
    const count = i === agencies.length - 1 ? left : Math.round((size.requests * weights[i]!) / total);
    left -= count;
    const requests = requestsFor(agencies[i]!.id, Math.max(0, count), next);
    await db.transaction().execute((tx) => requestRepository(tx).save(agencies[i]!.id, requests));
  }
  return agencies;
}

/** The floor: table 三's aggregate for every agency in one statement, grouped by agency, on the driver. */
function bareProvinceAggregate(
  handle: DatabaseHandle,
  year: number,
  native: unknown,
): () => Promise<unknown> {
  const compiled = tallyQuery(handle.db, ['ANY'], year).compile();
  const parameters = [...(compiled.parameters as unknown[])];
  // The agencies' parameter: a list on SQLite, one array on PostgreSQL.
  parameters.splice(
    parameters.findIndex((p) => p === 'ANY' || (Array.isArray(p) && p[0] === 'ANY')),
    1,
  );
  const sql = compiled.sql.replace(
    /("agency_id" in \((\?|\$\d+)\)|agency_id = any\(\$\d+::text\[\]\)) and /,
    '',
  );
  if (
    !sql.startsWith('select "agency_id"') ||
    sql.includes('"agency_id" in') ||
    sql.includes('any(') ||
    !sql.endsWith(', 3')
  )
    throw new Error(`the floor statement did not compile as expected: ${sql}`);
  if (handle.dialect === 'sqlite') {
    const statement = (native as SQLiteDatabase).prepare(sql);
    return async () => statement.all(...parameters);
  }
  // PostgreSQL numbers its parameters: renumber after removing one.
  let n = 0;
  const numbered = sql.replace(/\$\d+/g, () => `$${++n}`);
  return () => (native as pg.Pool).query(numbered, parameters);
}

export interface ProvinceResult {
  readonly dialect: string;
  readonly agencies: number;
  readonly requests: number;
  readonly floor: Timing;
  /** Every agency files, leaves first, parents consolidating, level by level in sets: timed once. */
  readonly fileAllMs: number;
  readonly ratio: number;
  /** The same for the year before, one agency at a time (as before the sets), against that year's floor. */
  readonly oneByOne: { readonly floor: Timing; readonly fileAllMs: number; readonly ratio: number };
  /** The province's consolidation preview (its own report plus its children's filed reports). */
  readonly provincePrepare: Timing;
  /** The province office's season board over all 3,000 agencies. */
  readonly board: Timing;
  readonly provinceReceived: number;
}

export async function benchProvince(
  handle: DatabaseHandle,
  native: unknown,
  agencies: readonly Agency[],
  size: ProvinceSize,
  runs: number,
): Promise<ProvinceResult> {
  const year = 2025;
  const floor = await measure(bareProvinceAggregate(handle, year, native), runs);
  const filing = databaseFiling(handle.db, { today: () => '2026-01-15' as IsoDate, now: () => NOW });
  const opened = await filing.openSeason('p', year, {}, 'bench');
  if (!opened.ok) throw new Error(opened.error.code);
  const start = process.hrtime.bigint();
  const tree = await filing.fileWithBelow('p', year, 'bench');
  if (!tree.ok) throw new Error(tree.error.code);
  if (tree.value.refused.length > 0 || tree.value.filed.length !== agencies.length)
    throw new Error(
      `filed ${tree.value.filed.length}, refused ${JSON.stringify(tree.value.refused.slice(0, 3))}`,
    );
  const fileAllMs = Number(process.hrtime.bigint() - start) / 1e6;

  // The year before, one agency at a time, leaves first: the path the sets replace, side by side.
  const before = year - 1;
  const floorBefore = await measure(bareProvinceAggregate(handle, before, native), runs);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const depth = (a: Agency): number => (a.parentId ? 1 + depth(byId.get(a.parentId)!) : 0);
  const byDepth = [...agencies].map((a) => ({ a, d: depth(a) })).sort((x, y) => y.d - x.d);
  const startBefore = process.hrtime.bigint();
  for (const { a } of byDepth) {
    const filed = await filing.fileFromRecords(a.id, before, {}, 'bench');
    if (!filed.ok) throw new Error(`${a.id}: ${filed.error.code}`);
  }
  const oneByOneMs = Number(process.hrtime.bigint() - startBefore) / 1e6;
  const provincePrepare = await measure(() => filing.prepare('p', year), runs);
  const board = await measure(() => filing.board('p', year), runs);
  const province = await filing.prepare('p', year);
  return {
    dialect: handle.dialect,
    agencies: agencies.length,
    requests: size.requests,
    floor,
    fileAllMs,
    ratio: Math.round((fileAllMs / floor.medianMs) * 100) / 100,
    oneByOne: {
      floor: floorBefore,
      fileAllMs: oneByOneMs,
      ratio: Math.round((oneByOneMs / floorBefore.medianMs) * 100) / 100,
    },
    provincePrepare,
    board,
    provinceReceived: province.ok ? (province.value.report.cells['t3.r1.total'] ?? 0) : -1,
  };
}
