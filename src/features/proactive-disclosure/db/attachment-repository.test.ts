import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { documentRepository } from './document-repository.ts';
import { attachmentRepository } from './attachment-repository.ts';
import { draftDocument } from '../domain/public-document.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

testOnBothDatabases(
  'attachments keep their bytes exactly, are numbered per document and removed',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'civil', name: '某市民政局' }, 'now');
    const on = '2025-03-03' as IsoDate;
    await documentRepository(db).create(
      'civil',
      draftDocument(
        { id: 'DOC-2025-00001', title: '通知', formedOn: on, category: '其他', drafter: 'd' },
        on,
      ),
      '正文',
    );
    const repository = attachmentRepository(db);
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256);
    const first = await repository.add(
      'civil',
      'DOC-2025-00001',
      { fileName: '表.png', mediaType: 'image/png', content: bytes },
      'drafter',
      'now',
    );
    const second = await repository.add(
      'civil',
      'DOC-2025-00001',
      { fileName: '说明.pdf', mediaType: 'application/pdf', content: Uint8Array.of(1, 2, 3) },
      'drafter',
      'now',
    );
    assert.deepEqual([first.id, second.id], ['A01', 'A02']);
    const stored = await repository.content('civil', 'DOC-2025-00001', 'A01');
    assert.ok(stored && Buffer.compare(stored.content, Buffer.from(bytes)) === 0);
    assert.equal(stored.info.size, 70_000);
    assert.match(stored.info.sha256, /^[0-9a-f]{64}$/);
    assert.ok(await repository.remove('civil', 'DOC-2025-00001', 'A01'));
    assert.deepEqual(
      (await repository.list('civil', 'DOC-2025-00001')).map((a) => a.fileName),
      ['说明.pdf'],
    );
    assert.equal(await repository.content('civil', 'DOC-2025-00002', 'A02'), undefined);
  },
);
