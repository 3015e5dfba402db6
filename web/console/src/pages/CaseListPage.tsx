import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { navigate } from '../router.ts';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, fullOutcomeLabel, OUTCOME_ROWS } from '../labels.ts';
import { STATUS_LABELS } from '../../../../src/features/requests/domain/request-status.ts';

interface Summary {
  id: string;
  status: string;
  statusLabel: string;
  channel: string;
  submittedOn: string;
  receivedOn?: string;
  dueOn?: string;
  applicantType: string;
  applicantName: string;
  description: string;
  outcomeLabel: string | null;
  completedOn?: string;
  handler?: string;
  handlerName?: string;
  awaitingApproval?: string;
  /** Unconfirmed online, fax or letter applications: how long they have waited (第三十一条). */
  confirmation?: { waitingWorkingDays: number; overdue: boolean };
}

interface CasePage {
  requests: Summary[];
  total: number;
  page: number;
  pageSize: number;
  counts: { byStatus: Record<string, number>; overdue: number };
  confirmationAlertWorkingDays: number;
}

/** The view the address keeps: search, filters, sort and page (a link shows the same list). */
const VIEW_KEYS = [
  'q',
  'status',
  'open',
  'overdue',
  'dueWithin',
  'channel',
  'outcome',
  'year',
  'handler',
  'awaitingApproval',
  'sort',
  'dir',
  'page',
] as const;
type View = Partial<Record<(typeof VIEW_KEYS)[number], string>>;

function viewFromAddress(): View {
  const params = new URLSearchParams(window.location.search);
  const view: View = {};
  for (const key of VIEW_KEYS) {
    const value = params.get(key);
    if (value) view[key] = value;
  }
  // The default view: the cases still to be done.
  if (!params.has('open')) view.open = 'true';
  return view;
}

function address(view: View): string {
  const params = new URLSearchParams(Object.entries(view).filter(([, v]) => v) as Array<[string, string]>);
  return `/console/?${params.toString()}`;
}

/** Calendar days until the due date: enough to colour the list; the case page gives working days. */
function urgency(dueOn: string | undefined, today: string): 'overdue' | 'soon' | 'ok' | 'none' {
  if (!dueOn) return 'none';
  if (dueOn < today) return 'overdue';
  const days = (Date.parse(dueOn) - Date.parse(today)) / 86_400_000;
  return days <= 5 ? 'soon' : 'ok';
}

const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['id', '申请编号'],
  ['status', '状态'],
  ['dueOn', '期限'],
  ['applicant', '申请人'],
  ['', '所需信息'],
  ['', '方式'],
  ['handler', '经办人'],
];

