import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository } from '../../agencies/index.ts';
import {
  checkConsistency,
  reportFormat,
  type AnnualReport,
  type CheckResult,
  type ReportFormatId,
} from '../../annual-report/index.ts';
import { restoredReport, storedReport } from './stored-checks.ts';
import { CHECK_TEMPLATES_V1 } from './check-templates-v1.ts';
import { NOT_APPLICABLE_V2 } from './check-not-applicable-v2.ts';
import { CELL_ORDER_V1 } from './cell-order-v1.ts';
import { restoredCells, storedCells } from './stored-cells.ts';
import { supervisionRepository, type FiledReport } from './supervision-repository.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

/** A report of the format whose cells give passes and failures, with last year, stated figures, blanks. */
function reportOf(format: ReportFormatId): AnnualReport {
  const cells = Object.fromEntries(reportFormat(format).cellIds.map((c, i) => [c, i % 7]));
  const checks = checkConsistency(
    { format, cells },
    {
      previous: { format, cells: { ...cells, 't3.r4.total': 99 } },
      statedFigures: { received: 3, lawsuits: 1 },
      blankCells: ['t3.r1.natural', 't4.review.total'],
      processingFees: { collectedCount: 2, collectedYuan: 300, noticesIssued: 1 },
    },
  );
  const extra: CheckResult[] = [
    // A rule no template knows, and a delta the rules would not compute: both kept as they were.
    {
      rule: 'R99.x',
      severity: 'info',
      status: 'pass',
      lhs: 1,
      rhs: 1,
      delta: 0,
      cells: [],
      message: '新规则',
    },
    { ...checks[0]!, delta: 5 },
  ];
  return { format, year: 2025, agency: { name: '某局' }, cells, checks: [...checks, ...extra] };
}

test('a filed report’s checks stored slim read back exactly as they were filed, both formats', () => {
  for (const format of ['2021', '2019'] as const) {
    const report = reportOf(format);
    assert.ok(report.checks.some((c) => c.status === 'fail'));
    const stored = JSON.stringify(storedReport(report));
    assert.deepEqual(restoredReport(JSON.parse(stored)), report);
    const full = JSON.stringify(report);
    assert.ok(stored.length < full.length / 2, `${format}: ${stored.length} of ${full.length} bytes`);
  }
  // A report stored before (checks in full) reads as it was.
  const before = reportOf('2021');
  assert.deepEqual(restoredReport(JSON.parse(JSON.stringify(before))), before);
  // Templates not known to this version: refused, not read as something else.
  const unknown = { ...storedReport(before), storedChecks: { templates: 'v9', checks: [] } };
  assert.throws(() => restoredReport(unknown), /unknown check templates v9/);
});

testOnBothDatabases(
  'filed versions read back whole: slim ones and ones stored in full before',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'a', name: '甲局' }, '2026-01-05T00:00:00Z');
    const store = supervisionRepository(db);
    const filed = (version: number): FiledReport => ({
      agencyId: 'a',
      year: 2025,
      version,
      status: 'filed',
      origin: 'records',
      format: '2021',
      report: reportOf('2021'),
      explanations: {},
      children: [],
      filedBy: 'office',
      filedAt: '2026-01-05T08:00:00Z',
      filedOn: '2026-01-05' as IsoDate,
    });
    await store.file(filed(1));
    const row = await db.selectFrom('filed_reports').select('report').executeTakeFirstOrThrow();
    assert.match(row.report, /"storedChecks"/);
    assert.match(row.report, /"storedCells":\{"order":"v1","values":\[0,1,2,/);
    assert.equal(JSON.parse(row.report).cells, undefined, 'no cell stored by its name');
    // What a parent or next year reads: every cell, or only the ones asked for.
    const tables = (await store.latestTablesMany(['a'], 2025)).get('a');
    assert.deepEqual(tables?.cells, filed(1).report.cells);
    const some = (await store.latestTablesMany(['a'], 2025, ['t3.r4.total', 't2.regulations.in_force'])).get(
      'a',
    );
    assert.deepEqual(some?.cells, {
      't3.r4.total': filed(1).report.cells['t3.r4.total'],
      't2.regulations.in_force': filed(1).report.cells['t2.regulations.in_force'],
    });
    assert.ok(row.report.length < JSON.stringify(filed(1).report).length / 2);
    assert.deepEqual((await store.latest('a', 2025))?.report, filed(1).report);
    // A row written before the checks were stored slim.
    await db
      .updateTable('filed_reports')
      .set({ report: JSON.stringify(filed(1).report) })
      .where('agency_id', '=', 'a')
      .execute();
    assert.deepEqual((await store.latest('a', 2025))?.report, filed(1).report);
    assert.deepEqual((await store.latestTablesMany(['a'], 2025))?.get('a')?.cells, filed(1).report.cells);
    assert.deepEqual((await store.latestTablesMany(['a'], 2025, ['t3.r4.total']))?.get('a')?.cells, {
      't3.r4.total': filed(1).report.cells['t3.r4.total'],
    });
  },
);

