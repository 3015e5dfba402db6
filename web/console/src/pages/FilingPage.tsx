import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ImportFiling } from './ImportFiling.tsx';
import { chinaDate } from '../labels.ts';
import { ReportTotals, ReportYearSelect } from '../report-widgets.tsx';

interface FailingRule {
  rule: string;
  message: string;
  cells: string[];
}

interface Preparation {
  agency: { id: string; name: string };
  year: number;
  report: { cells: Record<string, number> };
  blocking: FailingRule[];
  warnings: FailingRule[];
  consolidation?: { missing: Array<{ id: string; name: string }>; children: Array<{ agencyId: string }> };
  latest?: { version: number; status: 'filed' | 'reopened'; filedOn: string };
  stale?: boolean;
  versions: Array<{ version: number; status: string; origin: string; filedOn: string; filedBy: string }>;
  corrections: Array<{
    id: string;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decision?: string;
    decidedBy?: string;
    refiledVersion?: number;
  }>;
  reminders: Array<{ sentAt: string; message: string }>;
  drafted: Record<'s1' | 's5' | 's6', string>;
  /** The drafted sentences that rest on the office's work records, with the records' ids. */
  draftedSources?: Array<{ text: string; records: string[] }>;
}

const SECTIONS: Array<['s1' | 's5' | 's6', string]> = [
  ['s1', '一、总体情况'],
  ['s5', '五、存在的主要问题及改进情况'],
  ['s6', '六、其他需要报告的事项'],
];

const ORIGINS: Record<string, string> = { records: '由记录生成', consolidation: '汇总', import: '报告文件' };

