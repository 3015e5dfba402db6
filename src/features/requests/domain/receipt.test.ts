import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseUnderTest, d } from '../../../../test-support/case-builder.ts';

test('an unconfirmed application withdrawn is closed, and is never confirmed afterwards (第三十一条)', () => {
  const fax = new CaseUnderTest({ channel: 'fax', submittedOn: '2025-03-03' });
  assert.equal(fax.state.status, 'submitted-unconfirmed');
  fax.do({ type: 'withdraw', on: d('2025-03-04') }, '2025-03-04', '申请人来电撤回');
  assert.equal(fax.state.status, 'withdrawn');
  assert.deepEqual(fax.try({ type: 'confirm-receipt', receivedOn: d('2025-03-05') }, '2025-03-05'), {
    code: 'case-closed',
    status: 'withdrawn',
  });
});

test('an ordinary letter is confirmed with the day it arrived; a later confirmation is recorded as late', () => {
  const letter = new CaseUnderTest({ channel: 'ordinary-post', submittedOn: '2025-03-03' });
  assert.deepEqual(letter.try({ type: 'confirm-receipt', receivedOn: d('2025-03-06') }, '2025-03-06'), {
    code: 'arrival-date-required',
  });
  assert.deepEqual(
    letter.try(
      { type: 'confirm-receipt', receivedOn: d('2025-03-04'), arrivedOn: d('2025-03-05') },
      '2025-03-06',
    ),
    { code: 'confirmed-before-arrival', arrivedOn: '2025-03-05' },
  );
  letter.do(
    { type: 'confirm-receipt', receivedOn: d('2025-03-06'), arrivedOn: d('2025-03-04') },
    '2025-03-06',
  );
  assert.deepEqual([letter.state.receivedOn, letter.state.arrivedOn], ['2025-03-06', '2025-03-04']);
  // Online: there is no letter to arrive; the date is not asked for.
  const online = new CaseUnderTest({ channel: 'online', submittedOn: '2025-03-03' });
  online.do({ type: 'confirm-receipt', receivedOn: d('2025-03-04') }, '2025-03-04');
  assert.equal(online.state.arrivedOn, undefined);
});
