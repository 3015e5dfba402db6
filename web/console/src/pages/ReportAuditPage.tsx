import { useFormPost } from '../use-form-post.ts';
import { ReportTotals } from '../report-widgets.tsx';
import type { ReportFormatId } from '../../../../src/features/annual-report/domain/report-format.ts';
import { AuditUnreadCells } from './AuditUnreadCells.tsx';
import { BatchAudit } from './BatchAudit.tsx';

interface Check {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  status: 'pass' | 'fail' | 'incomplete' | 'not-applicable';
  message: string;
}

interface Audit {
  file: string;
  kind: string;
  agency?: string;
  year?: number;
  format?: ReportFormatId;
  cells: Record<string, number>;
  unread: string[];
  ambiguous: Record<string, number[]>;
  unreadContext: Record<string, string>;
  /** Last year's report, when one was given beside it. */
  previous?: { file: string; agency?: string; year?: number; format?: string; repeatedShare?: number };
  problems: string[];
  extraRows: Array<{ table: string; label: string; line: number; values: number[]; digits?: string }>;
  sections?: Partial<Record<ProseSection, string>>;
  checks: Check[];
}

type ProseSection = 's1' | 's5' | 's6';
/** The sections the agency writes itself (the others are the tables). */
const PROSE_SECTIONS: ReadonlyArray<[ProseSection, string]> = [
  ['s1', '一、总体情况'],
  ['s5', '五、存在的主要问题及改进情况'],
  ['s6', '六、其他需要报告的事项'],
];

const TABLE_NAMES: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;

/** Upload a published annual report (any agency's) and see what was read from it and which rules fail. */
export function ReportAuditPage({ agencyId }: { agencyId: string }) {
  const {
    result: audit,
    error,
    busy,
    submit,
  } = useFormPost<Audit>(`/api/agencies/${agencyId}/report-audits`);

  const failed = audit?.checks.filter((c) => c.status === 'fail') ?? [];
  return (
    <section>
      <h1>年度报告核查</h1>
      <p>
        上传已经发布的政府信息公开工作年度报告（TXT、HTML、MHT
        网页单个文件、DOCX、PDF、XLSX），读出表格并核对勾稽关系。文件不会被保存。
      </p>
      <form className="inline" onSubmit={submit}>
        <label htmlFor="audit-file">年度报告文件</label>
        <input id="audit-file" name="file" type="file" required />
        <label htmlFor="audit-previous">同一机关的上年度报告（可选）</label>
        <input id="audit-previous" name="previous" type="file" aria-describedby="audit-previous-hint" />
        <button type="submit" disabled={busy}>
          {busy ? '核查中…' : '核查'}
        </button>
      </form>
      <p className="hint" id="audit-previous-hint">
        附上上年度报告，可核对本年“上年结转”是否等于上年“结转下年度继续办理”（R6），并在上年结转的数字连在一起时按上年的数字拆分；还会算出与上年报告相同的文字所占比例。
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {audit && (
        <>
          <h2>
            {audit.agency ?? '（未写明机关）'} {audit.year ?? ''}年度 · {audit.format ?? '格式无法识别'}格式
          </h2>
          <p className="deadline">
            读出 {Object.keys(audit.cells).length}/{Object.keys(audit.cells).length + audit.unread.length}{' '}
            个单元格 · 未通过 {failed.length} 项
          </p>
          {audit.previous && (
            <p className="previous-report">
              对照上年度报告：{audit.previous.agency ?? '（未写明机关）'}{' '}
              {audit.previous.year ?? '（未写明年度）'}
              年度（{audit.previous.file}）
              {audit.previous.repeatedShare !== undefined &&
                ` · 与上年报告相同的文字 ${Math.round(audit.previous.repeatedShare * 100)}%`}
            </p>
          )}
          <ReportTotals cells={audit.cells} className="cases" />
          {audit.problems.map((p) => (
            <p key={p} className="error">
              {p}
            </p>
          ))}
          <h2>未通过的勾稽关系</h2>
          {failed.length === 0 ? (
            <p>全部通过。</p>
          ) : (
            <ul className="audit-failures">
              {failed.map((c) => (
                <li key={c.rule}>
                  <strong>{c.rule}</strong>（{SEVERITY_LABELS[c.severity]}）{c.message}
                </li>
              ))}
            </ul>
          )}
          {audit.extraRows.length > 0 && (
            <>
              <h2>格式以外的本地行（未计入）</h2>
              <table className="cases audit-extra-rows">
                <thead>
                  <tr>
                    <th>表</th>
                    <th>行</th>
                    <th>所在行号</th>
                    <th>数字</th>
                  </tr>
                </thead>
                <tbody>
                  {audit.extraRows.map((row) => (
                    <tr key={`${row.table}-${row.line}-${row.label}`}>
                      <td>{TABLE_NAMES[row.table] ?? row.table}</td>
                      <td>{row.label}</td>
                      <td>{row.line}</td>
                      <td>{row.values.length > 0 ? row.values.join(' ') : row.digits}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h2>读出的正文</h2>
          {PROSE_SECTIONS.map(([id, heading]) => {
            const text = audit.sections?.[id];
            return text ? (
              <details key={id} className="audit-section">
                <summary>
                  {heading}（{text.length} 字）
                </summary>
                {text.split('\n').map((paragraph, i) => (
                  <p key={i}>{paragraph}</p>
                ))}
              </details>
            ) : (
              <p key={id} className="hint">
                {heading}：没有找到这一部分的标题。
              </p>
            );
          })}
          <AuditUnreadCells
            format={audit.format}
            unread={audit.unread}
            ambiguous={audit.ambiguous}
            context={audit.unreadContext}
          />
        </>
      )}
      <BatchAudit agencyId={agencyId} />
    </section>
  );
}
