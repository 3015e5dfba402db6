import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';

interface Proceeding {
  id: string;
  kind: 'review' | 'lit_direct' | 'lit_after_review';
  kindLabel: string;
  filedOn: string;
  status: 'pending' | 'upheld' | 'corrected' | 'other';
  statusLabel: string;
  decidedOn: string | null;
}

const KINDS = [
  ['review', '行政复议'],
  ['lit_direct', '行政诉讼（未经复议直接起诉）'],
  ['lit_after_review', '行政诉讼（复议后起诉）'],
] as const;

const RESULTS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
] as const;

/**
 * 行政复议、行政诉讼 about this case: what was filed and how it ended, counted in table 四. The case worker
 * records them as they happen; everyone who reads the case sees them.
 */
export function CaseProceedings({
  casePath,
  agencyId,
  today,
  caseWorker,
}: {
  casePath: string;
  agencyId: string;
  today: string;
  caseWorker: boolean;
}) {
  const [proceedings, setProceedings] = useState<Proceeding[]>([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const load = useCallback(() => {
    api<{ proceedings: Proceeding[] }>('GET', `${casePath}/proceedings`).then(
      (data) => setProceedings(data.proceedings),
      (e: unknown) => setError(e instanceof ApiFailure ? e.message : '加载失败'),
    );
  }, [casePath]);
  useEffect(load, [load]);

  async function send(
    event: FormEvent<HTMLFormElement>,
    path: string,
    done: (p: Proceeding) => string,
    fields?: Record<string, string>,
  ) {
    event.preventDefault();
    const form = event.currentTarget;
    // Empty fields are left out: a correction names only what it changes.
    const body =
      fields ?? Object.fromEntries([...new FormData(form).entries()].filter(([, value]) => value !== ''));
    setError('');
    setNotice('');
    try {
      const answer = await api<Proceeding | { removed: Proceeding }>('POST', path, body);
      const saved = 'removed' in answer ? answer.removed : answer;
      setNotice(done(saved));
      load();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '保存失败');
    }
  }

  return (
    <section className="proceedings">
      <h2>行政复议、行政诉讼</h2>
      {proceedings.length === 0 ? (
        <p>该申请没有引起行政复议或行政诉讼。</p>
      ) : (
        <table className="cases">
          <thead>
            <tr>
              <th>编号</th>
              <th>种类</th>
              <th>立案（申请）日期</th>
              <th>结果</th>
              <th>审结日期</th>
            </tr>
          </thead>
          <tbody>
            {proceedings.map((p) => (
              <tr key={p.id}>
                <td>{p.id}</td>
                <td>{p.kindLabel}</td>
                <td>{p.filedOn}</td>
                <td>
                  {p.statusLabel}
                  {caseWorker && p.status === 'pending' && (
                    <form
                      className="inline"
                      aria-label={`登记 ${p.id} 的结果`}
                      onSubmit={(e) =>
                        send(
                          e,
                          `/api/agencies/${agencyId}/proceedings/${p.id}/decision`,
                          (s) => `已登记 ${s.id} 的结果：${s.statusLabel}`,
                        )
                      }
                    >
                      <select name="result" aria-label="结果" defaultValue="upheld">
                        {RESULTS.map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                      <input
                        name="decidedOn"
                        type="date"
                        aria-label="审结日期"
                        defaultValue={today}
                        max={today}
                      />
                      <button type="submit">登记结果</button>
                    </form>
                  )}
                </td>
                <td>
                  {p.decidedOn ?? ''}
                  {caseWorker && (
                    <CorrectionForm
                      proceeding={p}
                      base={`/api/agencies/${agencyId}/proceedings/${p.id}`}
                      today={today}
                      onSent={send}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {caseWorker && (
        <form
          className="inline"
          aria-label="登记行政复议或行政诉讼"
          onSubmit={(e) => send(e, `${casePath}/proceedings`, (s) => `已登记 ${s.id}（${s.kindLabel}）`)}
        >
          <label htmlFor="proceeding-kind">登记</label>
          <select id="proceeding-kind" name="kind" defaultValue="review">
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor="proceeding-filed-on">立案（申请）日期</label>
          <input id="proceeding-filed-on" name="filedOn" type="date" defaultValue={today} max={today} />
          <button type="submit">登记</button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}

/** Put right what was entered wrongly (with the reason), or remove a record entered in error. */
function CorrectionForm({
  proceeding,
  base,
  today,
  onSent,
}: {
  proceeding: Proceeding;
  base: string;
  today: string;
  onSent: (
    event: FormEvent<HTMLFormElement>,
    path: string,
    done: (p: Proceeding) => string,
    fields?: Record<string, string>,
  ) => Promise<void>;
}) {
  const decided = proceeding.status !== 'pending';
  return (
    <details className="correction">
      <summary>更正或撤销</summary>
      <form
        aria-label={`更正或撤销 ${proceeding.id}`}
        onSubmit={(e) => {
          const remove = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('data-action') === 'remove';
          // A removal sends only the reason; a correction what was filled in.
          const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
          return remove
            ? onSent(e, `${base}/removal`, (p) => `已撤销 ${p.id} 的登记`, { reason })
            : onSent(e, `${base}/correction`, (p) => `已更正 ${p.id}`);
        }}
      >
        <label>
          立案（申请）日期 <input name="filedOn" type="date" max={today} />
        </label>
        {decided && (
          <>
            <label>
              结果{' '}
              <select name="result" defaultValue="" aria-label="更正后的结果">
                <option value="">不变</option>
                {RESULTS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              审结日期 <input name="decidedOn" type="date" max={today} />
            </label>
          </>
        )}
        <label>
          理由 <input name="reason" required minLength={2} maxLength={500} />
        </label>
        <button type="submit" data-action="correct">
          更正
        </button>
        <button type="submit" className="danger" data-action="remove">
          撤销登记
        </button>
      </form>
    </details>
  );
}
