import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import {
  checkDecision,
  checkNewProceeding,
  correctProceeding,
  proceedingPrefix,
  proceedingRefusalMessage,
} from './record-proceeding.ts';

const d = (s: string) => s as IsoDate;

test('a proceeding is filed after the application and not in the future', () => {
  assert.deepEqual(checkNewProceeding(d('2025-05-10'), d('2025-03-03'), d('2025-06-01')), {
    ok: true,
    value: undefined,
  });
  const early = checkNewProceeding(d('2025-03-02'), d('2025-03-03'), d('2025-06-01'));
  assert.equal(!early.ok && early.error.code, 'filed-before-application');
  assert.match(
    !early.ok ? proceedingRefusalMessage(early.error) : '',
    /早于该政府信息公开申请的提交日期 2025-03-03/,
  );
  const future = checkNewProceeding(d('2025-06-02'), d('2025-03-03'), d('2025-06-01'));
  assert.equal(!future.ok && future.error.code, 'filed-in-future');
});

test('its result is recorded once, on or after the day it was filed, not in the future', () => {
  const pending = { id: 'FY-2025-001', kind: 'review' as const, filedOn: d('2025-05-10') };
  assert.ok(checkDecision(pending, d('2025-05-10'), d('2025-08-01')).ok);
  const before = checkDecision(pending, d('2025-05-09'), d('2025-08-01'));
  assert.equal(!before.ok && before.error.code, 'decided-before-filed');
  const future = checkDecision(pending, d('2025-08-02'), d('2025-08-01'));
  assert.equal(!future.ok && future.error.code, 'decided-in-future');
  const decided = { ...pending, result: 'upheld' as const, decidedOn: d('2025-07-01') };
  const again = checkDecision(decided, d('2025-07-20'), d('2025-08-01'));
  assert.equal(!again.ok && again.error.code, 'already-decided');
  assert.match(!again.ok ? proceedingRefusalMessage(again.error) : '', /2025-07-01 审结（结果维持）/);
});

test('reconsiderations and lawsuits are numbered apart, by the year they were filed', () => {
  assert.equal(proceedingPrefix('review', d('2025-05-10')), 'FY-2025-');
  assert.equal(proceedingPrefix('lit_direct', d('2026-01-03')), 'SS-2026-');
  assert.equal(proceedingPrefix('lit_after_review', d('2026-01-03')), 'SS-2026-');
});

test('a correction yields a record that could have been recorded, and gives no outcome to a pending one', () => {
  const pending = { id: 'FY-2025-001', kind: 'review' as const, filedOn: d('2025-05-10') };
  const moved = correctProceeding(pending, { filedOn: d('2025-05-12') }, d('2025-03-03'), d('2025-08-01'));
  assert.deepEqual(moved.ok && moved.value, { ...pending, filedOn: '2025-05-12' });
  const early = correctProceeding(pending, { filedOn: d('2025-03-01') }, d('2025-03-03'), d('2025-08-01'));
  assert.equal(!early.ok && early.error.code, 'filed-before-application');
  const outcome = correctProceeding(pending, { result: 'upheld' }, d('2025-03-03'), d('2025-08-01'));
  assert.equal(!outcome.ok && outcome.error.code, 'not-decided');
  const decided = { ...pending, result: 'upheld' as const, decidedOn: d('2025-07-01') };
  const later = correctProceeding(decided, { filedOn: d('2025-07-02') }, d('2025-03-03'), d('2025-08-01'));
  assert.equal(!later.ok && later.error.code, 'decided-before-filed');
  // A record a ledger brought has no application here: any earlier filing date will do.
  const fromLedger = correctProceeding(pending, { filedOn: d('2024-12-01') }, undefined, d('2025-08-01'));
  assert.ok(fromLedger.ok);
  const other = correctProceeding(decided, { result: 'other' }, d('2025-03-03'), d('2025-08-01'));
  assert.deepEqual(other.ok && [other.value.result, other.value.decidedOn], ['other', '2025-07-01']);
});
