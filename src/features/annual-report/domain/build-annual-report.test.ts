import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildAnnualReport, buildReportCells, cellValue } from './build-annual-report.ts';
import { selectorForCell } from './cell-selector.ts';
import { reportFormat } from './report-format.ts';
import { APPLICANT_TYPES } from './applicant-type.ts';
import { OUTCOME_ROWS } from './outcome-row.ts';
import { tallyRequests, type DisclosureRequest } from '../../requests/index.ts';
import { tallyProceedings, type Proceeding } from '../../reviews/index.ts';
import { toIsoDate } from '../../../shared/domain/iso-date.ts';

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => {
  const date = new Date(Date.UTC(2023, 0, 1 + n));
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
});

const request = fc
  .record({
    receivedOn: day,
    applicantType: fc.constantFrom(...APPLICANT_TYPES),
    outcome: fc.option(fc.constantFrom(...OUTCOME_ROWS), { nil: undefined }),
    daysToComplete: fc.integer({ min: 0, max: 400 }),
  })
  .map(({ receivedOn, applicantType, outcome, daysToComplete }): Omit<DisclosureRequest, 'id'> => {
    if (!outcome) return { receivedOn, applicantType };
    const date = new Date(`${receivedOn}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + daysToComplete);
    return {
      receivedOn,
      applicantType,
      outcome,
      completedOn: toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()),
    };
  });

const proceeding = fc.record({
  kind: fc.constantFrom('review', 'lit_direct', 'lit_after_review' as const),
  filedOn: day,
  result: fc.option(fc.constantFrom('upheld', 'corrected', 'other' as const), { nil: undefined }),
  days: fc.integer({ min: 1, max: 300 }),
});

test('any set of records gives a report that satisfies R1–R5, and carried out of N−1 is carried in of N (R6)', () => {
  fc.assert(
    fc.property(
      fc.array(request, { maxLength: 80 }),
      fc.array(proceeding, { maxLength: 20 }),
      fc.constantFrom(2023, 2024, 2025),
      (rows, proceedingRows, year) => {
        const requests = rows.map((r, i) => ({ ...r, id: `R${i}` }));
        const proceedings: Proceeding[] = proceedingRows.map((p, i) => {
          const decided = new Date(`${p.filedOn}T00:00:00Z`);
          decided.setUTCDate(decided.getUTCDate() + p.days);
          const decidedOn = toIsoDate(
            decided.getUTCFullYear(),
            decided.getUTCMonth() + 1,
            decided.getUTCDate(),
          );
          return {
            id: `P${i}`,
            kind: p.kind,
            filedOn: p.filedOn,
            ...(p.result ? { result: p.result, decidedOn } : {}),
          };
        });
        const facts = (y: number) => ({
          requests: tallyRequests(requests, y),
          proceedings: tallyProceedings(proceedings, y, 'filed-in-year'),
          documents: [],
          figures: undefined,
        });
        const previous = buildAnnualReport(facts(year - 1), { year: year - 1, agencyName: 'x' });
        const report = buildAnnualReport(facts(year), { year, agencyName: 'x' }, { previous });
        const failed = report.checks.filter((c) => c.status === 'fail');
        assert.deepEqual(failed, []);
        assert.ok(report.checks.filter((c) => c.rule.startsWith('R6.')).every((c) => c.status === 'pass'));
        const receivedInYear = requests.filter((r) => r.receivedOn.startsWith(String(year))).length;
        assert.equal(report.cells['t3.r1.total'], receivedInYear);
      },
    ),
    { numRuns: 300 },
  );
});

test('every built cell is the value its selector gives (the lineage a cell is traced by), in both formats', () => {
  const tally = fc.record({
    applicantType: fc.constantFrom(...APPLICANT_TYPES),
    received: fc.nat(50),
    carriedIn: fc.nat(50),
    carriedOut: fc.nat(50),
    completed: fc.dictionary(fc.constantFrom(...OUTCOME_ROWS), fc.nat(30)),
  });
  const document = fc.record({
    kind: fc.constantFrom('regulation', 'normative_doc' as const),
    made: fc.nat(9),
    repealed: fc.nat(9),
    inForce: fc.nat(99),
  });
  const proceeding = fc.record({
    kind: fc.constantFrom('review', 'lit_direct', 'lit_after_review' as const),
    status: fc.constantFrom('upheld', 'corrected', 'other', 'pending' as const),
    count: fc.nat(9),
  });
  fc.assert(
    fc.property(
      // Tallies in any order, an applicant type more than once or not at all.
      fc.array(tally, { maxLength: 12 }),
      fc.array(proceeding, { maxLength: 8 }),
      fc.array(document, { maxLength: 3 }),
      fc.constantFrom('2021' as const, '2019' as const),
      (requests, proceedings, documents, format) => {
        const facts = {
          requests,
          proceedings,
          documents,
          figures: { licensing: 3, penalty: 2, coercion: 0, adminFeesWan: 1.5 },
        };
        const cells = buildReportCells(facts, format);
        const ids = reportFormat(format).cellIds;
        assert.deepEqual(Object.keys(cells), [...ids]);
        for (const id of ids) assert.equal(cells[id], cellValue(facts, selectorForCell(id, format)!), id);
      },
    ),
    { numRuns: 200 },
  );
});

test('a report whose facts break R1 is a bug and throws instead of being returned', () => {
  const broken = {
    requests: [
      { applicantType: 'natural' as const, received: 1, carriedIn: 0, carriedOut: 0, completed: {} },
    ],
    proceedings: [],
    documents: [],
    figures: undefined,
  };
  assert.throws(() => buildAnnualReport(broken, { year: 2024, agencyName: 'x' }), /R1\.natural/);
});
