import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatedIndexNumber, indexNumberOf } from './index-number.ts';

test('a document without a 索引号 gets one from the agency prefix, the year and its own serial', () => {
  assert.equal(generatedIndexNumber('DOC-2025-00012', '11370000004609134E'), '11370000004609134E/2025-00012');
  assert.equal(indexNumberOf({ id: 'DOC-2025-00012' }, 'CIVIL'), 'CIVIL/2025-00012');
  assert.equal(
    indexNumberOf({ id: 'DOC-2025-00012', indexNumber: ' 000-2025-77 ' }, 'CIVIL'),
    '000-2025-77',
    'the given one wins',
  );
  assert.equal(indexNumberOf({ id: 'DOC-2025-00012', indexNumber: '  ' }, 'CIVIL'), 'CIVIL/2025-00012');
});
