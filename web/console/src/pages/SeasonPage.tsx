import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { navigate } from '../router.ts';
import { ReportYearSelect } from '../report-widgets.tsx';

interface Row {
  agency: { id: string; name: string; level?: string; parentId?: string };
  depth: number;
  deadline: string;
  state: 'filed' | 'filed-late' | 'reopened' | 'not-filed' | 'overdue';
  stateLabel: string;
  version?: number;
  filedOn?: string;
  origin?: string;
  reminders: number;
  lastReminder?: string;
  stale?: boolean;
}

interface Board {
  season: { year: number; deadlines: Record<string, string>; openedAt: string };
  rows: Row[];
  counts: Record<Row['state'], number>;
  stateLabels: Record<Row['state'], string>;
}

const LEVELS: Array<[string, string]> = [
  ['department', '工作部门'],
  ['county', '县级政府'],
  ['city', '市级政府'],
  ['township', '乡镇（街道）'],
  ['province', '省级政府'],
];
const STATE_ORDER: Row['state'][] = ['overdue', 'not-filed', 'reopened', 'filed-late', 'filed'];

/** The supervising office's view of a reporting season: who has filed, who is late, reminders. */
export function SeasonPage({
  agencyId,
  today,
  canRun,
}: {
  agencyId: string;
  today: string;
  canRun: boolean;
}) {
  const lastYear = Number(today.slice(0, 4)) - 1;
  const [year, setYear] = useState(lastYear);
  const [board, setBoard] = useState<Board | null | undefined>();
  const [message, setMessage] = useState('');
  const [filter, setFilter] = useState<Row['state'] | ''>('');

  const load = useCallback(() => {
    setBoard(undefined);
    api<Board>('GET', `/api/agencies/${agencyId}/seasons/${year}`).then(setBoard, () => setBoard(null));
  }, [agencyId, year]);
  useEffect(load, [load]);

  async function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const deadlines = Object.fromEntries(
      LEVELS.map(([level]) => [level, String(form.get(level) ?? '')]).filter(([, date]) => date),
    );
    try {
      await api('POST', `/api/agencies/${agencyId}/seasons`, { year, deadlines });
      setMessage('已开启报送');
      load();
    } catch (failure) {
      setMessage(failure instanceof ApiFailure ? failure.message : '开启失败');
    }
  }

  async function remind(agencyIds?: string[]) {
    try {
      const result = await api<{ reminded: string[] }>(
        'POST',
        `/api/agencies/${agencyId}/seasons/${year}/reminders`,
        agencyIds ? { agencyIds } : {},
      );
      setMessage(`已提醒 ${result.reminded.length} 个机关`);
      load();
    } catch (failure) {
      setMessage(failure instanceof ApiFailure ? failure.message : '提醒失败');
    }
  }

  const rows = board?.rows.filter((r) => !filter || r.state === filter) ?? [];
  return (
    <section>
      <h1>年报报送进度</h1>
      <ReportYearSelect id="season-year" today={today} year={year} onChange={setYear} />
      {message && <p role="status">{message}</p>}
      {board === undefined && <p className="loading">正在加载…</p>}
      {board === null &&
        (canRun ? (
          <form className="season-open" onSubmit={open}>
            <p>尚未开启 {year} 年度的报送。按层级设定内部截止日期（不填则为条例第四十九条规定的日期）：</p>
            {LEVELS.map(([level, label]) => (
              <p key={level}>
                <label htmlFor={`deadline-${level}`}>{label}</label>{' '}
                <input id={`deadline-${level}`} name={level} type="date" />
              </p>
            ))}
            <button type="submit">开启 {year} 年度报送</button>
          </form>
        ) : (
          <p>尚未开启 {year} 年度的报送。</p>
        ))}
      {board && (
        <>
          <ul className="season-counts" aria-label="报送情况">
            {STATE_ORDER.map((state) => (
              <li key={state}>
                <button
                  type="button"
                  className={`state state-${state}${filter === state ? ' selected' : ''}`}
                  onClick={() => setFilter(filter === state ? '' : state)}
                >
                  {board.stateLabels[state]} <strong>{board.counts[state]}</strong>
                </button>
              </li>
            ))}
          </ul>
          {canRun && board.counts['not-filed'] + board.counts.overdue + board.counts.reopened > 0 && (
            <p>
              <button type="button" onClick={() => remind()}>
                提醒所有未报送的机关
              </button>
            </p>
          )}
          <table className="list season-board">
            <thead>
              <tr>
                <th>机关</th>
                <th>截止日期</th>
                <th>状态</th>
                <th>报送</th>
                <th>提醒</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.agency.id} className={`state-${r.state}`}>
                  <td style={{ paddingLeft: `${r.depth - 0.5}rem` }}>
                    <a
                      href={`/console/filing?agency=${r.agency.id}&year=${year}`}
                      onClick={(e) => (
                        e.preventDefault(),
                        navigate(`/console/filing?agency=${r.agency.id}&year=${year}`)
                      )}
                    >
                      {r.agency.name}
                    </a>
                  </td>
                  <td>{r.deadline}</td>
                  <td>
                    {r.stateLabel}
                    {r.stale ? '（下级已更正，需重新汇总）' : ''}
                  </td>
                  <td>{r.version ? `第 ${r.version} 版，${r.filedOn}` : ''}</td>
                  <td>
                    {r.reminders > 0 ? `${r.reminders} 次` : ''}
                    {canRun &&
                      (r.state === 'not-filed' || r.state === 'overdue' || r.state === 'reopened') && (
                        <button type="button" className="link-dark" onClick={() => remind([r.agency.id])}>
                          提醒
                        </button>
                      )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href={`/published-reports?year=${year}`}>门户上已发布的 {year} 年度报告</a>
          </p>
        </>
      )}
    </section>
  );
}
