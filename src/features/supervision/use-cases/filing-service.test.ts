import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository, type Agency } from '../../agencies/index.ts';
import { checkConsistency, FORMAT_2021, type AnnualReport } from '../../annual-report/index.ts';
import { appendAudit, listAudit } from '../../../platform/audit/audit-log.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { supervisionRepository } from '../db/supervision-repository.ts';
import { filingService } from './filing-service.ts';

/** A consistent set of cells: `received` new applications by natural persons, all disclosed. */
function cells(received: number, carried = 0, open = 0): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(FORMAT_2021.cellIds.map((c) => [c, 0]));
  const set = (row: string, value: number) => {
    out[`t3.${row}.natural`] = value;
    out[`t3.${row}.total`] = value;
  };
  set('r1', received);
  set('r2', carried);
  set('r3_1', received + carried - open);
  set('r3_7', received + carried - open);
  set('r4', open);
  return out;
}

testOnBothDatabases(
  'a season is opened, reports are filed only when they add up, consolidated, locked and corrected',
  async ({ db }) => {
    const agencies = agencyRepository(db);
    const tree: Agency[] = [
      { id: 'city', name: '某市人民政府', level: 'city' },
      { id: 'dept-a', name: '某市甲局', parentId: 'city' },
      { id: 'dept-b', name: '某市乙局', parentId: 'city' },
      { id: 'county', name: '某县人民政府', parentId: 'city', level: 'county' },
      { id: 'county-dept', name: '某县丙局', parentId: 'county' },
    ];
    for (const agency of tree) await agencies.create(agency, 'now');
    const own: Record<string, Record<string, number>> = {
      city: cells(1),
      'dept-a': { ...cells(5), 't3.r1.total': 6 },
      'dept-b': cells(2, 1),
      county: cells(3),
      'county-dept': cells(4, 0, 1),
    };
    let today = '2026-01-20' as IsoDate;
    let sequence = 0;
    const service = filingService({
      store: supervisionRepository(db),
      agencies,
      async buildOwnReport(agency, year, previous): Promise<AnnualReport> {
        const report = {
          format: '2021' as const,
          year,
          agency: { name: agency.name },
          cells: own[agency.id]!,
        };
        return { ...report, checks: checkConsistency(report, previous ? { previous } : {}) };
      },
      today: () => today,
      now: () => `${today}T08:00:00.000Z`,
      newId: () => `c${++sequence}`,
      audit: (entry) => appendAudit(db, { ...entry, at: `${today}T08:00:00.000Z` }),
    });

    // The season: internal deadlines no later than the law's.
    const late = await service.openSeason('city', 2025, { department: '2026-02-05' }, 'office');
    assert.equal(late.ok ? '' : late.error.code, 'invalid-deadline');
    const future = await service.openSeason('city', 2026, {}, 'office');
    assert.equal(future.ok ? '' : future.error.code, 'year-out-of-range');
    assert.ok(
      (await service.openSeason('city', 2025, { department: '2026-01-26', county: '2026-02-20' }, 'office'))
        .ok,
    );
    const again = await service.openSeason('city', 2025, {}, 'office');
    assert.equal(again.ok ? '' : again.error.code, 'season-exists');
    let board = await service.board('city', 2025);
    assert.ok(board.ok);
    assert.deepEqual(
      board.value.rows.map((r) => [r.agency.id, r.depth, r.deadline, r.state]),
      [
        ['county', 1, '2026-02-20', 'not-filed'],
        ['county-dept', 2, '2026-01-26', 'not-filed'],
        ['dept-a', 1, '2026-01-26', 'not-filed'],
        ['dept-b', 1, '2026-01-26', 'not-filed'],
      ],
    );

    // Filing is refused while an error rule fails, naming the rule and its cells.
    const broken = await service.fileFromRecords('dept-a', 2025, {}, 'officer-a');
    assert.ok(!broken.ok && broken.error.code === 'report-has-errors');
    assert.ok(broken.error.failures.some((f) => f.rule === 'R3.r1' && f.cells.includes('t3.r1.total')));
    own['dept-a'] = cells(5);
    const filed = await service.fileFromRecords('dept-a', 2025, {}, 'officer-a');
    assert.ok(filed.ok, JSON.stringify(!filed.ok && filed.error));
    assert.equal(filed.value.version, 1);
    const twice = await service.fileFromRecords('dept-a', 2025, {}, 'officer-a');
    assert.equal(twice.ok ? '' : twice.error.code, 'already-filed');

    // R6 against last year's filed report blocks filing: 2024 left 2 open, 2025 carries over 1.
    own['dept-b'] = cells(4, 0, 2);
    assert.ok((await service.fileFromRecords('dept-b', 2024, {}, 'officer-b')).ok);
    own['dept-b'] = cells(2, 1);
    const carried = await service.fileFromRecords('dept-b', 2025, {}, 'officer-b');
    assert.ok(!carried.ok && carried.error.code === 'report-has-errors');
    assert.ok(carried.error.failures.every((f) => f.rule.startsWith('R6')));
    own['dept-b'] = cells(2, 2);
    assert.ok((await service.fileFromRecords('dept-b', 2025, {}, 'officer-b')).ok);

    // A parent consolidates only when every child has filed; the missing one is named.
    const early = await service.fileFromRecords('county', 2025, {}, 'officer-c');
    assert.ok(!early.ok && early.error.code === 'children-not-filed');
    assert.deepEqual(early.error.missing, [{ id: 'county-dept', name: '某县丙局' }]);
    today = '2026-01-27' as IsoDate;
    assert.ok((await service.fileFromRecords('county-dept', 2025, {}, 'officer-d')).ok);
    const county = await service.fileFromRecords('county', 2025, {}, 'officer-c');
    assert.ok(county.ok);
    assert.equal(county.value.origin, 'consolidation');
    assert.equal(county.value.report.cells['t3.r1.total'], 7);
    assert.equal(county.value.report.cells['t3.r4.total'], 1);
    assert.deepEqual(county.value.children, [{ agencyId: 'county-dept', version: 1 }]);
    const trace = await service.traceCell('county', 2025, 't3.r1.total');
    assert.ok(trace.ok);
    assert.deepEqual(trace.value.contributions, [
      { agencyId: 'county', value: 3 },
      { agencyId: 'county-dept', version: 1, value: 4 },
    ]);

    const city = await service.prepare('city', 2025);
    assert.ok(city.ok);
    assert.equal(city.value.report.cells['t3.r1.total'], 1 + 5 + 2 + 7);
    assert.deepEqual(city.value.consolidation?.missing, []);

    board = await service.board('city', 2025);
    assert.ok(board.ok);
    assert.deepEqual(Object.fromEntries(board.value.rows.map((r) => [r.agency.id, r.state])), {
      county: 'filed',
      'county-dept': 'filed-late',
      'dept-a': 'filed',
      'dept-b': 'filed',
    });

    // The filed year is locked until an approved correction re-opens it; re-filing keeps both versions.
    assert.equal(await service.isLocked('dept-a', 2025), true);
    const short = await service.requestCorrection('dept-a', 2025, '改一下', 'officer-a');
    assert.equal(short.ok ? '' : short.error.code, 'reason-too-short');
    const correction = await service.requestCorrection(
      'dept-a',
      2025,
      '漏登记一件12月30日收到的申请，需补录后重新报送',
      'officer-a',
    );
    assert.ok(correction.ok);
    const second = await service.requestCorrection(
      'dept-a',
      2025,
      '另一个理由，也足够长的说明文字',
      'officer-a',
    );
    assert.equal(second.ok ? '' : second.error.code, 'correction-pending');
    const self = await service.decideCorrection('dept-a', correction.value.id, true, 'officer-a');
    assert.equal(self.ok ? '' : self.error.code, 'own-correction');
    assert.equal(await service.isLocked('dept-a', 2025), true, 'still locked until approved');
    assert.ok((await service.decideCorrection('dept-a', correction.value.id, true, 'office')).ok);
    assert.equal(await service.isLocked('dept-a', 2025), false);
    board = await service.board('city', 2025);
    assert.ok(board.ok && board.value.rows.find((r) => r.agency.id === 'dept-a')?.state === 'reopened');
    const reminded = await service.remind('city', 2025, undefined, undefined, 'office');
    assert.ok(reminded.ok);
    assert.deepEqual(reminded.value.reminded, ['dept-a']);
    own['dept-a'] = cells(6);
    const refiled = await service.fileFromRecords('dept-a', 2025, {}, 'officer-a');
    assert.ok(refiled.ok);
    assert.equal(refiled.value.version, 2);
    const store = supervisionRepository(db);
    assert.deepEqual(
      (await store.versions('dept-a', 2025)).map((v) => [v.version, v.status, v.report.cells['t3.r1.total']]),
      [
        [1, 'reopened', 5],
        [2, 'filed', 6],
      ],
    );
    assert.deepEqual(
      (await store.corrections('dept-a', 2025)).map((c) => [c.decision, c.decidedBy, c.refiledVersion]),
      [['approved', 'office', 2]],
    );
    const countyFix = await service.requestCorrection(
      'county-dept',
      2025,
      '补录一件漏登记的申请后重新报送',
      'officer-d',
    );
    assert.ok(countyFix.ok);
    assert.ok((await service.decideCorrection('county-dept', countyFix.value.id, true, 'office')).ok);
    board = await service.board('city', 2025);
    assert.ok(board.ok);
    assert.equal(
      board.value.rows.find((r) => r.agency.id === 'county')?.stale,
      true,
      'the county summed a version of its department that has since been re-opened',
    );
    assert.equal(board.value.rows.find((r) => r.agency.id === 'dept-a')?.stale, undefined);
    assert.deepEqual(
      (await listAudit(db, 'dept-a')).map((e) => e.action),
      ['report.filed', 'report.correction-requested', 'report.correction-approved', 'report.filed'],
    );
  },
);
