import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { navigate } from '../router.ts';
import { APPROVAL_KIND_LABELS } from '../labels.ts';

interface Approval {
  caseId: string;
  kind: 'extension' | 'later-date';
  requestedOn: string;
  requestedBy: string;
  workingDays?: number;
  laterDate?: string;
  reason: string;
  dueOn: string | null;
  handlerName: string | null;
  applicantName: string;
  description: string;
  mayDecide: boolean;
}

/**
 * The approver's queue: extensions (第三十三条) and later dates (第三十五条) the handlers asked for,
 * oldest first. Approve, or refuse with a reason; each decision is a step of the case.
 */
export function ApprovalsPage({ agencyId, today }: { agencyId: string; today: string }) {
  const [data, setData] = useState<{ approvals: Approval[]; total: number; separationOfDuties: boolean }>();
  const [error, setError] = useState('');
  const [refusing, setRefusing] = useState('');
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState('');
  const load = useCallback(() => {
    api<{ approvals: Approval[]; total: number; separationOfDuties: boolean }>(
      'GET',
      `/api/agencies/${agencyId}/approvals`,
    ).then(setData, (e: unknown) => setError(e instanceof ApiFailure ? e.message : '加载失败'));
  }, [agencyId]);
  useEffect(load, [load]);

  async function decide(caseId: string, body: Record<string, unknown>, message: string) {
    setError('');
    setBusy(caseId);
    try {
      await api('POST', `/api/agencies/${agencyId}/requests/${caseId}/actions`, body);
      setDone(message);
      setRefusing('');
      load();
    } catch (failure) {
      setError(`${caseId}：${failure instanceof ApiFailure ? failure.message : '提交失败'}`);
    } finally {
      setBusy('');
    }
  }

  function refuse(caseId: string, event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    void decide(caseId, { type: 'refuse-approval', on: today, reason }, `${caseId} 已退回：${reason}`);
  }

  return (
    <section className="approvals">
      <h1>待审批</h1>
      <p className="hint">
        经办人申请的延长答复期限（第三十三条）和确定合理答复期限（第三十五条）。
        {data?.separationOfDuties ? '本机关实行审批分离：本人提出或本人经办的申请须由其他审批人审批。' : ''}
        同意后系统生成告知书，申请人会收到通知。
      </p>
      {done && <p role="status">{done}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data ? (
        <p>正在加载…</p>
      ) : data.approvals.length === 0 ? (
        <p>没有待审批的事项。</p>
      ) : (
        <table className="cases">
          <thead>
            <tr>
              <th>申请编号</th>
              <th>事项</th>
              <th>理由</th>
              <th>提出</th>
              <th>原答复期限</th>
              <th>审批</th>
            </tr>
          </thead>
          <tbody>
            {data.approvals.map((a) => (
              <tr key={a.caseId} data-case={a.caseId}>
                <td>
                  <a
                    href={`/console/requests/${a.caseId}`}
                    onClick={(e) => (e.preventDefault(), navigate(`/console/requests/${a.caseId}`))}
                  >
                    {a.caseId}
                  </a>
                  <div className="meta">
                    {a.applicantName}：{a.description}
                  </div>
                </td>
                <td>
                  {APPROVAL_KIND_LABELS[a.kind]}
                  <div>
                    {a.workingDays !== undefined ? `延长 ${a.workingDays} 个工作日` : `定为 ${a.laterDate}`}
                  </div>
                </td>
                <td>{a.reason}</td>
                <td>
                  {a.requestedBy}，{a.requestedOn}
                  {a.handlerName ? <div className="meta">经办人 {a.handlerName}</div> : null}
                </td>
                <td>{a.dueOn ?? '—'}</td>
                <td>
                  {!a.mayDecide ? (
                    <span className="meta">本人提出或经办，须由其他审批人审批</span>
                  ) : refusing === a.caseId ? (
                    <form onSubmit={(e) => refuse(a.caseId, e)}>
                      <label htmlFor={`reason-${a.caseId}`}>不同意的理由</label>
                      <textarea id={`reason-${a.caseId}`} name="reason" rows={2} required />
                      <button type="submit" disabled={busy === a.caseId}>
                        退回
                      </button>{' '}
                      <button type="button" className="link" onClick={() => setRefusing('')}>
                        取消
                      </button>
                    </form>
                  ) : (
                    <>
                      <button
                        type="button"
                        disabled={busy === a.caseId}
                        onClick={() =>
                          decide(a.caseId, { type: 'approve', on: today }, `${a.caseId} 已同意，告知书已生成`)
                        }
                      >
                        同意
                      </button>{' '}
                      <button type="button" onClick={() => setRefusing(a.caseId)}>
                        不同意…
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.total > data.approvals.length && (
        <p>另有 {data.total - data.approvals.length} 件，请在申请列表中按“待审批”筛选。</p>
      )}
    </section>
  );
}
