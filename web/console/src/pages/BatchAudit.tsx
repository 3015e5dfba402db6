import { useFormPost } from '../use-form-post.ts';
import { csvLine } from '../../../../src/platform/rendering/csv.ts';
import {
  differingText,
  type SameYearReports,
} from '../../../../src/features/report-import/use-cases/batch-carry-over.ts';

type Row = Record<
  | 'file'
  | 'agency'
  | 'year'
  | 'cells_read'
  | 'cells_ambiguous'
  | 'cells_unread'
  | 'received'
  | 'failed_rules'
  | 'problem'
  | 'format_note',
  string
>;

interface BatchResult {
  rows: Row[];
  totals: { read: number; ambiguous: number; unread: number };
  rules: Array<{ rule: string; reports: number }>;
  carryOver: {
    pairs: number;
    mismatches: Array<{ agency: string; year: number; carriedIn: number; carriedOutBefore: number }>;
  };
  sameYear: SameYearReports[];
}

/** The rows as `gongkai audit --batch` writes them (its columns, a BOM for spreadsheets), as a download. */
function csvHref(rows: readonly Row[]): string {
  const csv = `\uFEFF${csvLine(Object.keys(rows[0]!))}${rows.map((r) => csvLine(Object.values(r))).join('')}`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/**
 * Many published reports checked at once (a supervisor's folder): a row each — what was read, what is
 * uncertain, the rules that fail, or why a file could not be read — with the batch's totals, how often
 * each rule failed, the years of one agency whose 结转 does not carry, and one agency's year reported by
 * several files (the same report as a page and a PDF, or two that say different things).
 */
export function BatchAudit({ agencyId }: { agencyId: string }) {
  const { result, error, busy, submit } = useFormPost<BatchResult>(
    `/api/agencies/${agencyId}/report-audits/batch`,
  );

  return (
    <section className="batch-audit">
      <h2>批量核查</h2>
      <form className="inline" onSubmit={submit}>
        <label htmlFor="batch-files">多个报告文件（一次至多 50 个）</label>
        <input id="batch-files" name="files" type="file" multiple required />
        <button type="submit" disabled={busy}>
          {busy ? '核查中…' : '批量核查'}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <p className="deadline">
            共 {result.rows.length} 份 · 读出 {result.totals.read} 个单元格，存疑 {result.totals.ambiguous}{' '}
            个，未读 {result.totals.unread} 个
          </p>
          <table className="cases batch-audit-rows">
            <thead>
              <tr>
                <th>文件</th>
                <th>机关</th>
                <th>年度</th>
                <th>读出</th>
                <th>存疑</th>
                <th>未读</th>
                <th>本年新收</th>
                <th>未通过的规则</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row, i) => (
                <tr key={`${i}-${row.file}`}>
                  <td>{row.file}</td>
                  {row.problem ? (
                    <td colSpan={7} className="error">
                      {row.problem}
                    </td>
                  ) : (
                    <>
                      <td>{row.agency || '（未写明）'}</td>
                      <td>
                        {row.year}
                        {row.format_note && <span className="format-note">（格式不符）</span>}
                      </td>
                      <td>{row.cells_read}</td>
                      <td>{row.cells_ambiguous}</td>
                      <td>{row.cells_unread}</td>
                      <td>{row.received}</td>
                      <td>{row.failed_rules || '全部通过'}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href={csvHref(result.rows)} download="年报批量核查.csv">
              下载结果（CSV，与 gongkai audit --batch 的列相同）
            </a>
          </p>
          {result.rules.length > 0 && (
            <p>
              未通过的规则：
              {result.rules.map((r) => `${r.rule} ${r.reports} 份`).join('、')}
            </p>
          )}
          {result.rows.some((r) => r.format_note) && (
            <p>
              表格格式与年度不符：
              {result.rows
                .filter((r) => r.format_note)
                .map((r) => `${r.file}：${r.format_note}`)
                .join('；')}
            </p>
          )}
          {result.carryOver.pairs > 0 && (
            <p>
              同一机关相邻年度 {result.carryOver.pairs} 对：
              {result.carryOver.mismatches.length === 0
                ? '上年结转都等于上一年度的结转下年度继续办理。'
                : result.carryOver.mismatches
                    .map(
                      (m) =>
                        `${m.agency} ${m.year} 年度上年结转 ${m.carriedIn}，${m.year - 1} 年度结转下年度 ${m.carriedOutBefore}`,
                    )
                    .join('；')}
            </p>
          )}
          {result.sameYear.length > 0 && (
            <p>
              同一机关同一年度有多份报告 {result.sameYear.length} 组：
              {result.sameYear
                .map(
                  (g) =>
                    `${g.agency} ${g.year} 年度 ${g.files.length} 份，` +
                    (g.differing.length === 0 ? '数字一致' : `数字不同：${differingText(g)}`),
                )
                .join('；')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
