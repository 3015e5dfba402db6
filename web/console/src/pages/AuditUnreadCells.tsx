import {
  cellLabel,
  type ReportFormatId,
} from '../../../../src/features/annual-report/domain/report-format.ts';

/**
 * The cells an audit could not read for certain, each named in words with the lines of the report where
 * its row was printed; a cell whose digits ran together shows the readings still possible — never one of
 * them as the number.
 */
export function AuditUnreadCells({
  format,
  unread,
  ambiguous,
  context,
}: {
  format: ReportFormatId | undefined;
  unread: readonly string[];
  ambiguous: Readonly<Record<string, readonly number[]>>;
  context: Readonly<Record<string, string>>;
}) {
  if (unread.length === 0) return null;
  const name = (cell: string) => (format ? cellLabel(format, cell) : cell);
  const undecided = unread.filter((c) => ambiguous[c]);
  return (
    <>
      <h2>未能读出的单元格（{unread.length} 个）</h2>
      {undecided.length > 0 && (
        <p className="hint">
          其中 {undecided.length}{' '}
          个单元格的数字连在一起，有不止一种拆分都符合表格的勾稽关系；列出的是可能的数值，未作为读出的数值。
        </p>
      )}
      <table className="cases audit-unread">
        <thead>
          <tr>
            <th>单元格</th>
            <th>可能的数值</th>
            <th>报告原文</th>
          </tr>
        </thead>
        <tbody>
          {unread.map((cell) => (
            <tr key={cell}>
              <td title={cell}>{name(cell)}</td>
              <td>{ambiguous[cell]?.join(' 或 ') ?? '—'}</td>
              <td>
                {context[cell] ? <pre className="context">{context[cell]}</pre> : '（原文中没有找到这一行）'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
