/**
 * `npm run bench`: every benchmark against its floor in the same run, on SQLite and on PostgreSQL
 * (TEST_DATABASE_URL or DATABASE_URL when it is a postgres:// URL). Prints a table and writes
 * bench/results/latest.json. `--short` runs small sizes to check that the benchmarks work (CI).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { sqliteDialect } from '../src/platform/db/sqlite-dialect.ts';
import { migrateToLatest, type DatabaseHandle } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { benchReportBuild, seedBenchAgency, type ReportBuildResult } from './report-build.bench.ts';
import { benchCaseList, seedCaseList, type CaseListResult } from './case-list.bench.ts';
import { benchSearch, seedSearchCorpus, type SearchResult } from './search.bench.ts';
import { memorySections, peakRssMb } from './measure.ts';
import { benchImport } from './import.bench.ts';
import { benchLoad } from './load.bench.ts';
import { benchIntakeProcesses } from './intake-processes.bench.ts';
import { benchDeadline } from './deadline.bench.ts';
import {
  benchProvince,
  FULL_PROVINCE,
  SHORT_PROVINCE,
  seedProvince,
  type ProvinceResult,
} from './province.bench.ts';

const short = process.argv.includes('--short');
const YEAR = 2024;
const IN_YEAR = short ? 5_000 : 100_000;
const RUNS = short ? 3 : 15;
const DOCUMENTS = short ? 5_000 : Number(process.env.BENCH_DOCUMENTS ?? 1_000_000);

async function sqliteHandle(): Promise<{
  handle: DatabaseHandle;
  native: SQLite.Database;
  schema?: string;
  cleanup: () => Promise<void>;
}> {
  const native = new SQLite(join(mkdtempSync(join(tmpdir(), 'gongkai-bench-')), 'bench.db'));
  native.pragma('journal_mode = WAL');
  const db = new Kysely<Database>({ dialect: sqliteDialect(native) });
  return {
    handle: { db, dialect: 'sqlite', url: 'bench', close: () => db.destroy() },
    native,
    cleanup: () => db.destroy(),
  };
}

async function postgresHandle(
  url: string,
): Promise<{ handle: DatabaseHandle; native: pg.Pool; schema?: string; cleanup: () => Promise<void> }> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const native = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: native }) });
  return {
    handle: { db, dialect: 'postgres', url, close: () => db.destroy() },
    native,
    schema,
    cleanup: async () => {
      await db.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

const postgresUrl =
  process.env.TEST_DATABASE_URL ??
  (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined);
const memory = memorySections();
const results: ReportBuildResult[] = [];
const searches: SearchResult[] = [];
const caseLists: CaseListResult[] = [];
const CASES = short ? 5_000 : Number(process.env.BENCH_CASES ?? 100_000);
for (const open of [sqliteHandle, ...(postgresUrl ? [() => postgresHandle(postgresUrl)] : [])]) {
  const { handle, native, schema, cleanup } = await open();
  try {
    await migrateToLatest(handle.db, schema ? { schema } : {});
    memory.section(`report build (${handle.dialect})`);
    await seedBenchAgency(handle.db, YEAR, IN_YEAR);
    if (handle.dialect === 'postgres') await (native as pg.Pool).query('analyze');
    results.push(await benchReportBuild(handle, native, YEAR, IN_YEAR, RUNS));
    memory.section(`portal search (${handle.dialect})`);
    await seedSearchCorpus(handle.db, DOCUMENTS);
    if (handle.dialect === 'postgres') await (native as pg.Pool).query('analyze');
    searches.push(await benchSearch(handle.db, handle.dialect, DOCUMENTS, RUNS));
    memory.section(`case list (${handle.dialect})`);
    await seedCaseList(handle.db, CASES);
    if (handle.dialect === 'postgres') await (native as pg.Pool).query('analyze');
    caseLists.push(await benchCaseList(handle.db, handle.dialect, CASES, RUNS));
  } finally {
    await cleanup();
  }
}
const provinces: ProvinceResult[] = [];
const PROVINCE = short ? SHORT_PROVINCE : FULL_PROVINCE;
for (const open of [sqliteHandle, ...(postgresUrl ? [() => postgresHandle(postgresUrl)] : [])]) {
  const { handle, native, schema, cleanup } = await open();
  try {
    await migrateToLatest(handle.db, schema ? { schema } : {});
    const agencies = await seedProvince(handle.db, PROVINCE);
    if (handle.dialect === 'postgres') await (native as pg.Pool).query('analyze');
    memory.section(`province filing (${handle.dialect})`);
    provinces.push(await benchProvince(handle, native, agencies, PROVINCE, short ? 3 : 9));
  } finally {
    await cleanup();
  }
}
memory.section('import and audit');
const imports = await benchImport(short ? 40 : 1_000, short ? 8 : 100);
memory.section(
  "load (this process waits; server and client have their own, the server's peak is in the load table)",
);
const loads = await benchLoad(short, postgresUrl);
memory.section('intake over several server processes (each has its own; their peak is in the table)');
// 15 s: one agency stays below 100,000 numbers in the year at the rates measured (see intake-processes).
const processes = postgresUrl ? await benchIntakeProcesses(short ? 3 : 15, postgresUrl, 2) : undefined;
memory.section('due dates');
const deadline = benchDeadline(short);
const peaks = memory.done();
if (!postgresUrl)
  console.log('PostgreSQL skipped: set TEST_DATABASE_URL to a postgres:// URL to measure it too.');

console.log(
  `\nreport build, one agency-year with ${IN_YEAR.toLocaleString('en')} requests in the year (${RUNS} runs, median)`,
);
console.log('dialect    floor (bare SQL aggregate)   full build   ratio');
for (const r of results) {
  console.log(
    `${r.dialect.padEnd(10)} ${r.floor.medianMs.toFixed(1).padStart(12)} ms ${r.build.medianMs.toFixed(1).padStart(18)} ms ${r.ratio.toFixed(2).padStart(7)}×`,
  );
}
console.log(
  `\nportal search over ${DOCUMENTS.toLocaleString('en')} published documents (${RUNS} runs, median)`,
);
console.log('dialect    query      hits   floor (bare full-text query)   search    ratio');
for (const r of searches) {
  console.log(
    `${r.dialect.padEnd(10)} ${r.query.padEnd(8)} ${String(r.hits).padStart(6)} ${r.floor.medianMs.toFixed(1).padStart(16)} ms ${r.search.medianMs.toFixed(1).padStart(14)} ms ${r.ratio.toFixed(2).padStart(7)}×`,
  );
}
console.log(
  `\ncase list, one agency with ${CASES.toLocaleString('en')} cases: the first page of open cases with its counts (${RUNS} runs, median)`,
);
console.log('dialect    rows alone (bare)   floor (rows + counts, bare)   page   ratio');
for (const r of caseLists) {
  console.log(
    `${r.dialect.padEnd(10)} ${r.rows.medianMs.toFixed(1).padStart(12)} ms ${r.floor.medianMs.toFixed(1).padStart(22)} ms ${r.page.medianMs.toFixed(1).padStart(8)} ms ${r.ratio.toFixed(2).padStart(6)}×`,
  );
}
console.log(
  `\na province: ${PROVINCE.agencies.toLocaleString('en')} agencies, ${PROVINCE.requests.toLocaleString('en')} requests over 2023–2025; the 2025 reports filed bottom-up in sets, the 2024 ones one agency at a time`,
);
console.log(
  'dialect    floor (bare aggregate, all agencies)   file all levels in sets   ratio    one by one (2024)   ratio    province preview   season board',
);
for (const r of provinces) {
  console.log(
    `${r.dialect.padEnd(10)} ${r.floor.medianMs.toFixed(1).padStart(20)} ms ${(r.fileAllMs / 1000).toFixed(2).padStart(20)} s ${r.ratio.toFixed(2).padStart(7)}× ${(r.oneByOne.fileAllMs / 1000).toFixed(1).padStart(15)} s ${r.oneByOne.ratio.toFixed(1).padStart(6)}× ${r.provincePrepare.medianMs.toFixed(1).padStart(14)} ms ${r.board.medianMs.toFixed(1).padStart(12)} ms   (province received ${r.provinceReceived})`,
  );
}
console.log('\nimport and audit of published reports (extract, read the tables, check every rule)');
console.log('set             files   floor (bare extraction)   audit      reports/s   ratio');
for (const r of imports) {
  console.log(
    `${r.set.padEnd(15)} ${String(r.files).padStart(5)} ${r.floorMs.toFixed(0).padStart(14)} ms ${r.auditMs.toFixed(0).padStart(14)} ms ${r.reportsPerSecond.toFixed(1).padStart(9)} ${r.ratio.toFixed(2).padStart(7)}×`,
  );
}
console.log(
  `\ndue dates: ${deadline.perSecond.toLocaleString('en')} reply deadlines per second (with every day explained), floor ${deadline.floorPerSecond.toLocaleString('en')}/s (bare working-day count) — ${deadline.ratio.toFixed(2)}×`,
);
console.log('\nload over HTTP (the server in its own process, autocannon, 200 connections)');
console.log(
  'target                        seconds   requests/s    p50     p99     max   errors  non-2xx  server peak',
);
for (const r of loads) {
  console.log(
    `${r.name.padEnd(28)} ${String(r.seconds).padStart(6)} ${String(r.requestsPerSecond).padStart(12)} ${String(r.p50Ms).padStart(5)} ms ${String(r.p99Ms).padStart(5)} ms ${String(r.maxMs).padStart(5)} ms ${String(r.errors).padStart(6)} ${String(r.non2xx).padStart(8)} ${String(r.serverPeakMb ?? '?').padStart(8)} MB`,
  );
}
const floor = loads.find((r) => r.name.startsWith('bare'));
for (const intake of loads.filter((r) => r.name.startsWith('intake')))
  if (floor)
    console.log(
      `${intake.name}: ${(floor.requestsPerSecond / intake.requestsPerSecond).toFixed(1)}× the time of the bare route per request`,
    );
if (processes) {
  const { results: rows, integrity } = processes;
  console.log('\nonline intake over 2 server processes on one PostgreSQL database, 200 connections shared');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(46)} ${String(r.requestsPerSecond).padStart(6)}/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  max ${r.maxMs} ms  errors ${r.errors}  non-2xx ${r.non2xx}  servers' peak ${r.serverPeakMb ?? '?'} MB`,
    );
    if (floor)
      console.log(
        `  ${(floor.requestsPerSecond / r.requestsPerSecond).toFixed(1)}× the time of the bare route per request`,
      );
  }
  console.log(
    `afterwards: ${integrity.applications.toLocaleString('en')} applications, agencies with a gap or a repeat in their numbers: ${integrity.agenciesWithGaps.length}; audit chain of ${integrity.auditEntries.toLocaleString('en')} entries ${integrity.auditChainOk ? 'verified' : 'BROKEN'}`,
  );
  if (integrity.agenciesWithGaps.length > 0 || !integrity.auditChainOk) {
    console.error('intake over several processes: numbers or the audit chain broken');
    process.exitCode = 1;
  }
  loads.push(...rows);
}
const failed = loads.filter((r) => r.errors > 0 || r.non2xx > 0);
if (failed.length > 0) {
  console.error(
    `load: errors under load in ${failed.map((r) => `${r.name} (${JSON.stringify(r.statusCodes ?? {})})`).join(', ')}`,
  );
  process.exitCode = 1;
}
console.log('\npeak resident memory of this process during each benchmark (what earlier ones left included)');
for (const [name, mb] of Object.entries(peaks))
  console.log(`${name.padEnd(58)} ${String(mb).padStart(6)} MB`);
console.log(`peak RSS of the whole run ${peakRssMb()} MB`);
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL(`./results/${short ? 'short' : 'latest'}.json`, import.meta.url),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      short,
      machine,
      reportBuild: results,
      search: searches,
      caseList: caseLists,
      import: imports,
      province: provinces,
      load: loads,
      ...(processes ? { intakeIntegrity: processes.integrity } : {}),
      deadline,
      peakRssMb: peakRssMb(),
      peakRssMbBySection: peaks,
    },
    null,
    2,
  ),
);
