import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiFailure, api, getCsrfToken } from '../api.ts';

interface Attachment {
  id: string;
  fileName: string;
  size: number;
  uploadedBy: string;
}

/** A document's attachments: download for everyone who reads it; upload and remove while it is drafted. */
export function DocumentAttachments({
  agencyId,
  documentId,
  editable,
}: {
  agencyId: string;
  documentId: string;
  editable: boolean;
}) {
  const path = `/api/agencies/${agencyId}/documents/${documentId}/attachments`;
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    api<{ attachments: Attachment[] }>('GET', path).then(
      (r) => setAttachments(r.attachments),
      () => setError('附件加载失败'),
    );
  }, [path]);
  useEffect(load, [load]);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError('');
    const response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': getCsrfToken() },
      body: new FormData(form),
    });
    if (!response.ok) {
      const data = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      setError(data.error?.message ?? `上传失败（${response.status}）`);
      return;
    }
    form.reset();
    load();
  }

  async function remove(id: string) {
    try {
      await api('DELETE', `${path}/${id}`);
      load();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '删除失败');
    }
  }

  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">附件</h2>
      {attachments.length === 0 && <p>没有附件。</p>}
      <ul>
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={`${path}/${a.id}`}>{a.fileName}</a> （{Math.max(1, Math.round(a.size / 1024))} KB，
            {a.uploadedBy}）
            {editable && (
              <button type="button" className="link-dark" onClick={() => remove(a.id)}>
                删除
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form className="inline" onSubmit={upload}>
          <label htmlFor="attachment-file">
            上传附件（PDF、OFD、Word、Excel、JPEG、PNG、MP4，不超过 20 MB）
          </label>
          <input id="attachment-file" name="file" type="file" required />
          <button type="submit">上传</button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
