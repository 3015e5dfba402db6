import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';

interface Entry {
  id: string;
  kind: 'regulation' | 'normative_doc';
  title: string;
  documentNumber?: string;
  issuedOn: string;
  repealedOn?: string;
  lapsedOn?: string;
  amendments?: Array<{ amendedOn: string; note: string }>;
  publicDocumentId?: string;
  inForce: boolean;
}

const KIND_LABELS = { regulation: '规章', normative_doc: '行政规范性文件' } as const;
const EVENT_LABELS: Record<string, string> = { amend: '修改', repeal: '废止', lapse: '失效' };

/** The register of 规章 and 规范性文件: force on a date, registering, amending, repealing, lapsing. */
export function NormativeRegisterPage({ agencyId, today }: { agencyId: string; today: string }) {
  const path = `/api/agencies/${agencyId}/normative-documents`;
  const [on, setOn] = useState(today);
  const [entries, setEntries] = useState<Entry[] | undefined>();
  const [error, setError] = useState('');
  const load = useCallback(() => {
    api<{ documents: Entry[] }>('GET', `${path}?on=${on}`).then(
      (r) => setEntries(r.documents),
      () => setError('加载失败'),
    );
  }, [path, on]);
  useEffect(load, [load]);

  async function send(url: string, body: object): Promise<boolean> {
    setError('');
    try {
      await api('POST', url, body);
      load();
      return true;
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '操作失败');
      return false;
    }
  }

  async function register(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const text = (name: string) => String(f.get(name) ?? '').trim();
    const done = await send(path, {
      kind: text('kind'),
      title: text('title'),
      issuedOn: text('issuedOn'),
      ...(text('documentNumber') ? { documentNumber: text('documentNumber') } : {}),
      ...(text('publicDocumentId') ? { publicDocumentId: text('publicDocumentId') } : {}),
    });
    if (done) form.reset();
  }

  return (
    <section>
      <h1>规章和行政规范性文件登记簿</h1>
      <p>
        <label htmlFor="register-on">效力状态日期 </label>
        <input
          id="register-on"
          type="date"
          value={on}
          onChange={(e) => setOn(e.target.value || today)}
        />{' '}
        现行有效 {entries?.filter((e) => e.inForce).length ?? '…'} 件 ·{' '}
        <a href={`/agencies/${agencyId}/normative-documents/compilation.docx?on=${on}`}>汇编（DOCX）</a>
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="cases">
        <thead>
          <tr>
            <th>编号</th>
            <th>标题</th>
            <th>类型</th>
            <th>制发</th>
            <th>效力</th>
            <th>修改、废止、失效</th>
          </tr>
        </thead>
        <tbody>
          {(entries ?? []).map((e) => (
            <tr key={e.id}>
              <td>{e.id}</td>
              <td>
                {e.title}
                {e.documentNumber && <small> {e.documentNumber}</small>}
                {e.amendments?.map((a) => (
                  <small key={a.amendedOn + a.note}>
                    <br />
                    {a.amendedOn} 修改：{a.note}
                  </small>
                ))}
              </td>
              <td>{KIND_LABELS[e.kind]}</td>
              <td>{e.issuedOn}</td>
              <td>
                {e.inForce
                  ? `现行有效${e.repealedOn ? `（将于 ${e.repealedOn} 废止）` : e.lapsedOn ? `（将于 ${e.lapsedOn} 失效）` : ''}`
                  : e.repealedOn && e.repealedOn <= on
                    ? `${e.repealedOn} 废止`
                    : e.lapsedOn && e.lapsedOn <= on
                      ? `${e.lapsedOn} 失效`
                      : '尚未制发'}
              </td>
              <td>
                {!e.repealedOn && !e.lapsedOn && (
                  <form
                    className="inline"
                    onSubmit={(event) => {
                      event.preventDefault();
                      const f = new FormData(event.currentTarget);
                      const type = String(f.get('type'));
                      void send(`${path}/${e.id}/events`, {
                        type,
                        on: String(f.get('on')),
                        ...(type === 'amend' ? { note: String(f.get('note') ?? '') } : {}),
                      });
                    }}
                  >
                    <select name="type" aria-label={`${e.title}：事项`}>
                      {Object.entries(EVENT_LABELS).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                    <input name="on" type="date" defaultValue={today} aria-label={`${e.title}：日期`} />
                    <input name="note" placeholder="修改内容" aria-label={`${e.title}：修改内容`} />
                    <button type="submit">记录</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>登记新制发的文件</h2>
      <form className="register" onSubmit={register}>
        <div className="field">
          <label htmlFor="nd-kind">类型</label>
          <select id="nd-kind" name="kind" defaultValue="normative_doc">
            <option value="normative_doc">行政规范性文件</option>
            <option value="regulation">规章</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="nd-title">标题</label>
          <input id="nd-title" name="title" required />
        </div>
        <div className="field">
          <label htmlFor="nd-number">文号</label>
          <input id="nd-number" name="documentNumber" />
        </div>
        <div className="field">
          <label htmlFor="nd-issued">制发日期</label>
          <input id="nd-issued" name="issuedOn" type="date" defaultValue={today} required />
        </div>
        <div className="field">
          <label htmlFor="nd-page">门户上的文件编号（如 DOC-2026-00001，可不填）</label>
          <input id="nd-page" name="publicDocumentId" pattern="DOC-\d{4}-\d{5,7}" />
        </div>
        <button type="submit">登记</button>
      </form>
    </section>
  );
}