test('a check the rules could not apply is stored without its usual sentence (version 2); every version reads back as filed', () => {
  for (const format of ['2021', '2019'] as const) {
    // As a report built from records first files: no report of the year before, no prose, no fee records.
    const cells = Object.fromEntries(reportFormat(format).cellIds.map((c) => [c, 0]));
    const checks = checkConsistency({ format, cells });
    const report: AnnualReport = { format, year: 2025, agency: { name: '某局' }, cells, checks };
    const notApplied = checks.filter((c) => c.status === 'not-applicable');
    assert.ok(
      notApplied.some((c) => c.rule.startsWith('R8.')),
      format,
    );
    assert.ok(
      notApplied.some((c) => c.rule.startsWith('R6.')),
      format,
    );
    const v2 = storedReport(report);
    assert.equal(v2.storedChecks.templates, 'v2');
    assert.deepEqual(
      v2.storedChecks.checks.filter((c) => c.length > 4).map((c) => c[0]),
      [],
      `${format}: nothing stored beyond rule, status and sides`,
    );
    const v1 = storedReport(report, 'v1');
    // In UTF-8, as the database keeps it: the sentences were Chinese.
    const bytes = (stored: object) => Buffer.byteLength(JSON.stringify(stored));
    assert.ok(bytes(v2) < bytes(v1) * 0.7, `${format}: ${bytes(v2)} of ${bytes(v1)} bytes`);
    for (const stored of [v1, v2])
      assert.deepEqual(
        restoredReport(JSON.parse(JSON.stringify(stored))),
        report,
        stored.storedChecks.templates,
      );
    // A check not applied for another reason keeps its own sentence.
    const otherFormat = checkConsistency(
      { format, cells },
      { previous: { format: format === '2021' ? '2019' : '2021', cells } },
    );
    const withOwn = { ...report, checks: otherFormat };
    assert.deepEqual(restoredReport(JSON.parse(JSON.stringify(storedReport(withOwn)))), withOwn);
  }
});

test('a filed report’s cells stored as values in order read back exactly; a cell the order does not know keeps them by name', () => {
  for (const format of ['2021', '2019'] as const) {
    const { cells } = reportOf(format);
    const partial = { ...cells };
    delete partial['t3.r2.total'];
    for (const some of [cells, partial]) {
      const stored = storedCells(format, some);
      assert.ok(stored);
      assert.deepEqual(restoredCells(format, JSON.parse(JSON.stringify(stored))), some);
    }
    assert.equal(storedCells(format, { ...cells, 't9.new.cell': 1 }), undefined);
    const report = { ...reportOf(format), cells: { ...cells, 't9.new.cell': 1 } };
    assert.deepEqual(restoredReport(JSON.parse(JSON.stringify(storedReport(report)))), report);
  }
  assert.throws(
    () => restoredCells('2021', { order: 'v9', values: [] }),
    /unknown cell order v9/,
    'an order this version does not know is refused, not read as another',
  );
});

test('the tables of versions 1 and 2 are frozen: reports filed with them must read the same for ever', () => {
  // A change of the rules' wording, or of a format's cells, goes in a new version beside these.
  for (const [table, expected] of [
    [CHECK_TEMPLATES_V1, '5dab2c8c917fd5eb2e69c3914e0958f6de62187eb9bc43c04be7fa719075543a'],
    [CELL_ORDER_V1, '8eef130f2e1224cee38db02e510985146f5677311857b750166067450e5bc6f7'],
    [NOT_APPLICABLE_V2, '0aaa0e2a4575ad56fb66a2d047ec84a86898dde16fbc49d59a8177d13a908610'],
  ] as const)
    assert.equal(createHash('sha256').update(JSON.stringify(table)).digest('hex'), expected);
});
