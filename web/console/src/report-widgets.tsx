/** Small pieces the report screens share: a report-year picker and the table of a report's totals. */

/** A select of the last three report years (the year before today first). */
export function ReportYearSelect({
  id,
  today,
  year,
  onChange,
}: {
  id: string;
  today: string;
  year: number;
  onChange: (year: number) => void;
}) {
  const lastYear = Number(today.slice(0, 4)) - 1;
  return (
    <p>
      <label htmlFor={id}>报告年度 </label>
      <select id={id} value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {[lastYear, lastYear - 1, lastYear - 2].map((y) => (
          <option key={y} value={y}>
            {y}年度
          </option>
        ))}
      </select>
    </p>
  );
}

const TOTALS: Array<[string, string]> = [
  ['t3.r1.total', '本年新收申请'],
  ['t3.r2.total', '上年结转'],
  ['t3.r3_7.total', '本年办结'],
  ['t3.r4.total', '结转下年度'],
  ['t4.review.total', '行政复议'],
];

/** The report's headline figures; a cell not read (an imported report) says so. */
export function ReportTotals({
  cells,
  className = 'list',
}: {
  cells: Record<string, number>;
  className?: string;
}) {
  return (
    <table className={className}>
      <thead>
        <tr>
          {TOTALS.map(([cell, label]) => (
            <th key={cell}>{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {TOTALS.map(([cell]) => (
            <td key={cell}>{cell in cells ? cells[cell] : '未读出'}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