export function CaseListPage({ agencyId, today }: { agencyId: string; today: string }) {
  const [view, setView] = useState<View>(viewFromAddress);
  const [data, setData] = useState<CasePage | undefined>();
  /** The query the list on screen answers (for a reader, or a test, to know it is current). */
  const [loadedFor, setLoadedFor] = useState('');
  const [error, setError] = useState('');
  const [workers, setWorkers] = useState<Array<{ username: string; displayName: string }>>([]);
  useEffect(() => {
    api<{ caseWorkers: Array<{ username: string; displayName: string }> }>(
      'GET',
      `/api/agencies/${agencyId}/case-workers`,
    ).then(
      (r) => setWorkers(r.caseWorkers),
      () => setWorkers([]),
    );
  }, [agencyId]);
  const thisYear = Number(today.slice(0, 4));

  useEffect(() => {
    const onPop = () => setView(viewFromAddress());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    setData(undefined);
    let current = true;
    const params = new URLSearchParams(Object.entries(view).filter(([, v]) => v) as Array<[string, string]>);
    api<CasePage>('GET', `/api/agencies/${agencyId}/requests?${params.toString()}`).then(
      (page) => {
        // An answer to a view since left (a quick second click) is dropped.
        if (!current) return;
        setData(page);
        setLoadedFor(params.toString());
      },
      (e: unknown) => current && setError(e instanceof ApiFailure ? e.message : '加载失败'),
    );
    return () => {
      current = false;
    };
  }, [agencyId, view]);

  /** Changes the view (back to page 1 unless the page itself changes) and keeps it in the address. */
  function change(next: View) {
    const merged: View = { ...view, page: undefined, ...next };
    window.history.pushState(null, '', address(merged));
    setView(merged);
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change({ q: String(new FormData(event.currentTarget).get('q') ?? '').trim() || undefined });
  }

  const sortBy = (column: string) =>
    change({ sort: column, dir: view.sort === column && view.dir !== 'desc' ? 'desc' : 'asc' });
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const unconfirmed = data?.requests.filter((c) => c.confirmation?.overdue).length ?? 0;

  return (
    <section className="case-list" data-loaded-for={data ? loadedFor : ''} aria-busy={!data}>
      <h1>依申请公开办理</h1>
      <form className="filters" role="search" onSubmit={search}>
        <label>
          检索{' '}
          <input
            name="q"
            defaultValue={view.q ?? ''}
            placeholder="申请编号、申请人或所需信息"
            key={view.q ?? ''}
          />
        </label>
        <button type="submit">检索</button>
        <label>
          <input
            type="checkbox"
            checked={view.open === 'true'}
            onChange={(e) => change({ open: e.target.checked ? 'true' : 'false' })}
          />{' '}
          只看未办结
        </label>
        <label>
          <input
            type="checkbox"
            checked={view.overdue === 'true'}
            onChange={(e) => change({ overdue: e.target.checked ? 'true' : undefined })}
          />{' '}
          已超期{data ? `（${data.counts.overdue}）` : ''}
        </label>
        <label>
          期限{' '}
          <select
            value={view.dueWithin ?? ''}
            onChange={(e) => change({ dueWithin: e.target.value || undefined })}
          >
            <option value="">不限</option>
            <option value="3">3个工作日内到期</option>
            <option value="5">5个工作日内到期</option>
            <option value="10">10个工作日内到期</option>
          </select>
        </label>
        <label>
          方式{' '}
          <select
            value={view.channel ?? ''}
            onChange={(e) => change({ channel: e.target.value || undefined })}
          >
            <option value="">全部</option>
            {Object.entries(CHANNEL_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          结果{' '}
          <select
            value={view.outcome ?? ''}
            onChange={(e) => change({ outcome: e.target.value || undefined })}
          >
            <option value="">全部</option>
            {OUTCOME_ROWS.map((row) => (
              <option key={row} value={row}>
                {fullOutcomeLabel(row)}
              </option>
            ))}
          </select>
        </label>
        <label>
          年度{' '}
          <select value={view.year ?? ''} onChange={(e) => change({ year: e.target.value || undefined })}>
            <option value="">全部</option>
            {[0, 1, 2, 3].map((back) => (
              <option key={back} value={String(thisYear - back)}>
                {thisYear - back} 年
              </option>
            ))}
          </select>
        </label>
        <label>
          经办人{' '}
          <select
            value={view.handler ?? ''}
            onChange={(e) => change({ handler: e.target.value || undefined })}
          >
            <option value="">全部</option>
            <option value="me">我经办的</option>
            <option value="none">尚未指定</option>
            {workers.map((w) => (
              <option key={w.username} value={w.username}>
                {w.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={view.awaitingApproval === 'true'}
            onChange={(e) => change({ awaitingApproval: e.target.checked ? 'true' : undefined })}
          />{' '}
          待审批
        </label>
      </form>
      <p className="status-filters">
        <button
          type="button"
          className={view.status ? 'link' : 'link current'}
          onClick={() => change({ status: undefined })}
        >
          全部（{data ? Object.values(data.counts.byStatus).reduce((a, b) => a + b, 0) : '…'}）
        </button>
        {Object.entries(STATUS_LABELS)
          .filter(([status]) => (data?.counts.byStatus[status] ?? 0) > 0 || view.status === status)
          .map(([status, label]) => (
            <button
              key={status}
              type="button"
              className={view.status === status ? 'link current' : 'link'}
              onClick={() => change({ status })}
            >
              {label}（{data?.counts.byStatus[status] ?? 0}）
            </button>
          ))}
      </p>
      {unconfirmed > 0 && (
        <p>
          <strong className="overdue-note">
            本页有 {unconfirmed} 件申请提交后 {data?.confirmationAlertWorkingDays}{' '}
            个工作日以上仍未确认收到（第三十一条）
          </strong>
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {!data ? (
        <p>正在加载…</p>
      ) : data.requests.length === 0 ? (
        <p>没有符合条件的申请。</p>
      ) : (
        <>
          <table className="cases">
            <thead>
              <tr>
                {COLUMNS.map(([column, label], i) => (
                  <th
                    key={label}
                    className={i === 4 ? 'description' : undefined}
                    aria-sort={
                      view.sort === column ? (view.dir === 'desc' ? 'descending' : 'ascending') : undefined
                    }
                  >
                    {column ? (
                      <button type="button" className="link" onClick={() => sortBy(column)}>
                        {label}
                        {view.sort === column ? (view.dir === 'desc' ? ' ↓' : ' ↑') : ''}
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.requests.map((c) => (
                <tr key={c.id} className={`urgency-${urgency(c.completedOn ? undefined : c.dueOn, today)}`}>
                  <td>
                    <a
                      href={`/console/requests/${c.id}`}
                      onClick={(e) => (e.preventDefault(), navigate(`/console/requests/${c.id}`))}
                    >
                      {c.id}
                    </a>
                  </td>
                  <td>{c.outcomeLabel ? `${c.statusLabel}：${c.outcomeLabel}` : c.statusLabel}</td>
                  <td>
                    {c.completedOn ? (
                      `已于 ${c.completedOn} 办结`
                    ) : c.confirmation ? (
                      <span className={c.confirmation.overdue ? 'overdue' : ''}>
                        待确认，已等 {c.confirmation.waitingWorkingDays} 个工作日
                      </span>
                    ) : (
                      (c.dueOn ?? '—')
                    )}
                  </td>
                  <td>
                    {c.applicantName}（{APPLICANT_TYPE_LABELS[c.applicantType]}）
                  </td>
                  <td className="description">{c.description}</td>
                  <td>{CHANNEL_LABELS[c.channel]}</td>
                  <td className="handler-cell">
                    {c.handlerName ?? '—'}
                    {c.awaitingApproval && <span className="badge">待审批</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="分页">
            共 {data.total} 件，第 {data.page}/{pages} 页{' '}
            <button
              type="button"
              disabled={data.page <= 1}
              onClick={() => change({ page: String(data.page - 1) })}
            >
              上一页
            </button>{' '}
            <button
              type="button"
              disabled={data.page >= pages}
              onClick={() => change({ page: String(data.page + 1) })}
            >
              下一页
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
