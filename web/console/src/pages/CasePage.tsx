import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { CaseProceedings } from './CaseProceedings.tsx';
import { api, ApiFailure } from '../api.ts';
import { ACTIONS, type ActionField, type ActionSpec } from '../actions.ts';
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  DAY_KIND_LABELS,
  EVENT_LABELS,
  fullOutcomeLabel,
  OUTCOME_LEGAL_BASIS,
  OUTCOME_ROWS,
  PAUSE_LABELS,
} from '../labels.ts';

/** Recorded instants shown in China time, as the officers live them. */
const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

interface Day {
  date: string;
  kind: string;
  name?: string;
  counted: boolean;
  pausedBy?: string;
  known: boolean;
}
interface Deadline {
  kind: string;
  dueOn?: string;
  daysLeft?: number;
  periodEndsOn?: string;
  provisional?: boolean;
  missingYears?: number[];
  workingDays?: number;
  startOn?: string;
  days?: Day[];
  reason?: string;
}
interface CaseDetail {
  id: string;
  status: string;
  statusLabel: string;
  channel: string;
  submittedOn: string;
  receivedOn: string | null;
  arrivedOn: string | null;
  confirmationLate: boolean;
  applicant: {
    type: string;
    name: string;
    phone?: string;
    email?: string;
    idNumber?: string;
    address?: string;
  };
  application: { description: string; delivery: string };
  consultations: Array<{
    id: string;
    party: string;
    partyName: string;
    answeredOn?: string;
    answerDueOn: string;
  }>;
  clarification: object | null;
  extension: object | null;
  fees: object[];
  outcomeLabel: string | null;
  legalBasis: string | null;
  completedOn: string | null;
  deadline: Deadline;
  history: Array<{
    seq: number;
    at: string;
    actor: string;
    reason: string | null;
    type: string;
    event: Record<string, unknown>;
  }>;
}

function DeadlineBox({ deadline }: { deadline: Deadline }) {
  if (deadline.kind === 'not-running')
    return <p>{deadline.reason === 'closed' ? '已办结。' : '尚未确认收到申请，答复期限未开始计算。'}</p>;
  if (deadline.kind === 'awaiting-clarification')
    return (
      <p className="deadline">
        等待补正，补正期限至 <strong>{deadline.periodEndsOn}</strong>。
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

function FieldInput({
  field,
  today,
  detail,
  onOutcome,
}: {
  field: ActionField;
  today: string;
  detail: CaseDetail;
  onOutcome: (row: string) => void;
}) {
  const id = `field-${field.name}`;
  const common = { id, name: field.name, required: !field.optional };
  let input;
  switch (field.kind) {
    case 'date':
      input = <input type="date" defaultValue={today} {...common} />;
      break;
    case 'number':
      input = <input type="number" step="any" defaultValue={field.initial} {...common} />;
      break;
    case 'textarea':
      input = <textarea rows={3} {...common} />;
      break;
    case 'select':
      input = (
        <select {...common}>
          {field.options?.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      );
      break;
    case 'outcome':
      input = (
        <select {...common} defaultValue="" onChange={(e) => onOutcome(e.target.value)}>
          <option value="" disabled>
            请选择
          </option>
          {OUTCOME_ROWS.filter((r) => r !== 'r3_6_1' && r !== 'r3_6_2').map((row) => (
            <option key={row} value={row}>
              {fullOutcomeLabel(row)}
            </option>
          ))}
        </select>
      );
      break;
    case 'consultation':
      input = (
        <select {...common}>
          {detail.consultations
            .filter((c) => !c.answeredOn)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.partyName}（答复期限 {c.answerDueOn}）
              </option>
            ))}
        </select>
      );
      break;
    default:
      input = <input type="text" {...common} />;
  }
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      {input}
    </div>
  );
}

