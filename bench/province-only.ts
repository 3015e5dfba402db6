/**
 * `node --import tsx bench/province-only.ts [--short]`: only the province benchmark of `npm run bench`,
 * on SQLite and on PostgreSQL (TEST_DATABASE_URL), printed as one line per dialect. SKIP_SQLITE=1: only
 * PostgreSQL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { sqliteDialect } from '../src/platform/db/sqlite-dialect.ts';
import { migrateToLatest } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { benchProvince, FULL_PROVINCE, SHORT_PROVINCE, seedProvince } from './province.bench.ts';
import { peakRssMb } from './measure.ts';

const size = process.argv.includes('--short') ? SHORT_PROVINCE : FULL_PROVINCE;
const url = process.env.TEST_DATABASE_URL;
for (const dialect of [
  ...(process.env.SKIP_SQLITE ? [] : ['sqlite' as const]),
  ...(url ? ['postgres' as const] : []),
] as const) {
  let native: SQLite.Database | pg.Pool;
  let db: Kysely<Database>;
  let schema: string | undefined;
  if (dialect === 'sqlite') {
    native = new SQLite(join(mkdtempSync(join(tmpdir(), 'gongkai-province-')), 'bench.db'));
    native.pragma('journal_mode = WAL');
    db = new Kysely<Database>({ dialect: sqliteDialect(native) });
  } else {
    schema = `province_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    native = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: native }) });
  }
  try {
    await migrateToLatest(db, schema ? { schema } : {});
    const seeded = Date.now();
    const agencies = await seedProvince(db, size);
    if (dialect === 'postgres') await (native as pg.Pool).query('analyze');
    console.log(
      `${dialect}: seeded ${agencies.length} agencies in ${((Date.now() - seeded) / 1000).toFixed(0)} s`,
    );
    const r = await benchProvince(
      { db, dialect, url: '', close: () => db.destroy() },
      native,
      agencies,
      size,
      9,
    );
    console.log(JSON.stringify({ ...r, peakRssMb: peakRssMb() }));
  } finally {
    await db.destroy();
    if (schema) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  }
}
