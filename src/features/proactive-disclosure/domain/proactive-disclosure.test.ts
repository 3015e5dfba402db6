import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideAttribute, forwardedAttribute } from './disclosure-attribute.ts';
import { onTimeShare, publicationDueOn, timelinessOf } from './publication-deadline.ts';
import { interpretationRate } from './interpretation-rate.ts';
import { shippedChinaCalendar } from '../../../shared/domain/china-work-calendar.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

const calendar = shippedChinaCalendar();
const d = (text: string) => text as IsoDate;

test('a document cannot move on without an attribute; withholding needs its article and a reason (Art. 14–16)', () => {
  assert.deepEqual(decideAttribute({}), { ok: false, error: { code: 'attribute-missing' } });
  assert.deepEqual(decideAttribute({ attribute: 'proactive' }), {
    ok: true,
    value: { attribute: 'proactive' },
  });
  assert.deepEqual(decideAttribute({ attribute: 'not-disclosed' }), {
    ok: false,
    error: { code: 'article-required', attribute: 'not-disclosed' },
  });
  assert.deepEqual(decideAttribute({ attribute: 'on-request', article: 'article-16', reason: '  ' }), {
    ok: false,
    error: { code: 'reason-required', attribute: 'on-request' },
  });
  assert.deepEqual(decideAttribute({ attribute: 'proactive', article: 'article-14' }), {
    ok: false,
    error: { code: 'article-not-applicable' },
  });
  const withheld = decideAttribute({
    attribute: 'not-disclosed',
    article: 'article-15',
    reason: ' 含个人隐私 ',
  });
  assert.deepEqual(withheld, {
    ok: true,
    value: { attribute: 'not-disclosed', article: 'article-15', reason: '含个人隐私' },
  });
});

test('a forwarded document keeps the source attribute unless decided anew', () => {
  const source = { attribute: 'on-request' as const, article: 'article-16' as const, reason: '过程性信息' };
  assert.deepEqual(forwardedAttribute(source, undefined), source);
  assert.deepEqual(forwardedAttribute(source, { attribute: 'proactive' }), { attribute: 'proactive' });
});

test('proactive information is due on the portal 20 working days after it is formed (Art. 26), sooner with a local limit', () => {
  assert.equal(publicationDueOn(d('2025-09-26'), calendar), '2025-10-30');
  assert.equal(publicationDueOn(d('2025-09-26'), calendar, { localWorkingDays: 10 }), '2025-10-16');
  assert.equal(
    publicationDueOn(d('2025-09-26'), calendar, { localWorkingDays: 30 }),
    '2025-10-30',
    'a local limit cannot be looser than the law',
  );
});

test('timeliness: on time, late, pending and overdue, and the share published on time', () => {
  const onTime = timelinessOf(d('2025-03-03'), d('2025-03-20'), d('2025-12-31'), calendar);
  const late = timelinessOf(d('2025-03-03'), d('2025-04-15'), d('2025-12-31'), calendar);
  assert.deepEqual(
    [onTime.kind, late.kind, onTime.dueOn],
    ['published-on-time', 'published-late', '2025-03-31'],
  );
  assert.equal(timelinessOf(d('2025-03-03'), undefined, d('2025-03-10'), calendar).kind, 'pending');
  assert.equal(timelinessOf(d('2025-03-03'), undefined, d('2025-04-01'), calendar).kind, 'overdue');
  assert.equal(onTimeShare([onTime, late, onTime]), 2 / 3);
  assert.equal(onTimeShare([]), undefined);
});

test('the interpretation rate counts normative documents interpreted within the configured working days', () => {
  const documents = [
    { id: 'a', issuedOn: d('2024-03-01'), interpretationsPublishedOn: [d('2024-03-01')] },
    { id: 'b', issuedOn: d('2024-06-03'), interpretationsPublishedOn: [d('2024-06-06')] },
    { id: 'c', issuedOn: d('2024-09-02'), interpretationsPublishedOn: [] },
    { id: 'old', issuedOn: d('2023-09-02'), interpretationsPublishedOn: [] },
  ];
  assert.deepEqual(interpretationRate(documents, 2024, calendar, 3), {
    documents: 3,
    interpreted: 2,
    rate: 2 / 3,
    missing: ['c'],
  });
  assert.deepEqual(interpretationRate(documents, 2024, calendar, 0).missing, ['b', 'c']);
  assert.equal(interpretationRate(documents, 2022, calendar).rate, undefined);
});
