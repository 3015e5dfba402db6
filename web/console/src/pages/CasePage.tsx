import { useCallback, useEffect, useState } from 'react';
import { CaseProceedings } from './CaseProceedings.tsx';
import { api, ApiFailure } from '../api.ts';
import { ACTIONS } from '../actions.ts';
import {
  APPLICANT_TYPE_LABELS,
  APPROVAL_KIND_LABELS,
  CHANNEL_LABELS,
  DAY_KIND_LABELS,
  DELIVERY_LABELS,
  EVENT_LABELS,
  PAUSE_LABELS,
  stepDetail,
} from '../labels.ts';
import { ActionForm } from './CaseActionForm.tsx';
import { CaseHandler } from './CaseHandler.tsx';
import { CaseLetters } from './CaseLetters.tsx';
import { CaseNotices } from './CaseNotices.tsx';
import { CaseFiles } from './CaseFiles.tsx';
import type { CaseDetail, Deadline } from './case-detail.ts';

/** Recorded instants shown in China time, as the officers live them. */
const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function DeadlineBox({ deadline }: { deadline: Deadline }) {
  if (deadline.kind === 'not-running')
    return <p>{deadline.reason === 'closed' ? '已办结。' : '尚未确认收到申请，答复期限未开始计算。'}</p>;
  if (deadline.kind === 'awaiting-clarification')
    return (
      <p className="deadline">
        等待补正，补正期限至 <strong>{deadline.periodEndsOn}</strong>
        {deadline.provisional && <span className="warning">（暂定：该年度放假安排未载入）</span>}。
      </p>
    );
  if (deadline.kind === 'later-date')
    return (
      <p className="deadline">
        按第三十五条确定的答复期限：<strong>{deadline.dueOn}</strong>
      </p>
    );
  const left = deadline.daysLeft ?? 0;
  return (
    <div className="deadline">
      <p>
        答复期限：<strong id="due-on">{deadline.dueOn}</strong>（{deadline.workingDays} 个工作日，自{' '}
        {deadline.startOn} 次日起算），
        <span className={left < 0 ? 'overdue' : left <= 3 ? 'soon' : ''}>
          {left < 0 ? `已超期 ${-left} 个工作日` : `还剩 ${left} 个工作日`}
        </span>
        {deadline.provisional && (
          <span className="warning">
            （暂定：
            {deadline.missingYears?.length
              ? `${deadline.missingYears.join('、')} 年放假安排未载入`
              : '征求意见或缴费尚未结束'}
            ）
          </span>
        )}
      </p>
      <details>
        <summary>逐日计算</summary>
        <table className="days">
          <tbody>
            {deadline.days?.map((d) => (
              <tr key={d.date} className={d.counted ? 'counted' : 'skipped'}>
                <td>{d.date}</td>
                <td>
                  {DAY_KIND_LABELS[d.kind]}
                  {d.name ? `（${d.name}）` : ''}
                </td>
                <td>{d.counted ? '计入' : d.pausedBy ? `不计：${PAUSE_LABELS[d.pausedBy]}` : '不计'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** What waits for an approver: the request, who made it, why. */
function PendingApproval({ pending }: { pending: NonNullable<CaseDetail['pendingApproval']> }) {
  return (
    <p className="pending-approval" role="status">
      <strong>待审批</strong>：{APPROVAL_KIND_LABELS[pending.kind]}
      {pending.workingDays !== undefined ? `，延长 ${pending.workingDays} 个工作日` : ''}
      {pending.laterDate ? `，答复期限定为 ${pending.laterDate}` : ''}。{pending.requestedByName}{' '}
      {pending.requestedOn} 提出，理由：{pending.reason}
    </p>
  );
}

export function CasePage({
  agencyId,
  caseId,
  today,
  caseWorker = true,
  approver = false,
  username = '',
}: {
  agencyId: string;
  caseId: string;
  today: string;
  /** Letters name the applicant: only the case worker (经办人) downloads them. */
  caseWorker?: boolean;
  /** Approvers decide on extensions and later dates. */
  approver?: boolean;
  username?: string;
}) {
  const path = `/api/agencies/${agencyId}/requests/${caseId}`;
  const [detail, setDetail] = useState<CaseDetail | undefined>();
  const [error, setError] = useState('');
  const [actionType, setActionType] = useState('');
  const [separationOfDuties, setSeparation] = useState(true);
  const load = useCallback(() => {
    api<CaseDetail>('GET', path).then(setDetail, (e: unknown) =>
      setError(e instanceof ApiFailure ? e.message : '加载失败'),
    );
  }, [path]);
  useEffect(load, [load]);
  useEffect(() => {
    api<{ settings: { separationOfDuties?: boolean } }>(
      'GET',
      `/api/agencies/${agencyId}/disclosure-settings`,
    ).then(
      (r) => setSeparation(r.settings.separationOfDuties ?? true),
      () => undefined,
    );
  }, [agencyId]);

  if (error) return <p className="error">{error}</p>;
  if (!detail) return <p>正在加载…</p>;
  const context = { ...detail, separationOfDuties, approver };
  const available = ACTIONS.filter(
    (a) =>
      a.when.includes(detail.status) &&
      (a.requires?.(context) ?? true) &&
      // A step is the case worker's unless it is an approval.
      (caseWorker || ['approve', 'refuse-approval', 'grant-extension'].includes(a.type)),
  );
  const spec = available.find((a) => a.type === actionType);
  return (
    <section>
      <h1>
        申请 {detail.id} <span className={`status status-${detail.status}`}>{detail.statusLabel}</span>
      </h1>
      <dl className="facts">
        <dt>申请人</dt>
        <dd>
          {detail.applicant.name}（{APPLICANT_TYPE_LABELS[detail.applicant.type]}）
          {detail.applicant.phone ? ` ${detail.applicant.phone}` : ''}
          {detail.applicant.email ? ` ${detail.applicant.email}` : ''}
        </dd>
        {detail.applicant.idNumber && (
          <>
            <dt>证件号码</dt>
            <dd>{detail.applicant.idNumber}</dd>
          </>
        )}
        {detail.applicant.address && (
          <>
            <dt>通信地址</dt>
            <dd>{detail.applicant.address}</dd>
          </>
        )}
        <dt>获取方式</dt>
        <dd>{DELIVERY_LABELS[detail.application.delivery] ?? detail.application.delivery}</dd>
        <dt>所需信息</dt>
        <dd>{detail.application.description}</dd>
        <dt>方式</dt>
        <dd>
          {CHANNEL_LABELS[detail.channel]}，提交于 {detail.submittedOn}
          {detail.receivedOn ? `，收到申请日期 ${detail.receivedOn}` : ''}
          {detail.arrivedOn ? `（来信 ${detail.arrivedOn} 到达）` : ''}
          {detail.confirmationLate && <strong className="overdue">确认晚于来信到达之日（第三十一条）</strong>}
        </dd>
        {detail.outcomeLabel && (
          <>
            <dt>办理结果</dt>
            <dd>
              {detail.outcomeLabel}（{detail.completedOn}）
              {detail.legalBasis ? `，依据：${detail.legalBasis}` : ''}
            </dd>
          </>
        )}
      </dl>
      <CaseHandler
        detail={detail}
        path={path}
        agencyId={agencyId}
        username={username}
        canAssign={caseWorker}
        onDone={setDetail}
      />
      {detail.pendingApproval && !detail.completedOn && <PendingApproval pending={detail.pendingApproval} />}
      <DeadlineBox deadline={detail.deadline} />
      {caseWorker && <CaseLetters path={path} version={detail.history.length} />}
      {caseWorker && <CaseNotices agencyId={agencyId} caseId={caseId} version={detail.history.length} />}
      <CaseFiles
        key={detail.history.length}
        path={path}
        canAttach={
          caseWorker &&
          !['closed-clarification-overdue', 'closed-fee-overdue', 'withdrawn'].includes(detail.status) &&
          (detail.status !== 'replied' || /^（[一二]）/.test(detail.outcomeLabel ?? ''))
        }
      />
      {available.length > 0 && (
        <div className="actions">
          <label htmlFor="action-type">办理</label>
          <select id="action-type" value={actionType} onChange={(e) => setActionType(e.target.value)}>
            <option value="">选择办理事项…</option>
            {available.map((a) => (
              <option key={a.type} value={a.type}>
                {a.label}
              </option>
            ))}
          </select>
          {spec && (
            <ActionForm
              key={spec.type}
              spec={spec}
              detail={detail}
              path={path}
              today={today}
              onDone={(next) => {
                setDetail(next);
                setActionType('');
              }}
            />
          )}
        </div>
      )}
      <CaseProceedings casePath={path} agencyId={agencyId} today={today} caseWorker={caseWorker} />
      <h2>办理记录</h2>
      <ol className="timeline">
        {detail.history.map((h) => (
          <li key={h.seq}>
            <strong>{EVENT_LABELS[h.type] ?? h.type}</strong>{' '}
            <span className="meta">
              {CHINA_TIME.format(new Date(h.at))} · {h.actorName}
            </span>
            {stepDetail({ type: h.type, ...h.event }) && (
              <div className="detail">{stepDetail({ type: h.type, ...h.event })}</div>
            )}
            {h.reason && <div className="reason">理由：{h.reason}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
