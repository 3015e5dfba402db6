import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import {
  WORK_KINDS,
  WORK_RECORD_KINDS,
  type WorkRecordKind,
} from '../../../../src/features/work-records/domain/work-record.ts';

interface WorkRecord {
  id: string;
  kind: WorkRecordKind;
  on: string;
  count: number;
  subject: string;
  note?: string;
  enteredBy: string;
  enteredAt: string;
}

const SHEET_EXAMPLE =
  '日期,类别,数量,名称,备注\n2025-06-30,政务新媒体发布信息,120,“示范民政”微信公众号,上半年';

/**
 * 工作记录: what the office did in the year besides cases and documents — section 一 of the annual
 * report is drafted from it. One at a time, or a sheet pasted or uploaded (CSV, all rows or none).
 */
export function WorkRecordsPage({ agencyId, today }: { agencyId: string; today: string }) {
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [records, setRecords] = useState<WorkRecord[]>();
  const [kind, setKind] = useState<WorkRecordKind>('new-media-posts');
  const [sheet, setSheet] = useState('');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const path = `/api/agencies/${agencyId}/work-records`;
  const load = useCallback(() => {
    setRecords(undefined);
    api<{ records: WorkRecord[] }>('GET', `${path}?year=${year}`).then(
      (r) => setRecords(r.records),
      (e: unknown) => setMessage(e instanceof ApiFailure ? e.message : '加载失败'),
    );
  }, [path, year]);
  useEffect(load, [load]);

  async function run(work: () => Promise<unknown>, done: string) {
    setMessage('');
    setProblems([]);
    try {
      await work();
      setMessage(done);
      load();
      return true;
    } catch (failure) {
      if (failure instanceof ApiFailure) {
        setMessage(failure.message);
        setProblems((failure.error.details as { problems?: string[] } | undefined)?.problems ?? []);
      } else setMessage('提交失败');
      return false;
    }
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const body = {
      kind,
      on: String(f.get('on') ?? ''),
      count: Number(f.get('count')),
      subject: String(f.get('subject') ?? ''),
      note: String(f.get('note') ?? ''),
    };
    if (await run(() => api('POST', path, body), '已登记')) form.reset();
  }

  async function importSheet(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await run(() => api('POST', `${path}/import`, { text: sheet }), '已导入')) setSheet('');
  }

  async function remove(record: WorkRecord) {
    const reason = window.prompt(`删除 ${record.on} 的“${WORK_KINDS[record.kind].label}”？请写明理由：`);
    if (!reason) return;
    await run(() => api('POST', `${path}/${record.id}/removal`, { reason }), '已删除');
  }

  const model = WORK_KINDS[kind];
  return (
    <section>
      <h1>政务公开工作记录</h1>
      <p className="hint">
        年度报告第一部分的（三）政府信息管理、（四）平台建设、（五）监督保障据此起草：每一句写明依据的记录。
      </p>
      <p>
        <label htmlFor="work-year">年度 </label>
        <select id="work-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </p>
      {message && <p role="status">{message}</p>}
      {problems.length > 0 && (
        <ul className="audit-failures" aria-label="表格的问题">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {!records ? (
        <p>正在加载…</p>
      ) : records.length === 0 ? (
        <p>{year} 年尚无工作记录。</p>
      ) : (
        <table className="cases">
          <thead>
            <tr>
              <th>日期</th>
              <th>类别</th>
              <th>数量</th>
              <th>账号、栏目或名称</th>
              <th>备注</th>
              <th>登记</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id}>
                <td>{r.on}</td>
                <td>{WORK_KINDS[r.kind].label}</td>
                <td>
                  {r.count} {WORK_KINDS[r.kind].unit}
                </td>
                <td>{r.subject || '—'}</td>
                <td>{r.note ?? ''}</td>
                <td>
                  {r.enteredBy}，{r.enteredAt.slice(0, 10)}
                </td>
                <td>
                  <button type="button" onClick={() => remove(r)}>
                    删除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="action-form" onSubmit={add}>
        <h2>登记一条</h2>
        <div className="field">
          <label htmlFor="work-kind">类别</label>
          <select id="work-kind" value={kind} onChange={(e) => setKind(e.target.value as WorkRecordKind)}>
            {WORK_RECORD_KINDS.map((k) => (
              <option key={k} value={k}>
                {WORK_KINDS[k].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="work-on">日期</label>
          <input id="work-on" name="on" type="date" defaultValue={today} max={today} required />
        </div>
        <div className="field">
          <label htmlFor="work-count">
            {model.countLabel}（{model.unit}）
          </label>
          <input id="work-count" name="count" type="number" min={0} step={1} required />
        </div>
        <div className="field">
          <label htmlFor="work-subject">
            {model.subjectLabel}
            {model.subjectRequired ? '' : '（可不填）'}
          </label>
          <input id="work-subject" name="subject" required={model.subjectRequired} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="work-note">备注（可不填）</label>
          <input id="work-note" name="note" maxLength={500} />
        </div>
        <button type="submit">登记</button>
      </form>
      <form className="action-form" onSubmit={importSheet}>
        <h2>导入表格</h2>
        <p className="hint">
          CSV 或从表格软件复制的内容，表头：日期、类别、数量、名称、备注；类别写中文名称。全部无误才导入。
        </p>
        <div className="field">
          <label htmlFor="work-sheet-file">上传 CSV 文件</label>
          <input
            id="work-sheet-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file && file.size <= 1_000_000) void file.text().then(setSheet);
              else if (file) setMessage('文件不能超过 1 MB');
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="work-sheet">或粘贴表格</label>
          <textarea
            id="work-sheet"
            rows={6}
            value={sheet}
            placeholder={SHEET_EXAMPLE}
            onChange={(e) => setSheet(e.target.value)}
          />
        </div>
        <button type="submit" disabled={!sheet.trim()}>
          导入
        </button>
      </form>
    </section>
  );
}
