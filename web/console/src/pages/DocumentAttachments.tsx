import { useStoredFiles } from '../stored-files.ts';

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
  const { files: attachments, error, upload, remove } = useStoredFiles<Attachment>(path, 'attachments');

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
