import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { testOnBothDatabases } from '../../test-support/databases.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import {
  buildStoredReport,
  explainStoredCell,
  selectorForCell,
  type ProceedingCounting,
} from '../features/annual-report/index.ts';
import {
  importLedger,
  loadLedger,
  ledgerFacts,
  ledgerRecordsBehind,
} from '../features/ledger-import/index.ts';
import { buildAnnualReport } from '../features/annual-report/index.ts';
import { listAudit } from '../platform/audit/audit-log.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';
import { databaseFactSource } from './database-fact-source.ts';
import { databaseLedgerStore } from './ledger-store.ts';

const dir = new URL('../../test-support/fixtures/ledger-2024/', import.meta.url);
const path = (name: string) => fileURLToPath(new URL(name, dir));
const files = {
  requests: path('requests.csv'),
  reviews: path('reviews.csv'),
  documents: path('documents.csv'),
  figures: path('figures.json'),
};
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  cells: Record<string, number>;
};
const NOW = '2025-01-10T08:00:00.000Z';

async function seed(db: Parameters<typeof databaseLedgerStore>[0]) {
  await agencyRepository(db).create({ id: 'demo', name: '某某市某某局' }, NOW);
  const result = await importLedger(databaseLedgerStore(db), {
    files,
    agencyId: 'demo',
    year: 2024,
    actor: 'officer-1',
    now: NOW,
    importId: 'imp-1',
  });
  assert.ok(result.ok);
  return result;
}

testOnBothDatabases('a stored ledger yields exactly the expected 2024 report', async ({ db }) => {
  const result = await seed(db);
  assert.deepEqual(result.ok && result.counts, {
    requests: 2500,
    proceedings: 48,
    documents: 10,
    figures: true,
  });
  const report = await buildStoredReport(databaseFactSource(db), {
    agencyId: 'demo',
    agencyName: '某某市某某局',
    year: 2024,
    counting: 'filed-in-year',
  });
  assert.deepEqual(report.cells, expected.cells);
  const audit = await listAudit(db, 'demo');
  assert.deepEqual(
    audit.map((a) => [a.action, a.actor, a.subject]),
    [['ledger.import', 'officer-1', 'ledger_imports/imp-1']],
  );
});

testOnBothDatabases(
  'SQL tallies and lineage agree with the in-memory rules for every year and both t4 semantics',
  async ({ db }) => {
    await seed(db);
    const load = await loadLedger(files, 2024);
    assert.ok(load.ok);
    const source = databaseFactSource(db);
    for (const year of [2022, 2023, 2024, 2025]) {
      for (const counting of ['filed-in-year', 'decided-or-pending'] as ProceedingCounting[]) {
        const stored = await buildStoredReport(source, { agencyId: 'demo', agencyName: 'x', year, counting });
        const inMemory = buildAnnualReport(ledgerFacts(load.ledger, year, counting), {
          year,
          agencyName: 'x',
        });
        assert.deepEqual(stored.cells, inMemory.cells, `${year} ${counting}`);
      }
    }
    for (const cell of [
      't3.r1.natural',
      't3.r2.org_legal',
      't3.r3_3_4.total',
      't3.r4.total',
      't4.lit_direct.pending',
      't4.review.total',
      't2.normative_docs.in_force',
    ]) {
      const selector = selectorForCell(cell);
      assert.ok(selector);
      const fromDb = await explainStoredCell(source, 'demo', 2024, cell, 'filed-in-year');
      assert.ok(fromDb.ok);
      assert.deepEqual(
        [...fromDb.recordIds].sort(),
        ledgerRecordsBehind(load.ledger, selector, 2024, 'filed-in-year').sort(),
        cell,
      );
      assert.equal(fromDb.recordIds.length, expected.cells[cell]);
    }
  },
);

testOnBothDatabases(
  're-importing a ledger updates records by id instead of duplicating them',
  async ({ db }) => {
    await seed(db);
    const again = await importLedger(databaseLedgerStore(db), {
      files,
      agencyId: 'demo',
      year: 2024,
      actor: 'officer-2',
      now: NOW,
      importId: 'imp-2',
    });
    assert.ok(again.ok);
    assert.equal(await requestRepository(db).count('demo'), 2500);
  },
);

testOnBothDatabases('an import that fails half-way stores nothing', async ({ db }) => {
  // No agency "ghost": the first insert violates its foreign key and the transaction rolls back.
  await assert.rejects(
    importLedger(databaseLedgerStore(db), {
      files,
      agencyId: 'ghost',
      year: 2024,
      actor: 'x',
      now: NOW,
      importId: 'imp-x',
    }),
  );
  assert.equal(await requestRepository(db).count('ghost'), 0);
  const imports = await db.selectFrom('ledger_imports').selectAll().execute();
  assert.equal(imports.length, 0);
  assert.equal((await listAudit(db)).length, 0);
});

testOnBothDatabases(
  'the report years of many agencies in one query, the same as one by one',
  async ({ db }) => {
    await seed(db);
    await agencyRepository(db).create({ id: 'empty', name: '没有记录的机关' }, NOW);
    const requests = requestRepository(db);
    const years = await requests.reportYearsOf(['demo', 'empty', 'no-such-agency']);
    assert.deepEqual([...years.keys()], ['demo']);
    assert.deepEqual(years.get('demo'), await requests.reportYears('demo'));
    assert.equal(years.get('demo')![0], Math.max(...years.get('demo')!));
    assert.ok(years.get('demo')!.includes(2024));
    assert.deepEqual(await requests.reportYears('empty'), []);
    assert.equal((await requests.reportYearsOf([])).size, 0);
  },
);
