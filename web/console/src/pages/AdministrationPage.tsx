import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS } from '../../../../src/features/agencies/domain/agency.ts';
import { CalendarImport } from './CalendarImport.tsx';

interface AgencyRow {
  id: string;
  name: string;
  parentId?: string;
  level: string;
  jurisdiction: string;
  reconsiderationOrgan: string | null;
}

/** The agencies in depth-first order, each with its depth, for an indented tree. */
function ordered(agencies: AgencyRow[], rootId: string): Array<AgencyRow & { depth: number }> {
  const out: Array<AgencyRow & { depth: number }> = [];
  const visit = (id: string, depth: number) => {
    const agency = agencies.find((a) => a.id === id);
    if (!agency || out.some((a) => a.id === id)) return;
    out.push({ ...agency, depth });
    for (const child of agencies.filter((a) => a.parentId === id)) visit(child.id, depth + 1);
  };
  visit(rootId, 0);
  return out;
}

function AgencyFields({ agency }: { agency?: AgencyRow }) {
  const prefix = agency ? `edit-${agency.id}` : 'new';
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-name`}>机关名称</label>
        <input id={`${prefix}-name`} name="name" required minLength={2} defaultValue={agency?.name} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-level`}>层级</label>
        <select id={`${prefix}-level`} name="level" defaultValue={agency?.level ?? 'department'}>
          {AGENCY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {AGENCY_LEVEL_LABELS[level]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-jurisdiction`}>节假日地区（CN 为全国；有地方节假日的地区如 CN-XZ）</label>
        <input
          id={`${prefix}-jurisdiction`}
          name="jurisdiction"
          defaultValue={agency?.jurisdiction ?? 'CN'}
          pattern="[A-Z]{2}(-[A-Z0-9]{1,6})?"
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-organ`}>
          复议机关（垂直管理等无法由上下级关系确定时填写，写入告知书的救济途径）
        </label>
        <input
          id={`${prefix}-organ`}
          name="reconsiderationOrgan"
          defaultValue={agency?.reconsiderationOrgan ?? ''}
        />
      </div>
    </>
  );
}

const fieldsOf = (form: HTMLFormElement) => {
  const f = new FormData(form);
  const text = (name: string) => String(f.get(name) ?? '').trim();
  return {
    name: text('name'),
    level: text('level'),
    jurisdiction: text('jurisdiction') || 'CN',
    reconsiderationOrgan: text('reconsiderationOrgan'),
  };
};

/**
 * 机关与日历, for administrators: the agencies below their own (add, change) and — for an administrator
 * of the top agency — the working-day calendar. Every change is in the audit log.
 */
export function AdministrationPage({ agencyId }: { agencyId: string }) {
  const [agencies, setAgencies] = useState<AgencyRow[]>();
  const [editing, setEditing] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const load = useCallback(() => {
    api<{ agencies: AgencyRow[] }>('GET', `/api/agencies/${agencyId}/agencies`).then(
      (r) => setAgencies(r.agencies),
      (e: unknown) => setError(e instanceof ApiFailure ? e.message : '加载失败'),
    );
  }, [agencyId]);
  useEffect(load, [load]);

  async function run(action: () => Promise<unknown>, done: string) {
    setError('');
    setMessage('');
    try {
      await action();
      setMessage(done);
      setEditing('');
      load();
      return true;
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '提交失败');
      return false;
    }
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const parent = String(f.get('parent') ?? agencyId);
    const body = { id: String(f.get('id') ?? '').trim(), ...fieldsOf(form) };
    if (await run(() => api('POST', `/api/agencies/${parent}/agencies`, body), `已新增“${body.name}”`))
      form.reset();
  }

  function save(event: FormEvent<HTMLFormElement>, agency: AgencyRow) {
    event.preventDefault();
    const body = fieldsOf(event.currentTarget);
    void run(
      () => api('PUT', `/api/agencies/${agencyId}/agencies/${agency.id}`, body),
      `已保存“${body.name}”`,
    );
  }

  const rows = agencies ? ordered(agencies, agencyId) : [];
  return (
    <section className="administration">
      <h1>机关与日历</h1>
      {message && <p role="status">{message}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2>本机关及下级机关</h2>
      {!agencies ? (
        <p>正在加载…</p>
      ) : (
        <table className="cases agency-tree">
          <thead>
            <tr>
              <th>机关</th>
              <th>代码</th>
              <th>层级</th>
              <th>节假日地区</th>
              <th>复议机关</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) =>
              editing === a.id ? (
                <tr key={a.id}>
                  <td colSpan={6}>
                    <form className="action-form" onSubmit={(e) => save(e, a)}>
                      <h3>修改“{a.name}”</h3>
                      <AgencyFields agency={a} />
                      <button type="submit">保存</button>{' '}
                      <button type="button" className="plain" onClick={() => setEditing('')}>
                        取消
                      </button>
                    </form>
                  </td>
                </tr>
              ) : (
                <tr key={a.id} data-agency={a.id}>
                  <td style={{ paddingLeft: `${0.5 + a.depth * 1.5}rem` }}>{a.name}</td>
                  <td>{a.id}</td>
                  <td>{AGENCY_LEVEL_LABELS[a.level as keyof typeof AGENCY_LEVEL_LABELS] ?? a.level}</td>
                  <td>{a.jurisdiction}</td>
                  <td>{a.reconsiderationOrgan ?? '按上下级关系确定'}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(a.id)}>
                      修改
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <form className="action-form" onSubmit={add}>
        <h3>新增下级机关</h3>
        <div className="field">
          <label htmlFor="new-parent">上级机关</label>
          <select id="new-parent" name="parent" defaultValue={agencyId}>
            {rows.map((a) => (
              <option key={a.id} value={a.id}>
                {'　'.repeat(a.depth)}
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-id">机关代码（小写字母、数字、连字符，如 city-edu；创建后不能更改）</label>
          <input id="new-id" name="id" required pattern="[a-z0-9][a-z0-9\-]{1,39}" />
        </div>
        <AgencyFields />
        <button type="submit">新增</button>
      </form>
      <h2>工作日日历</h2>
      <CalendarImport agencyId={agencyId} />
    </section>
  );
}
