import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { documentRepository, StaleDocumentError } from './document-repository.ts';
import {
  decideDocumentStep,
  draftDocument,
  type DocumentCommand,
  type PublicDocument,
} from '../domain/public-document.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

const d = (text: string) => text as IsoDate;

function advance(document: PublicDocument, steps: Array<[DocumentCommand, string]>): PublicDocument {
  return steps.reduce((doc, [command, actor]) => {
    const result = decideDocumentStep(doc, command, actor, d('2025-03-05'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  }, document);
}

testOnBothDatabases(
  'only published 主动公开 documents reach the portal queries, and search finds a two-character word',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'civil', name: '某市民政局' }, 'now');
    const repository = documentRepository(db);
    const make = (id: string, title: string) =>
      draftDocument(
        { id, title, formedOn: d('2025-03-03'), category: '社会救助', drafter: 'drafter' },
        d('2025-03-03'),
      );
    const published = advance(make('D1', '关于调整城乡低保标准的通知'), [
      [{ type: 'set-attribute', attribute: { attribute: 'proactive' } }, 'drafter'],
      [{ type: 'submit-for-review' }, 'drafter'],
      [{ type: 'approve' }, 'reviewer'],
      [{ type: 'publish' }, 'drafter'],
    ]);
    const approvedOnly = advance(make('D2', '低保资金使用情况（待发布）'), [
      [{ type: 'set-attribute', attribute: { attribute: 'proactive' } }, 'drafter'],
      [{ type: 'submit-for-review' }, 'drafter'],
      [{ type: 'approve' }, 'reviewer'],
    ]);
    const withheld = advance(make('D3', '低保对象家庭经济状况核对记录'), [
      [
        {
          type: 'set-attribute',
          attribute: { attribute: 'not-disclosed', article: 'article-15', reason: '个人隐私' },
        },
        'drafter',
      ],
    ]);
    await repository.create(
      'civil',
      published,
      '经市政府同意，城乡低保标准调整为每人每月1000元（含100%分类施保）。',
    );
    await repository.create('civil', approvedOnly, '低保');
    await repository.create('civil', withheld, '低保');
    assert.deepEqual(
      (await repository.published('civil')).map((s) => s.document.id),
      ['D1'],
    );
    assert.deepEqual(
      (await repository.published('civil', { text: '低保' })).map((s) => s.document.id),
      ['D1'],
    );
    assert.deepEqual(
      (await repository.published('civil', { text: '100%' })).map((s) => s.document.id),
      ['D1'],
    );
    assert.deepEqual(
      (await repository.published('civil', { text: '_' })).map((s) => s.document.id),
      [],
      'LIKE wildcards are searched literally',
    );
    assert.deepEqual(
      (await repository.published('civil', { text: '%' })).map((s) => s.document.id),
      ['D1'],
      'only the document that contains a % sign',
    );
    assert.deepEqual(
      (await repository.published('civil', { text: '调整低保' })).map((s) => s.document.id),
      ['D1'],
      'words found apart, through the full-text index',
    );
    assert.deepEqual(
      (await repository.published('civil', { text: '调整养老' })).map((s) => s.document.id),
      [],
      'every word must occur',
    );
    assert.deepEqual(
      (await repository.published('civil', { category: '预决算' })).map((s) => s.document.id),
      [],
    );
    const stored = await repository.find('civil', 'D1');
    assert.equal(stored?.document.history.length, 5);
  },
);

testOnBothDatabases(
  'search finds the full form by its abbreviation and back, and a single character',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'civil', name: '某市民政局' }, 'now');
    const repository = documentRepository(db);
    const publish = async (id: string, title: string, body: string) => {
      const drafted = draftDocument(
        { id, title, formedOn: d('2025-03-03'), category: '社会救助', drafter: 'drafter' },
        d('2025-03-03'),
      );
      await repository.create(
        'civil',
        advance(drafted, [
          [{ type: 'set-attribute', attribute: { attribute: 'proactive' } }, 'drafter'],
          [{ type: 'submit-for-review' }, 'drafter'],
          [{ type: 'approve' }, 'reviewer'],
          [{ type: 'publish' }, 'drafter'],
        ]),
        body,
      );
    };
    await publish('F1', '《示范市最低生活保障审核确认办法》', '为规范最低生活保障审核确认工作，制定本办法。');
    await publish('F2', '关于调整城乡低保标准的通知', '城乡低保标准调整为每人每月1000元。');
    await publish('F3', '示范市住房公积金提取办法', '职工提取住房公积金，按本办法办理。');
    await publish('F4', '水利工程建设管理规定', '本规定适用于本市水利工程。');
    const found = async (text: string) =>
      (await repository.published('civil', { text })).map((s) => s.document.id).sort();
    assert.deepEqual(await found('低保'), ['F1', 'F2'], '低保 finds 最低生活保障');
    assert.deepEqual(await found('最低生活保障'), ['F1', 'F2'], 'and the full form finds 低保');
    assert.deepEqual(await found('低保 办法'), ['F1']);
    assert.deepEqual(await found('公积金'), ['F3']);
    assert.deepEqual(await found('水'), ['F4'], 'one character, inside a longer word');
    assert.deepEqual(await found('水 标准'), [], 'and every word still counts');
    assert.deepEqual(await found('医保'), []);
  },
);

testOnBothDatabases('a stale save is refused and nothing is overwritten', async ({ db }) => {
  await agencyRepository(db).create({ id: 'civil', name: '某市民政局' }, 'now');
  const repository = documentRepository(db);
  const document = draftDocument(
    { id: 'D9', title: '某通知', formedOn: d('2025-03-03'), category: '其他', drafter: 'a' },
    d('2025-03-03'),
  );
  await repository.create('civil', document, '正文');
  await repository.save('civil', { ...document, title: '改过的通知' }, '正文', 1);
  await assert.rejects(
    repository.save('civil', { ...document, title: '旧版本' }, '正文', 1),
    StaleDocumentError,
  );
  assert.equal((await repository.find('civil', 'D9'))?.document.title, '改过的通知');
});