function ActionForm({
  spec,
  detail,
  path,
  today,
  onDone,
}: {
  spec: ActionSpec;
  detail: CaseDetail;
  path: string;
  today: string;
  onDone: (next: CaseDetail) => void;
}) {
  const [error, setError] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, unknown> = { type: spec.type };
    for (const field of spec.fields) {
      if (field.local) continue;
      const value = String(form.get(field.name) ?? '').trim();
      if (value === '' && field.optional) continue;
      body[field.name] = field.kind === 'number' ? Number(value) : value;
    }
    if (spec.type === 'start-consultation') body.consultationId = `c${detail.consultations.length + 1}`;
    setError('');
    try {
      onDone(await api<CaseDetail>('POST', `${path}/actions`, body));
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '提交失败');
    }
  }

  return (
    <form className="action-form" onSubmit={submit}>
      <h3>{spec.label}</h3>
      {spec.fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          today={today}
          detail={detail}
          onOutcome={(row) => {
            const basis = document.getElementById('field-legalBasis') as HTMLTextAreaElement | null;
            if (basis) basis.value = OUTCOME_LEGAL_BASIS[row as keyof typeof OUTCOME_LEGAL_BASIS] ?? '';
          }}
        />
      ))}
      {spec.type === 'issue-fee-notice' && <FeeQuoteButton path={path} onError={setError} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">确定</button>
    </form>
  );
}

/** Fills the amount from the 办法's schedule: the applicant's ordinal this month, or the pages. */
function FeeQuoteButton({ path, onError }: { path: string; onError: (message: string) => void }) {
  const [basis, setBasis] = useState('');
  async function quote() {
    const method = (document.getElementById('field-method') as HTMLSelectElement).value;
    const pages = (document.getElementById('field-pages') as HTMLInputElement).value;
    try {
      const result = await api<{ amountYuan: number; basis: string }>(
        'GET',
        `${path}/fee-quote?method=${method}${pages ? `&pages=${pages}` : ''}`,
      );
      (document.getElementById('field-amountYuan') as HTMLInputElement).value = String(result.amountYuan);
      setBasis(`${result.basis}：${result.amountYuan} 元`);
      onError('');
    } catch (failure) {
      onError(failure instanceof ApiFailure ? failure.message : '试算失败');
    }
  }
  return (
    <p>
      <button type="button" onClick={quote}>
        按收费标准试算
      </button>{' '}
      {basis}
    </p>
  );
}

const LETTERS: ReadonlyArray<readonly [string, string, (d: CaseDetail) => boolean]> = [
  ['reply', '答复告知书', (d) => d.status === 'replied'],
  ['clarification-notice', '补正告知书', (d) => d.clarification !== null],
  ['extension-notice', '延期答复告知书', (d) => d.extension !== null],
  ['consultation-letter', '征求意见书', (d) => d.consultations.length > 0],
  ['fee-notice', '收费通知书', (d) => d.fees.length > 0],
];

function Letters({ detail, path }: { detail: CaseDetail; path: string }) {
  const letters = LETTERS.filter(([, , applies]) => applies(detail));
  if (letters.length === 0) return null;
  return (
    <p className="letters">
      文书：
      {letters.map(([kind, label]) => (
        <span key={kind}>
          {label}（<a href={`${path}/letters/${kind}?format=docx`}>DOCX</a> ·{' '}
          <a href={`${path}/letters/${kind}?format=pdf`}>PDF</a>）
        </span>
      ))}
    </p>
  );
}

export function CasePage({
  agencyId,
  caseId,
  today,
  caseWorker = true,
}: {
  agencyId: string;
  caseId: string;
  today: string;
  /** Letters name the applicant: only the case worker (经办人) downloads them. */
  caseWorker?: boolean;
}) {
  const path = `/api/agencies/${agencyId}/requests/${caseId}`;
  const [detail, setDetail] = useState<CaseDetail | undefined>();
  const [error, setError] = useState('');
  const [actionType, setActionType] = useState('');
  const load = useCallback(() => {
    api<CaseDetail>('GET', path).then(setDetail, (e: unknown) =>
      setError(e instanceof ApiFailure ? e.message : '加载失败'),
    );
  }, [path]);
  useEffect(load, [load]);

  if (error) return <p className="error">{error}</p>;
  if (!detail) return <p>正在加载…</p>;
  const available = ACTIONS.filter((a) => a.when.includes(detail.status));
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
      <DeadlineBox deadline={detail.deadline} />
      {caseWorker && <Letters detail={detail} path={path} />}
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
              {CHINA_TIME.format(new Date(h.at))} · {h.actor}
            </span>
            {h.reason && <div className="reason">理由：{h.reason}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