/** An agency's annual report for filing: what would be filed, what blocks it, versions, corrections. */
export function FilingPage({
  ownAgencyId,
  today,
  username,
  roles,
}: {
  ownAgencyId: string;
  today: string;
  username: string;
  roles: string[];
}) {
  const params = new URLSearchParams(window.location.search);
  const agencyId = params.get('agency') ?? ownAgencyId;
  const lastYear = Number(today.slice(0, 4)) - 1;
  const [year, setYear] = useState(Number(params.get('year') ?? lastYear));
  const [prepared, setPrepared] = useState<Preparation | null | undefined>();
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<FailingRule[]>([]);
  /** Warnings found on the text as filed (R8 on the words written), to explain before filing again. */
  const [textWarnings, setTextWarnings] = useState<FailingRule[]>([]);
  const canFile = roles.includes('approver') || roles.includes('admin');

  const load = useCallback(() => {
    setPrepared(undefined);
    api<Preparation>('GET', `/api/agencies/${agencyId}/filings/${year}`).then(setPrepared, (failure) => {
      setMessage(failure instanceof ApiFailure ? failure.message : '加载失败');
      setPrepared(null);
    });
  }, [agencyId, year]);
  useEffect(load, [load]);

  const report = (failure: unknown) => {
    if (failure instanceof ApiFailure) {
      setMessage(failure.message);
      const details = failure.error.details as
        { failures?: FailingRule[]; warnings?: FailingRule[] } | undefined;
      setProblems(details?.failures ?? details?.warnings ?? []);
      if (details?.warnings) setTextWarnings(details.warnings);
    } else setMessage('操作失败');
  };

  async function file(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const explanations = Object.fromEntries(
      warningsToExplain.map((w) => [w.rule, String(form.get(`explain-${w.rule}`) ?? '')]),
    );
    try {
      const sections = Object.fromEntries(
        SECTIONS.map(([id]) => [id, String(form.get(`section-${id}`) ?? '')]),
      );
      const filed = await api<{ version: number }>('POST', `/api/agencies/${agencyId}/filings/${year}`, {
        explanations,
        sections,
      });
      setProblems([]);
      setMessage(`已报送第 ${filed.version} 版，该年度已锁定`);
      load();
    } catch (failure) {
      report(failure);
    }
  }

  async function requestCorrection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    try {
      await api('POST', `/api/agencies/${agencyId}/filings/${year}/corrections`, { reason });
      setMessage('已提出更正申请，待他人审批');
      load();
    } catch (failure) {
      report(failure);
    }
  }

  async function decide(id: string, approve: boolean) {
    try {
      await api('POST', `/api/agencies/${agencyId}/corrections/${id}/decision`, { approve });
      setMessage(approve ? '已批准：该年度已重新打开' : '已驳回');
      load();
    } catch (failure) {
      report(failure);
    }
  }

  const locked = prepared?.latest?.status === 'filed';
  const warningsToExplain = [
    ...(prepared?.warnings ?? []),
    ...textWarnings.filter((w) => !prepared?.warnings.some((p) => p.rule === w.rule)),
  ];
  const pending = prepared?.corrections.find((c) => !c.decision);
  return (
    <section>
      <h1>年报报送{prepared ? `：${prepared.agency.name}` : ''}</h1>
      <ReportYearSelect id="filing-year" today={today} year={year} onChange={setYear} />
      {message && <p role="status">{message}</p>}
      {problems.length > 0 && (
        <ul className="audit-failures" aria-label="未通过的规则">
          {problems.map((p) => (
            <li key={p.rule}>
              <strong>{p.rule}</strong> {p.message}（{p.cells.join('、')}）
            </li>
          ))}
        </ul>
      )}
      {prepared === undefined && <p className="loading">正在加载…</p>}
      {prepared && (
        <>
          <p>
            {locked
              ? `已报送第 ${prepared.latest!.version} 版（${prepared.latest!.filedOn}），该年度已锁定：与该年度有关的申请、文件和数据不能再新增或修改。`
              : prepared.latest?.status === 'reopened'
                ? '更正申请已获批准，该年度已重新打开：改正记录后重新报送。'
                : '尚未报送。'}{' '}
            评估佐证材料：
            <a href={`/api/agencies/${agencyId}/evidence/${year}?format=docx`}>DOCX</a>{' '}
            <a href={`/api/agencies/${agencyId}/evidence/${year}?format=pdf`}>PDF</a>{' '}
            {prepared.versions.length > 0 && (
              <a href={`/agencies/${agencyId}/published-reports/${year}`}>门户上的报告</a>
            )}
          </p>
          <ReportTotals cells={prepared.report.cells} />
          {prepared.stale && (
            <p className="error">
              下级机关在本机关汇总报送后更正了报告：已报送的汇总报告与下级现在的报告不一致，请申请更正后重新汇总报送。
            </p>
          )}
          {prepared.consolidation && (
            <p>
              汇总本级和 {prepared.consolidation.children.length} 个已报送的下级机关。
              {prepared.consolidation.missing.length > 0 &&
                ` 尚未报送：${prepared.consolidation.missing.map((m) => m.name).join('、')}。`}
            </p>
          )}
          {!locked && (
            <>
              <h2>必须通过的规则</h2>
              {prepared.blocking.length === 0 ? (
                <p>全部通过。</p>
              ) : (
                <ul className="audit-failures">
                  {prepared.blocking.map((b) => (
                    <li key={b.rule}>
                      <strong>{b.rule}</strong> {b.message}（{b.cells.join('、')}）
                    </li>
                  ))}
                </ul>
              )}
              {canFile && (
                <form onSubmit={file}>
                  <h2>正文</h2>
                  <p className="hint">
                    表格由记录生成；正文第一、五、六部分由本机关撰写。已按记录起草的句子可以修改，括号中的提示语须替换为实际内容。
                  </p>
                  {SECTIONS.map(([id, label]) => (
                    <p key={id}>
                      <label htmlFor={`section-${id}`}>{label}</label>
                      <br />
                      <textarea
                        id={`section-${id}`}
                        name={`section-${id}`}
                        rows={id === 's1' ? 10 : 4}
                        cols={80}
                        defaultValue={prepared.drafted[id]}
                      />
                      {id === 's1' && (prepared.draftedSources?.length ?? 0) > 0 && (
                        <span className="hint">
                          <br />
                          第（三）至（五）部分依据本年{' '}
                          {prepared.draftedSources!.reduce((n, s) => n + s.records.length, 0)} 条
                          <a href={`/console/work-records`}>工作记录</a>起草。
                        </span>
                      )}
                    </p>
                  ))}
                  {warningsToExplain.map((w) => (
                    <p key={w.rule}>
                      <label htmlFor={`explain-${w.rule}`}>
                        警告 {w.rule}：{w.message}。请说明：
                      </label>
                      <br />
                      <textarea id={`explain-${w.rule}`} name={`explain-${w.rule}`} rows={2} cols={60} />
                    </p>
                  ))}
                  <p>
                    <label>
                      <input type="checkbox" name="confirm" required />{' '}
                      我已核对上面的报告。报送后该年度锁定：与该年度有关的申请、文件和数据不能再新增或修改，更正须另行申请并经批准。
                    </label>
                  </p>
                  <button type="submit">报送 {year} 年度报告</button>
                </form>
              )}
              {canFile && (
                <ImportFiling
                  agencyId={agencyId}
                  year={year}
                  onFiled={(done) => {
                    setMessage(done);
                    load();
                  }}
                />
              )}
            </>
          )}
          {locked && canFile && !pending && (
            <form onSubmit={requestCorrection}>
              <p>
                <label htmlFor="correction-reason">
                  发现错误需要更正？写明理由，经他人批准后重新打开该年度：
                </label>
                <br />
                <textarea id="correction-reason" name="reason" rows={2} cols={60} required minLength={10} />
              </p>
              <button type="submit">提出更正申请</button>
            </form>
          )}
          <h2>版本</h2>
          {prepared.versions.length === 0 ? (
            <p>尚无。</p>
          ) : (
            <ul>
              {prepared.versions.map((v) => (
                <li key={v.version}>
                  第 {v.version} 版，{v.filedOn} 由 {v.filedBy} 报送（{ORIGINS[v.origin] ?? v.origin}）
                  {v.status === 'reopened' ? '，已重新打开更正' : ''}
                </li>
              ))}
            </ul>
          )}
          <h2>更正记录</h2>
          {prepared.corrections.length === 0 ? (
            <p>没有更正。</p>
          ) : (
            <ul>
              {prepared.corrections.map((c) => (
                <li key={c.id}>
                  {chinaDate(c.requestedAt)} {c.requestedBy}：{c.reason} —{' '}
                  {c.decision === 'approved'
                    ? `${c.decidedBy} 批准${c.refiledVersion ? `，已重新报送第 ${c.refiledVersion} 版` : ''}`
                    : c.decision === 'rejected'
                      ? `${c.decidedBy} 驳回`
                      : '待审批'}
                  {!c.decision && canFile && c.requestedBy !== username && (
                    <>
                      {' '}
                      <button type="button" onClick={() => decide(c.id, true)}>
                        批准
                      </button>{' '}
                      <button type="button" onClick={() => decide(c.id, false)}>
                        驳回
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {prepared.reminders.length > 0 && (
            <>
              <h2>收到的提醒</h2>
              <ul>
                {prepared.reminders.map((r) => (
                  <li key={r.sentAt}>
                    {chinaDate(r.sentAt)}：{r.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
