import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseUnderTest, d } from '../../../../test-support/case-builder.ts';

/** A case received on Monday 2025-03-03 (due 2025-03-31), in an agency that separates duties. */
function separated(): CaseUnderTest {
  const c = new CaseUnderTest({ submittedOn: '2025-03-03' });
  c.separateApprover = true;
  c.actor = 'wang';
  assert.equal(c.try({ type: 'assign', handler: 'wang', handlerName: '王经办' }, '2025-03-03'), undefined);
  return c;
}

test('the handler asks for an extension; another person approves it and the due date moves', () => {
  const c = separated();
  assert.equal(
    c.try(
      { type: 'request-extension', on: d('2025-03-20'), workingDays: 10 },
      '2025-03-20',
      '档案分散在三个科室',
    ),
    undefined,
  );
  assert.equal(c.state.pendingApproval?.kind, 'extension');
  assert.equal(c.state.pendingApproval?.requestedBy, 'wang');
  assert.equal(c.state.extension, undefined, 'asking is not granting');
  // Nobody asks twice while the first waits.
  assert.equal(
    c.try({ type: 'request-extension', on: d('2025-03-20'), workingDays: 5 }, '2025-03-20', '再延')?.code,
    'approval-pending',
  );
  c.actor = 'li';
  assert.equal(
    c.try({ type: 'approve', on: d('2025-03-21'), approvedBy: '李主任' }, '2025-03-21'),
    undefined,
  );
  const extension = c.state.extension!;
  assert.equal(extension.approvedBy, '李主任');
  assert.equal(extension.workingDays, 10);
  assert.equal(extension.reason, '档案分散在三个科室', "the notice gives the handler's reason");
  assert.equal(extension.noticeSentOn, '2025-03-21');
  assert.equal(extension.dueOn, '2025-04-15');
  assert.equal(c.state.pendingApproval, undefined);
});

test('neither the one who asked nor the handler approves, where duties are separated', () => {
  const c = separated();
  c.try({ type: 'request-extension', on: d('2025-03-20'), workingDays: 10 }, '2025-03-20', '量大');
  assert.equal(
    c.try({ type: 'approve', on: d('2025-03-20'), approvedBy: '王经办' }, '2025-03-20')?.code,
    'approver-is-requester',
  );
  // Another officer asked on the handler's case: the handler still may not approve it.
  const other = separated();
  other.actor = 'zhao';
  other.try({ type: 'request-extension', on: d('2025-03-20'), workingDays: 10 }, '2025-03-20', '量大');
  other.actor = 'wang';
  assert.equal(
    other.try({ type: 'approve', on: d('2025-03-20'), approvedBy: '王经办' }, '2025-03-20')?.code,
    'approver-is-requester',
  );
  other.actor = 'li';
  assert.equal(
    other.try({ type: 'approve', on: d('2025-03-20'), approvedBy: '李主任' }, '2025-03-20'),
    undefined,
  );
});

test('one-step grants are refused where duties are separated, and allowed where they are not', () => {
  const c = separated();
  const grant = {
    type: 'grant-extension',
    workingDays: 10,
    approvedBy: '王经办',
    approvedOn: d('2025-03-20'),
    noticeSentOn: d('2025-03-20'),
  } as const;
  assert.equal(c.try(grant, '2025-03-20')?.code, 'approval-required');
  c.try({ type: 'request-explanation', on: d('2025-03-10') }, '2025-03-10');
  assert.equal(
    c.try(
      { type: 'set-later-date', on: d('2025-03-20'), laterDate: d('2025-05-30') },
      '2025-03-20',
      '数量巨大',
    )?.code,
    'approval-required',
  );
  const plain = new CaseUnderTest({ submittedOn: '2025-03-03' });
  assert.equal(plain.try(grant, '2025-03-20'), undefined);
  // Without separation the same person may also ask and approve.
  const self = new CaseUnderTest({ submittedOn: '2025-03-03' });
  self.try({ type: 'request-extension', on: d('2025-03-20'), workingDays: 10 }, '2025-03-20', '量大');
  assert.equal(
    self.try({ type: 'approve', on: d('2025-03-20'), approvedBy: '王经办' }, '2025-03-20'),
    undefined,
  );
});

