import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { normativeRegister } from '../use-cases/normative-register.ts';
import { normativeDocumentRepository } from './normative-document-repository.ts';
import { tallyDocuments } from '../domain/normative-document.ts';
import { renderCompilationDocx } from '../export/render-compilation.ts';
import { listAudit } from '../../../platform/audit/audit-log.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

const d = (text: string) => text as IsoDate;

testOnBothDatabases(
  'the register records issue, amendment, repeal and lapse; table 二 tallies match the in-memory rule',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'civil', name: '某市民政局' }, 'now');
    const register = normativeRegister(db, () => '2025-06-01T00:00:00Z');
    const issue = async (
      title: string,
      issuedOn: string,
      kind: 'regulation' | 'normative_doc' = 'normative_doc',
    ) => {
      const result = await register.register('civil', { kind, title, issuedOn: d(issuedOn) }, 'drafter');
      assert.ok(result.ok);
      return result.value.id;
    };
    const a = await issue('某市低保办法', '2023-03-01');
    const b = await issue('某市临时救助办法', '2024-04-01');
    const c = await issue('某市养老补贴办法', '2025-02-01');
    const r = await issue('某市殡葬管理规定', '2025-03-01', 'regulation');
    assert.deepEqual([a, b, c, r], ['GF-2023-001', 'GF-2024-001', 'GF-2025-001', 'GZ-2025-001']);

    assert.ok(
      (await register.record('civil', a, { type: 'amend', on: d('2025-01-10'), note: '调整标准' }, 'x')).ok,
    );
    assert.ok((await register.record('civil', b, { type: 'repeal', on: d('2025-05-01') }, 'x')).ok);
    assert.ok((await register.record('civil', c, { type: 'lapse', on: d('2025-12-31') }, 'x')).ok);
    const refused = await register.record('civil', b, { type: 'lapse', on: d('2025-06-01') }, 'x');
    assert.deepEqual(refused, { ok: false, error: { code: 'no-longer-in-force', endedOn: '2025-05-01' } });

    const stored = await normativeDocumentRepository(db).list('civil');
    for (const year of [2023, 2024, 2025])
      assert.deepEqual(
        await normativeDocumentRepository(db).tally('civil', year),
        tallyDocuments(stored, year),
      );
    assert.deepEqual(await normativeDocumentRepository(db).tally('civil', 2025), [
      { kind: 'regulation', made: 1, repealed: 0, inForce: 1 },
      { kind: 'normative_doc', made: 1, repealed: 1, inForce: 1 },
    ]);
    assert.deepEqual(
      await normativeDocumentRepository(db).idsBehind(
        'civil',
        { source: 'documents', kind: 'normative_doc', measure: 'in-force' },
        2025,
      ),
      [a],
    );
    const onJune = await register.list('civil', d('2025-06-01'));
    assert.deepEqual(
      onJune.filter((e) => e.inForce).map((e) => e.id),
      [a, c, r],
    );
    assert.equal(onJune.find((e) => e.id === a)?.amendments?.[0]?.note, '调整标准');

    const compilation = await register.compilation('civil', d('2025-06-01'));
    assert.deepEqual(
      compilation.map((e) => e.document.id),
      [r, a, c],
    );
    const { value: text } = await mammoth.extractRawText({
      buffer: await renderCompilationDocx({
        agencyName: '某市民政局',
        on: d('2025-06-01'),
        entries: compilation,
      }),
    });
    assert.match(text, /某市民政局现行有效规章和行政规范性文件汇编/);
    assert.match(text, /共3件/);
    assert.match(text, /2025年1月10日修改：调整标准/);
    assert.doesNotMatch(text, /临时救助/);

    const actions = (await listAudit(db, 'civil')).map((e) => e.action);
    assert.deepEqual(actions.filter((x) => x.startsWith('normative-document-')).length, 7);
  },
);
