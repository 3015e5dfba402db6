import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decideDocumentStep,
  draftDocument,
  isOnPortal,
  type DocumentCommand,
  type PublicDocument,
} from './public-document.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

const d = (text: string) => text as IsoDate;
const draft = () =>
  draftDocument(
    {
      id: 'D1',
      title: '关于做好2025年最低生活保障工作的通知',
      formedOn: d('2025-03-03'),
      category: '社会救助',
      drafter: 'drafter',
    },
    d('2025-03-03'),
  );

function run(document: PublicDocument, steps: Array<[DocumentCommand, string]>): PublicDocument {
  return steps.reduce((doc, [command, actor]) => {
    const result = decideDocumentStep(doc, command, actor, d('2025-03-05'));
    assert.ok(result.ok, `${command.type}: ${JSON.stringify(!result.ok && result.error)}`);
    return result.value;
  }, document);
}

test('a document without a disclosure attribute cannot go to review', () => {
  assert.deepEqual(decideDocumentStep(draft(), { type: 'submit-for-review' }, 'drafter', d('2025-03-04')), {
    ok: false,
    error: { code: 'attribute-missing' },
  });
});

test('draft → review by someone else → publish, every step in the history', () => {
  const submitted = run(draft(), [
    [{ type: 'set-attribute', attribute: { attribute: 'proactive' } }, 'drafter'],
    [{ type: 'submit-for-review' }, 'drafter'],
  ]);
  assert.deepEqual(decideDocumentStep(submitted, { type: 'approve' }, 'drafter', d('2025-03-05')), {
    ok: false,
    error: { code: 'reviewer-is-drafter' },
  });
  const published = run(submitted, [
    [{ type: 'approve' }, 'reviewer'],
    [{ type: 'publish' }, 'drafter'],
  ]);
  assert.deepEqual(
    [published.status, published.publishedOn, isOnPortal(published)],
    ['published', '2025-03-05', true],
  );
  assert.deepEqual(
    published.history.map((h) => h.step),
    ['drafted', 'attribute-set', 'submitted', 'approved', 'published'],
  );
});

test('a reviewer sends back with a comment; the drafter corrects and resubmits', () => {
  const submitted = run(draft(), [
    [{ type: 'set-attribute', attribute: { attribute: 'proactive' } }, 'drafter'],
    [{ type: 'submit-for-review' }, 'drafter'],
  ]);
  assert.deepEqual(
    decideDocumentStep(submitted, { type: 'send-back', comment: ' ' }, 'reviewer', d('2025-03-05')),
    { ok: false, error: { code: 'comment-required' } },
  );
  const returned = run(submitted, [[{ type: 'send-back', comment: '附件含身份证号，请删除' }, 'reviewer']]);
  assert.equal(returned.history.at(-1)?.comment, '附件含身份证号，请删除');
  const again = run(returned, [[{ type: 'submit-for-review' }, 'drafter']]);
  assert.equal(again.status, 'in-review');
});

test('依申请公开 and 不予公开 documents are never published; an unpublished one leaves the portal', () => {
  const withheld = run(draft(), [
    [
      {
        type: 'set-attribute',
        attribute: { attribute: 'not-disclosed', article: 'article-16', reason: '内部事务' },
      },
      'drafter',
    ],
    [{ type: 'submit-for-review' }, 'drafter'],
    [{ type: 'approve' }, 'reviewer'],
  ]);
  assert.deepEqual(decideDocumentStep(withheld, { type: 'publish' }, 'drafter', d('2025-03-06')), {
    ok: false,
    error: { code: 'not-for-proactive-disclosure', attribute: 'not-disclosed' },
  });
  assert.equal(isOnPortal(withheld), false);
  const published = run(draft(), [
    [{ type: 'set-attribute', attribute: { attribute: 'proactive' } }, 'drafter'],
    [{ type: 'submit-for-review' }, 'drafter'],
    [{ type: 'approve' }, 'reviewer'],
    [{ type: 'publish' }, 'drafter'],
    [{ type: 'unpublish', comment: '文件已废止' }, 'admin'],
  ]);
  assert.deepEqual([published.status, isOnPortal(published)], ['unpublished', false]);
  assert.equal(
    decideDocumentStep(
      published,
      { type: 'set-attribute', attribute: { attribute: 'proactive' } },
      'drafter',
      d('2025-03-07'),
    ).ok,
    false,
  );
});