test('an approval is refused with a reason, and the handler may ask again', () => {
  const c = separated();
  c.try({ type: 'request-extension', on: d('2025-03-20'), workingDays: 10 }, '2025-03-20', '量大');
  c.actor = 'li';
  assert.equal(
    c.try({ type: 'refuse-approval', on: d('2025-03-21') }, '2025-03-21')?.code,
    'reason-required',
  );
  assert.equal(
    c.try({ type: 'refuse-approval', on: d('2025-03-21') }, '2025-03-21', '可以在期限内答复'),
    undefined,
  );
  assert.equal(c.state.pendingApproval, undefined);
  assert.equal(c.state.extension, undefined);
  assert.equal(
    c.try({ type: 'approve', on: d('2025-03-21'), approvedBy: '李主任' }, '2025-03-21')?.code,
    'nothing-to-approve',
  );
  c.actor = 'wang';
  assert.equal(
    c.try({ type: 'request-extension', on: d('2025-03-24'), workingDays: 5 }, '2025-03-24', '补充理由'),
    undefined,
  );
});

test('the law of the extension holds when it is approved, not only when asked', () => {
  const c = separated();
  assert.equal(
    c.try({ type: 'request-extension', on: d('2025-03-20'), workingDays: 21 }, '2025-03-20', '量大')?.code,
    'extension-too-long',
  );
  assert.equal(
    c.try({ type: 'request-extension', on: d('2025-03-20'), workingDays: 20 }, '2025-03-20')?.code,
    'extension-without-reason',
  );
  c.try({ type: 'request-extension', on: d('2025-03-28'), workingDays: 20 }, '2025-03-28', '量大');
  c.actor = 'li';
  // Approved after the reply was due: too late, the reply is late whatever is approved now.
  assert.equal(
    c.try({ type: 'approve', on: d('2025-04-01'), approvedBy: '李主任' }, '2025-04-01')?.code,
    'extension-after-deadline',
  );
  assert.equal(
    c.try({ type: 'approve', on: d('2025-03-31'), approvedBy: '李主任' }, '2025-03-31'),
    undefined,
  );
});

test("a later date (第三十五条) is asked for and approved the same way, with the handler's reason", () => {
  const c = separated();
  assert.equal(
    c.try(
      { type: 'request-later-date', on: d('2025-03-10'), laterDate: d('2025-05-30') },
      '2025-03-10',
      '数量巨大',
    )?.code,
    'explanation-not-requested',
  );
  c.try({ type: 'request-explanation', on: d('2025-03-10') }, '2025-03-10');
  assert.equal(
    c.try(
      { type: 'request-later-date', on: d('2025-03-20'), laterDate: d('2025-05-30') },
      '2025-03-20',
      '申请涉及十年档案',
    ),
    undefined,
  );
  c.actor = 'li';
  assert.equal(
    c.try({ type: 'approve', on: d('2025-03-21'), approvedBy: '李主任' }, '2025-03-21'),
    undefined,
  );
  assert.equal(c.state.laterDate, '2025-05-30');
  assert.equal(c.state.laterDateReason, '申请涉及十年档案');
  const event = c.history.at(-1)!.event;
  assert.equal(event.type === 'later-date-set' && event.approvedBy, '李主任');
});

test('assignment: to someone new, never on a closed case, and it does not hold back earlier dates', () => {
  const c = separated();
  assert.equal(
    c.try({ type: 'assign', handler: 'wang', handlerName: '王经办' }, '2025-03-25')?.code,
    'handler-unchanged',
  );
  assert.equal(c.try({ type: 'assign', handler: 'zhao', handlerName: '赵经办' }, '2025-03-25'), undefined);
  assert.deepEqual(c.state.handler, { username: 'zhao', name: '赵经办' });
  // Assigned on the 25th, the reply of the 20th is still recorded on its own date.
  c.actor = 'zhao';
  assert.equal(
    c.try(
      { type: 'record-reply', on: d('2025-03-20'), outcome: 'r3_1', legalBasis: '第三十六条第（二）项' },
      '2025-03-25',
    ),
    undefined,
  );
  assert.equal(
    c.try({ type: 'assign', handler: 'wang', handlerName: '王经办' }, '2025-03-26')?.code,
    'case-closed',
  );
});

test('a reply ends what was pending: nothing is left to approve on a closed case', () => {
  const c = separated();
  c.try({ type: 'request-extension', on: d('2025-03-20'), workingDays: 10 }, '2025-03-20', '量大');
  assert.equal(
    c.try(
      { type: 'record-reply', on: d('2025-03-21'), outcome: 'r3_1', legalBasis: '第三十六条第（二）项' },
      '2025-03-21',
    ),
    undefined,
  );
  c.actor = 'li';
  assert.equal(
    c.try({ type: 'approve', on: d('2025-03-21'), approvedBy: '李主任' }, '2025-03-21')?.code,
    'nothing-to-approve',
  );
});
