/**
 * The lock on a filed year holds for ledger imports too: a ledger for the year is refused, and a later
 * year's ledger may carry the year's records only unchanged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testOnBothDatabases } from '../../test-support/databases.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { buildStoredReport } from '../features/annual-report/index.ts';
import { importLedger } from '../features/ledger-import/index.ts';
import { supervisionRepository } from '../features/supervision/db/supervision-repository.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import { databaseFactSource } from './database-fact-source.ts';
import { databaseLedgerStore } from './ledger-store.ts';
import { databaseFiling } from './database-filing.ts';

const dir = new URL('../../test-support/fixtures/ledger-2024/', import.meta.url);
const path = (name: string) => fileURLToPath(new URL(name, dir));
const NOW = '2025-01-10T08:00:00.000Z';

testOnBothDatabases('a filed year refuses ledgers that would change its figures', async ({ db }) => {
  await agencyRepository(db).create({ id: 'demo', name: '某某市某某局' }, NOW);
  const store = supervisionRepository(db);
  const yearLock = (agencyId: string, year: number) => store.isLocked(agencyId, year);
  const source = databaseFactSource(db);
  const files = { requests: path('requests.csv'), reviews: path('reviews.csv') };
  const ledger = (year: number, given = files) =>
    importLedger(databaseLedgerStore(db), {
      files: given,
      agencyId: 'demo',
      year,
      actor: 'officer',
      now: NOW,
      importId: `imp-${Math.random()}`,
      yearLock,
    });
  assert.ok((await ledger(2024)).ok);
  const filing = databaseFiling(db, { today: () => '2025-01-10' as IsoDate, now: () => NOW });

  const filed = await filing.fileFromRecords('demo', 2023, {}, 'approver');
  assert.ok(filed.ok, JSON.stringify(!filed.ok && filed.error));
  const before = await buildStoredReport(source, {
    agencyId: 'demo',
    agencyName: '某某市某某局',
    year: 2023,
    counting: 'filed-in-year',
  });

  const again = await ledger(2024);
  assert.ok(again.ok, 'the same records again change nothing in 2023: allowed');

  const locked = await ledger(2023);
  assert.ok(!locked.ok);
  assert.deepEqual(
    locked.problems.map((p) => p.code),
    ['year-locked'],
  );

  const changed = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
  const text = readFileSync(files.requests, 'utf8');
  const edited = text.replace(
    'YSQ-2023-01618,2023-05-05,org_business,r3_1,2023-06-01',
    'YSQ-2023-01618,2023-05-05,org_business,r3_2,2023-06-01',
  );
  assert.notEqual(edited, text);
  writeFileSync(join(changed, 'requests.csv'), edited);
  const refused = await ledger(2024, { ...files, requests: join(changed, 'requests.csv') });
  assert.ok(!refused.ok);
  assert.match(refused.problems[0]!.message, /2023 年度报告已报送并锁定/);
  const after = await buildStoredReport(source, {
    agencyId: 'demo',
    agencyName: '某某市某某局',
    year: 2023,
    counting: 'filed-in-year',
  });
  assert.deepEqual(after.cells, before.cells, 'nothing of the refused ledger was written');
});
