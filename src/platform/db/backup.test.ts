import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { tableSnapshot } from '../../../test-support/table-snapshot.ts';
import {
  freshPostgres,
  holdingSchemaLock,
  POSTGRES_SKIP_REASON,
  POSTGRES_URL,
} from '../../../test-support/databases.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.ts';
import type { Database } from './schema.ts';
import type { BackupFailure } from './backup.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { agencyRepository } from '../../features/agencies/index.ts';
import { importLedger } from '../../features/ledger-import/index.ts';
import { databaseLedgerStore } from '../../main/ledger-store.ts';
import { databaseFiling } from '../../main/database-filing.ts';
import { verifyAuditLog } from '../audit/audit-log.ts';
import type { IsoDate } from '../../shared/domain/iso-date.ts';

const ledger = (name: string) =>
  fileURLToPath(new URL(`../../../test-support/fixtures/ledger-2024/${name}`, import.meta.url));

async function seed(db: Kysely<Database>): Promise<void> {
  await agencyRepository(db).create({ id: 'demo', name: '某某市某某局' }, '2025-01-10T00:00:00Z');
  const imported = await importLedger(databaseLedgerStore(db), {
    files: {
      requests: ledger('requests.csv'),
      reviews: ledger('reviews.csv'),
      documents: ledger('documents.csv'),
    },
    agencyId: 'demo',
    year: 2024,
    actor: 'officer',
    now: '2025-01-10T00:00:00Z',
    importId: 'imp-1',
  });
  assert.ok(imported.ok);
  const filing = databaseFiling(db, {
    today: () => '2025-01-20' as IsoDate,
    now: () => '2025-01-20T02:00:00Z',
  });
  assert.ok((await filing.fileFromRecords('demo', 2024, {}, 'approver')).ok);
}

async function roundTrip(
  handle: DatabaseHandle,
  schema: string | undefined,
  restoredUrl: (dir: string) => string,
) {
  await seed(handle.db);
  const before = await tableSnapshot(handle.db);
  assert.ok((before.disclosure_requests ?? []).length >= 2500);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
  const file = join(dir, 'backup.bin');
  assert.ok((await backupDatabase(handle.url, file, schema ? { schema } : {})) > 10_000);
  await assert.rejects(
    backupDatabase(handle.url, file),
    (e: BackupFailure) => e.error.code === 'target-exists',
  );
  // Written after the backup: the restore takes the database back to the backup.
  await agencyRepository(handle.db).create({ id: 'later', name: '备份后新建的机关' }, '2025-02-01T00:00:00Z');
  const url = restoredUrl(dir);
  // The restore drops and re-creates the schema, and the migrator looks through every schema: both
  // under the test schemas' lock (databases.ts), so that no other test's migration meets a schema gone.
  const underLock = <R>(mode: 'shared' | 'alone', work: () => Promise<R>) =>
    schema ? holdingSchemaLock(mode, work) : work();
  await underLock('alone', () => restoreDatabase(file, url, { force: true, ...(schema ? { schema } : {}) }));
  const restored = url === handle.url ? handle : openDatabase(url);
  try {
    assert.deepEqual(await tableSnapshot(restored.db), before);
    const chain = await verifyAuditLog(restored.db);
    assert.ok(chain.ok && chain.entries > 0, JSON.stringify(chain));
    await underLock('shared', () => migrateToLatest(restored.db, schema ? { schema } : {}));
  } finally {
    if (restored !== handle) await restored.close();
  }
  assert.equal(statSync(file).mode & 0o777, 0o600, 'a backup is readable by its owner only');
  // A backup cut short (a full disk, a broken copy) is refused and the database stays as it is.
  const truncated = join(dir, 'truncated.bin');
  writeFileSync(truncated, readFileSync(file).subarray(0, Math.floor(statSync(file).size * 0.6)));
  await assert.rejects(
    restoreDatabase(truncated, url, { force: true, ...(schema ? { schema } : {}) }),
    (e: BackupFailure) => e.error.code === (schema ? 'archive-damaged' : 'corrupt'),
  );
  const untouched = url === handle.url ? handle : openDatabase(url);
  try {
    assert.deepEqual(await tableSnapshot(untouched.db), before);
  } finally {
    if (untouched !== handle) await untouched.close();
  }
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'not a backup');
  await assert.rejects(
    restoreDatabase(text, url, { force: true, ...(schema ? { schema } : {}) }),
    (e: BackupFailure) => e.error.code === 'not-a-backup',
  );
}

test('[sqlite] backup while open, restore to a new file and over the old one: every table the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-sqlite-'));
  const handle = openDatabase(join(dir, 'live.db'));
  await migrateToLatest(handle.db);
  try {
    await roundTrip(handle, undefined, (backupDir) => join(backupDir, 'restored.db'));
    const file = join(dir, 'second.bin');
    await backupDatabase(handle.url, file);
    await assert.rejects(
      restoreDatabase(file, handle.url),
      (e: BackupFailure) => e.error.code === 'target-exists',
    );
  } finally {
    await handle.close();
  }
});

test(
  '[postgres] pg_dump and pg_restore in one transaction: every table the same',
  { skip: POSTGRES_URL ? false : POSTGRES_SKIP_REASON },
  async () => {
    const handle = await freshPostgres();
    const schema = new URL(handle.url).searchParams.get('options')?.replace('-c search_path=', '');
    assert.ok(schema);
    try {
      await roundTrip(handle, schema, () => handle.url);
    } finally {
      await handle.close();
    }
  },
);
