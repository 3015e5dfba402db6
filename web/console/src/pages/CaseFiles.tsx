import { useStoredFiles } from '../stored-files.ts';

interface CaseFile {
  id: string;
  fileName: string;
  size: number;
  uploadedBy: string;
  deliveredAt?: string;
}

/**
 * 电子送达: the files disclosed with the reply. The applicant downloads them from the status page once
 * the reply is recorded; each shows whether it has been delivered (downloaded) yet.
 */
export function CaseFiles({ path, canAttach }: { path: string; canAttach: boolean }) {
  const filesPath = `${path}/files`;
  const { files: files, error, upload, remove } = useStoredFiles<CaseFile>(filesPath, 'files');

  if (!canAttach && files.length === 0) return null;
  return (
    <section aria-labelledby="case-files-heading">
      <h2 id="case-files-heading">公开的信息（电子送达）</h2>
      {files.length === 0 && <p>尚未附送文件。答复后，申请人可在查询页面下载附送的文件。</p>}
      <ul>
        {files.map((f) => (
          <li key={f.id}>
            <a href={`${filesPath}/${f.id}`}>{f.fileName}</a>（{Math.max(1, Math.round(f.size / 1024))} KB）：
            {f.deliveredAt ? (
              <strong>已送达（{f.deliveredAt.slice(0, 16).replace('T', ' ')} 申请人下载）</strong>
            ) : (
              <span>尚未送达</span>
            )}
            {!f.deliveredAt && canAttach && (
              <button type="button" className="link-dark" onClick={() => remove(f.id)}>
                删除
              </button>
            )}
          </li>
        ))}
      </ul>
      {canAttach && (
        <form className="inline" onSubmit={upload}>
          <label htmlFor="case-file">附送文件（PDF、OFD、Word、Excel、JPEG、PNG、MP4，不超过 20 MB）</label>
          <input id="case-file" name="file" type="file" required />
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
