import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALENDAR, d } from '../../../../test-support/case-builder.ts';
import { confirmationWait } from './confirmation-wait.ts';

test('an unconfirmed application is flagged once it has waited the agency limit in working days', () => {
  // Submitted online on Friday 2025-09-26; National Day holidays 10-01…10-08, 09-28 and 10-11 are make-up days.
  assert.deepEqual(confirmationWait(d('2025-09-26'), d('2025-09-26'), CALENDAR, 2), {
    waitingWorkingDays: 0,
    overdue: false,
  });
  assert.deepEqual(
    confirmationWait(d('2025-09-26'), d('2025-09-29'), CALENDAR, 2),
    {
      waitingWorkingDays: 2,
      overdue: true,
    },
    'Sunday 09-28 is a make-up working day, Monday the second',
  );
  assert.equal(
    confirmationWait(d('2025-09-30'), d('2025-10-08'), CALENDAR, 2).waitingWorkingDays,
    0,
    'the holiday week counts nothing',
  );
  assert.equal(confirmationWait(d('2025-09-30'), d('2025-10-09'), CALENDAR, 2).overdue, false);
  assert.equal(confirmationWait(d('2025-09-30'), d('2025-10-10'), CALENDAR, 2).overdue, true);
});
