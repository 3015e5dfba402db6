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
