import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAttachment, ATTACHMENTS_PER_DOCUMENT } from './attachment.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

test('an attachment is taken by its kind and its first bytes, with a clean name', () => {
  assert.deepEqual(
    checkAttachment('../../etc/解读视频.mp4', bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 1), 0),
    {
      ok: true,
      value: { fileName: '解读视频.mp4', mediaType: 'video/mp4' },
    },
  );
  assert.equal(checkAttachment('图.PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 0).ok, true);
  const refusal = (name: string, content: Uint8Array, already = 0) => {
    const result = checkAttachment(name, content, already);
    return result.ok ? 'accepted' : result.error.code;
  };
  assert.equal(refusal('video.mp4', bytes(0x25, 0x50, 0x44, 0x46, 0x2d)), 'attachment-content-mismatch');
  assert.equal(refusal('page.html', bytes(0x3c)), 'attachment-type-not-allowed');
  assert.equal(refusal('.pdf', bytes(0x25)), 'attachment-name-invalid');
  assert.equal(
    refusal('a.pdf', bytes(0x25, 0x50, 0x44, 0x46, 0x2d), ATTACHMENTS_PER_DOCUMENT),
    'too-many-attachments',
  );
});
