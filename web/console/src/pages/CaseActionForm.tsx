import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import type { ActionField, ActionSpec } from '../actions.ts';
import { fullOutcomeLabel, OUTCOME_LEGAL_BASIS, OUTCOME_ROWS, type OutcomeRowCode } from '../labels.ts';
import type { CaseDetail } from './case-detail.ts';
import { ReplyContentFields } from './ReplyContentFields.tsx';

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
      input = <textarea rows={3} defaultValue={field.initial} {...common} />;
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

/** One step on a case: its form, sent as the action; the server decides what the law allows. */
export function ActionForm({
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
  const [outcome, setOutcome] = useState<OutcomeRowCode | ''>('');
  const [pending, setPending] = useState(false);
  useFeePaymentDefault(spec.type === 'issue-fee-notice', path);

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
    if (spec.type === 'record-reply') {
      const content: Record<string, string> = {};
      for (const [name, value] of form.entries())
        if (name.startsWith('content.') && String(value).trim())
          content[name.slice(8)] = String(value).trim();
      body.content = content;
    }
    setError('');
    setPending(true);
    try {
      onDone(await api<CaseDetail>('POST', `${path}/actions`, body));
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '提交失败');
    } finally {
      setPending(false);
    }
  }
  const thirdPartyObjected = detail.consultations.some(
    (c) => c.party === 'third-party' && c.position === 'objects',
  );

  return (
    <form className="action-form" onSubmit={submit}>
      <h3>{spec.label}</h3>
      {spec.fields.map((field) => (
        <div key={field.name}>
          <FieldInput
            field={field}
            today={today}
            detail={detail}
            onOutcome={(row) => {
              setOutcome(row as OutcomeRowCode);
              const basis = document.getElementById('field-legalBasis') as HTMLTextAreaElement | null;
              if (basis) basis.value = OUTCOME_LEGAL_BASIS[row as OutcomeRowCode] ?? '';
            }}
          />
          {field.kind === 'outcome' && (
            <ReplyContentFields key={outcome} outcome={outcome} thirdPartyObjected={thirdPartyObjected} />
          )}
        </div>
      ))}
      {spec.type === 'issue-fee-notice' && <FeeQuoteButton path={path} onError={setError} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? '正在提交…' : '确定'}
      </button>
    </form>
  );
}

/** The fee notice's way to pay starts as the agency's usual one (公开设置 → 文书). */
function useFeePaymentDefault(active: boolean, casePath: string) {
  useEffect(() => {
    if (!active) return;
    const settingsPath = casePath.replace(/\/requests\/[^/]+$/, '/disclosure-settings');
    api<{ settings: { letters?: { feePayment?: string } } }>('GET', settingsPath).then(
      (r) => {
        const field = document.getElementById('field-howToPay') as HTMLTextAreaElement | null;
        const usual = r.settings.letters?.feePayment;
        if (field && !field.value && usual) field.value = usual;
      },
      () => undefined,
    );
  }, [active, casePath]);
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
