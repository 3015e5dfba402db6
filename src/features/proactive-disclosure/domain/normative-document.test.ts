import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decideNormativeEvent,
  isInForce,
  tallyDocuments,
  type NormativeDocument,
} from './normative-document.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

const d = (text: string) => text as IsoDate;
const rules: NormativeDocument = {
  id: 'GF-2023-001',
  kind: 'normative_doc',
  title: '某市最低生活保障办法',
  issuedOn: d('2023-05-10'),
};

test('an amendment keeps a document in force; a lapse ends it without counting as a repeal', () => {
  const amended = decideNormativeEvent(rules, { type: 'amend', on: d('2024-02-01'), note: '调整保障标准' });
  assert.ok(amended.ok);
  assert.equal(amended.value.amendments?.length, 1);
  assert.ok(isInForce(amended.value, d('2024-12-31')));
  const lapsed = decideNormativeEvent(amended.value, { type: 'lapse', on: d('2025-05-10') });
  assert.ok(lapsed.ok);
  assert.ok(isInForce(lapsed.value, d('2025-05-09')));
  assert.ok(!isInForce(lapsed.value, d('2025-05-10')));
  const tally2025 = tallyDocuments([lapsed.value], 2025).find((t) => t.kind === 'normative_doc');
  assert.deepEqual(tally2025, { kind: 'normative_doc', made: 0, repealed: 0, inForce: 0 });
  const tally2024 = tallyDocuments([lapsed.value], 2024).find((t) => t.kind === 'normative_doc');
  assert.deepEqual(tally2024, { kind: 'normative_doc', made: 0, repealed: 0, inForce: 1 });
});

test('nothing happens to a document before it is issued or after it ended', () => {
  assert.deepEqual(decideNormativeEvent(rules, { type: 'repeal', on: d('2023-01-01') }), {
    ok: false,
    error: { code: 'before-issue', issuedOn: '2023-05-10' },
  });
  const repealed = decideNormativeEvent(rules, { type: 'repeal', on: d('2024-06-30') });
  assert.ok(repealed.ok);
  for (const event of [
    { type: 'repeal', on: d('2024-07-01') },
    { type: 'lapse', on: d('2024-07-01') },
    { type: 'amend', on: d('2024-07-01'), note: '再修改' },
  ] as const)
    assert.equal(
      (decideNormativeEvent(repealed.value, event) as { error: { code: string } }).error.code,
      'no-longer-in-force',
    );
  // An amendment dated before the repeal is history and may still be recorded.
  assert.ok(
    decideNormativeEvent(repealed.value, { type: 'amend', on: d('2024-01-02'), note: '补录修改' }).ok,
  );
  assert.equal(
    (
      decideNormativeEvent(rules, { type: 'amend', on: d('2024-01-02'), note: ' ' }) as {
        error: { code: string };
      }
    ).error.code,
    'note-required',
  );
});
