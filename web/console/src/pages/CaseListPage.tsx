import { useEffect, useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { navigate } from '../router.ts';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS } from '../labels.ts';
import { STATUS_LABELS } from '../../../../src/features/requests/domain/request-status.ts';

interface Summary {
  id: string;
  status: string;
  statusLabel: string;
  channel: string;
  submittedOn: string;
  receivedOn?: string;
  dueOn?: string;
  applicantType: string;
  applicantName: string;
  description: string;
  outcomeLabel: string | null;
  completedOn?: string;
  /** Unconfirmed online, fax or letter applications: how long they have waited (第三十一条). */
  confirmation?: { waitingWorkingDays: number; overdue: boolean };
}

/** Calendar days until the due date: enough to colour the list; the case page gives working days. */
function urgency(dueOn: string | undefined, today: string): 'overdue' | 'soon' | 'ok' | 'none' {
  if (!dueOn) return 'none';
  if (dueOn < today) return 'overdue';
  const days = (Date.parse(dueOn) - Date.parse(today)) / 86_400_000;
  return days <= 5 ? 'soon' : 'ok';
}

export function CaseListPage({ agencyId, today }: { agencyId: string; today: string }) {
  const [open, setOpen] = useState(true);
  const [status, setStatus] = useState('');
  const [cases, setCases] = useState<Summary[] | undefined>();
  const [alertDays, setAlertDays] = useState(0);
  const [error, setError] = useState('');

  useEffect(() => {
    setCases(undefined);
    api<{ requests: Summary[]; confirmationAlertWorkingDays: number }>(
      'GET',
      `/api/agencies/${agencyId}/requests?open=${open}${status ? `&status=${status}` : ''}`,
    ).then(
      (r) => {
        setCases(r.requests);
        setAlertDays(r.confirmationAlertWorkingDays);
      },
      (e: unknown) => setError(e instanceof ApiFailure ? e.message : '加载失败'),
    );
  }, [agencyId, open, status]);

  const overdue = cases?.filter((c) => urgency(c.dueOn, today) === 'overdue').length ?? 0;
  const unconfirmed = cases?.filter((c) => c.confirmation?.overdue).length ?? 0;
  return (
    <section>
      <h1>依申请公开办理</h1>
      <p>
        <label>
          <input type="checkbox" checked={open} onChange={(e) => setOpen(e.target.checked)} /> 只看未办结
        </label>{' '}
        <label>
          状态{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">全部</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {overdue > 0 && <strong className="overdue-note"> 有 {overdue} 件已超过答复期限</strong>}
        {unconfirmed > 0 && (
          <strong className="overdue-note">
            {' '}
            有 {unconfirmed} 件申请提交后 {alertDays} 个工作日以上仍未确认收到（第三十一条）
          </strong>
        )}
      </p>
      {error && <p className="error">{error}</p>}
      {!cases ? (
        <p>正在加载…</p>
      ) : cases.length === 0 ? (
        <p>没有申请。</p>
      ) : (
        <table className="cases">
          <thead>
            <tr>
              <th>申请编号</th>
              <th>状态</th>
              <th>期限</th>
              <th>申请人</th>
              <th>所需信息</th>
              <th>方式</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className={`urgency-${urgency(c.dueOn, today)}`}>
                <td>
                  <a
                    href={`/console/requests/${c.id}`}
                    onClick={(e) => (e.preventDefault(), navigate(`/console/requests/${c.id}`))}
                  >
                    {c.id}
                  </a>
                </td>
                <td>{c.outcomeLabel ? `${c.statusLabel}：${c.outcomeLabel}` : c.statusLabel}</td>
                <td>
                  {c.completedOn ? (
                    `已于 ${c.completedOn} 办结`
                  ) : c.confirmation ? (
                    <span className={c.confirmation.overdue ? 'overdue' : ''}>
                      待确认，已等 {c.confirmation.waitingWorkingDays} 个工作日
                    </span>
                  ) : (
                    (c.dueOn ?? '—')
                  )}
                </td>
                <td>
                  {c.applicantName}（{APPLICANT_TYPE_LABELS[c.applicantType]}）
                </td>
                <td className="description">{c.description}</td>
                <td>{CHANNEL_LABELS[c.channel]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
