import { useState, type FormEvent } from 'react';
import { getCsrfToken } from '../api.ts';

interface Preview {
  format: string | null;
  year: number | null;
  agency: string | null;
  read: number;
  total: number;
  unread: Array<{ cell: string; label: string; context: string; candidates?: number[] }>;
  failing: Array<{ rule: string; severity: string; message: string }>;
  /** What the reading says of the file (rows run together and how they were split, rows set aside). */
  notes: string[];
}

/**
 * Filing from the published report file (an agency that keeps no records here), in two steps: the file is
 * read and shown — what it yields, the cells it does not with the text around each, the rules its figures
 * fail — and the office types what it reads there, explains the warnings, confirms; then it is filed.
 */
export function ImportFiling({
  agencyId,
  year,
  onFiled,
}: {
  agencyId: string;
  year: number;
  onFiled: (message: string) => void;
}) {
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);

  async function send(fields: Record<string, string>) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append('file', file!);
    const response = await fetch(`/api/agencies/${agencyId}/filings/${year}/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': getCsrfToken() },
      body,
    });
    const data = (await response.json().catch(() => ({}))) as Preview & {
      version?: number;
      error?: { message?: string; details?: { warnings?: Array<{ rule: string; message: string }> } };
    };
    if (!response.ok) {
      const warnings = data.error?.details?.warnings ?? [];
      throw new Error(
        `${data.error?.message ?? `失败（${response.status}）`}${warnings.length ? `：${warnings.map((w) => `${w.rule} ${w.message}`).join('；')}` : ''}`,
      );
    }
    return data;
  }

  async function read(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError('');
    setPreview(undefined);
    setPending(true);
    try {
      setPreview(await send({ mode: 'preview' }));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setPending(false);
    }
  }

  async function fileIt(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = Object.fromEntries(
      (preview?.unread ?? []).map((u) => [u.cell, Number(String(form.get(`typed-${u.cell}`) ?? ''))]),
    );
    const explanations = Object.fromEntries(
      (preview?.failing ?? [])
        .filter((f) => f.severity === 'warning')
        .map((f) => [f.rule, String(form.get(`explain-${f.rule}`) ?? '')]),
    );
    setError('');
    setPending(true);
    try {
      const filed = await send({ typed: JSON.stringify(typed), explanations: JSON.stringify(explanations) });
      setPreview(undefined);
      onFiled(`已以报告文件报送第 ${filed.version} 版，该年度已锁定`);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setPending(false);
    }
  }

  const errors = preview?.failing.filter((f) => f.severity === 'error') ?? [];
  const warnings = preview?.failing.filter((f) => f.severity === 'warning') ?? [];
  return (
    <div className="import-filing">
      <form className="inline" onSubmit={read}>
        <label htmlFor="filing-file">或以已发布的报告文件报送（不在本系统记录台账的机关）</label>{' '}
        <input
          id="filing-file"
          name="file"
          type="file"
          required
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setPreview(undefined);
          }}
        />{' '}
        <button type="submit" disabled={pending || !file}>
          读取并预览
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <form className="action-form" onSubmit={fileIt} aria-label="报告文件预览">
          <h3>报告文件预览（尚未报送）</h3>
          <p>
            {preview.format ? `${preview.format} 年版格式` : '未能识别格式'}
            {preview.year ? `，文件写明 ${preview.year} 年度` : '，文件未写明年度'}
            {preview.year && preview.year !== year ? `（与所报 ${year} 年度不符）` : ''}；读出 {preview.read}/
            {preview.total} 个单元格。
          </p>
          {preview.notes.length > 0 && (
            <details className="import-notes">
              <summary>读取说明（{preview.notes.length} 条）</summary>
              <ul>
                {preview.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </details>
          )}
          {errors.length > 0 && (
            <ul className="audit-failures" aria-label="未通过的规则">
              {errors.map((f) => (
                <li key={f.rule}>
                  <strong>{f.rule}</strong> {f.message}
                </li>
              ))}
            </ul>
          )}
          {preview.unread.length > 0 && (
            <>
              <p>以下单元格未能从文件中读出。请对照报告原文填写（记录为本人填写）：</p>
              {preview.unread.map((u) => (
                <div className="field unread-cell" key={u.cell}>
                  <label htmlFor={`typed-${u.cell}`}>{u.label}</label>
                  {u.context && <pre className="context">{u.context}</pre>}
                  {u.candidates && (
                    <p className="hint">
                      数字连在一起，可能是：{u.candidates.join(' 或 ')}（请对照原文确定）
                    </p>
                  )}
                  <input
                    id={`typed-${u.cell}`}
                    name={`typed-${u.cell}`}
                    type="number"
                    step="any"
                    required
                    inputMode="decimal"
                  />
                </div>
              ))}
            </>
          )}
          {warnings.map((w) => (
            <div className="field" key={w.rule}>
              <label htmlFor={`explain-${w.rule}`}>
                警告 {w.rule}：{w.message}。请说明：
              </label>
              <textarea id={`explain-${w.rule}`} name={`explain-${w.rule}`} rows={2} required />
            </div>
          ))}
          <p>
            <label>
              <input type="checkbox" name="confirm" required /> 我已核对上面的内容，确认以该文件报送并锁定{' '}
              {year} 年度
            </label>
          </p>
          <button type="submit" disabled={pending}>
            报送
          </button>
        </form>
      )}
    </div>
  );
}
