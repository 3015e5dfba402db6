import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { SessionTable, type SessionRow } from './SessionTable.tsx';

interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  lockedUntil?: string;
  mustChangePassword: boolean;
  createdAt: string;
}

const ROLES: ReadonlyArray<readonly [string, string]> = [
  ['officer', '经办人'],
  ['approver', '审批人'],
  ['supervisor', '监督人员'],
  ['admin', '管理员'],
];
const roleLabel = (role: string) => ROLES.find(([r]) => r === role)?.[1] ?? role;

function stateOf(a: Account): string {
  if (a.disabled) return '已停用';
  if (a.lockedUntil)
    return `登录失败过多，锁定至 ${new Date(a.lockedUntil).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`;
  if (a.mustChangePassword) return '待本人修改密码';
  return '正常';
}

/**
 * 工作人员 (administrators): the agency's accounts; add one, reset a password, disable or enable, see and
 * end an account's sessions. A one-time password is shown once, to be handed over in person.
 */
export function StaffPage({ agencyId: ownAgencyId, ownId }: { agencyId: string; ownId: string }) {
  // The accounts of one's own agency or of an agency below it (a city's office for its departments).
  const [agencyId, setAgencyId] = useState(ownAgencyId);
  const [agencies, setAgencies] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    api<{ agencies: Array<{ id: string; name: string }> }>(
      'GET',
      `/api/agencies/${ownAgencyId}/agencies`,
    ).then(
      (r) => setAgencies(r.agencies),
      () => setAgencies([]),
    );
  }, [ownAgencyId]);
  const [editingRoles, setEditingRoles] = useState('');
  const path = `/api/agencies/${agencyId}/staff`;
  const [accounts, setAccounts] = useState<Account[] | undefined>();
  const [secret, setSecret] = useState<{ username: string; password: string } | undefined>();
  const [sessions, setSessions] = useState<{ account: Account; rows: SessionRow[] } | undefined>();
  const [error, setError] = useState('');
  const load = useCallback(() => {
    api<{ accounts: Account[] }>('GET', path).then(
      (r) => setAccounts(r.accounts),
      (failure: unknown) => setError(failure instanceof ApiFailure ? failure.message : '加载失败'),
    );
  }, [path]);
  useEffect(load, [load]);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setError('');
    try {
      const result = await work();
      load();
      return result;
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '操作失败');
      return undefined;
    }
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const created = await run(() =>
      api<{ account: Account; password: string }>('POST', path, {
        username: form.get('username'),
        displayName: form.get('displayName'),
        roles: form.getAll('roles'),
      }),
    );
    if (created) {
      formElement.reset();
      setSecret({ username: created.account.username, password: created.password });
    }
  }

  async function reset(account: Account) {
    if (!window.confirm(`重置 ${account.displayName}（${account.username}）的密码？其登录会话将全部结束。`))
      return;
    const done = await run(() => api<{ password: string }>('POST', `${path}/${account.id}/password-reset`));
    if (done) setSecret({ username: account.username, password: done.password });
  }

  async function saveRoles(event: FormEvent<HTMLFormElement>, account: Account) {
    event.preventDefault();
    const roles = new FormData(event.currentTarget).getAll('roles');
    const saved = await run(() => api('PUT', `${path}/${account.id}/roles`, { roles }));
    if (saved) setEditingRoles('');
  }

  async function toggle(account: Account) {
    const disabling = !account.disabled;
    if (
      disabling &&
      !window.confirm(`停用 ${account.displayName}（${account.username}）？其登录会话将全部结束。`)
    )
      return;
    await run(() => api('POST', `${path}/${account.id}/status`, { disabled: disabling }));
  }

  async function showSessions(account: Account) {
    const listed = await run(() => api<{ sessions: SessionRow[] }>('GET', `${path}/${account.id}/sessions`));
    if (listed) setSessions({ account, rows: listed.sessions });
  }

  async function endAll(account: Account) {
    await run(() => api('DELETE', `${path}/${account.id}/sessions`));
    setSessions({ account, rows: [] });
  }

  async function endOne(account: Account, id: string) {
    await run(() => api('DELETE', `${path}/${account.id}/sessions/${id}`));
    await showSessions(account);
  }

  if (!accounts) return <p>{error || '正在加载…'}</p>;
  return (
    <section>
      <h1>工作人员账号</h1>
      {agencies.length > 1 && (
        <p>
          <label htmlFor="staff-agency">机关</label>{' '}
          <select
            id="staff-agency"
            value={agencyId}
            onChange={(e) => {
              setAgencyId(e.target.value);
              setSessions(undefined);
            }}
          >
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {secret && (
        <div className="notice" role="status">
          <p>{secret.username} 的一次性密码（只显示这一次，请当面或以安全方式交给本人；首次登录须修改）：</p>
          <p>
            <code className="secret">{secret.password}</code>
          </p>
          <button type="button" onClick={() => setSecret(undefined)}>
            已记下，关闭
          </button>
        </div>
      )}
      <table className="staff">
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>{a.username}</td>
              <td>{a.displayName}</td>
              <td>
                {editingRoles === a.id ? (
                  <form onSubmit={(e) => saveRoles(e, a)} aria-label={`${a.displayName}的角色`}>
                    {ROLES.map(([role, label]) => (
                      <label key={role}>
                        <input
                          type="checkbox"
                          name="roles"
                          value={role}
                          defaultChecked={a.roles.includes(role)}
                        />{' '}
                        {label}
                      </label>
                    ))}{' '}
                    <button type="submit">保存角色</button>
                  </form>
                ) : (
                  a.roles.map(roleLabel).join('、')
                )}
              </td>
              <td>{stateOf(a)}</td>
              <td className="row-actions">
                {a.id === ownId ? (
                  '本人（在“我的账号”中修改密码）'
                ) : (
                  <>
                    <button type="button" onClick={() => setEditingRoles(editingRoles === a.id ? '' : a.id)}>
                      修改角色
                    </button>
                    <button type="button" onClick={() => reset(a)}>
                      重置密码
                    </button>
                    <button type="button" onClick={() => toggle(a)}>
                      {a.disabled ? '启用' : '停用'}
                    </button>
                    <button type="button" onClick={() => showSessions(a)}>
                      登录会话
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions && (
        <section aria-labelledby="account-sessions">
          <h2 id="account-sessions">
            {sessions.account.displayName}（{sessions.account.username}）的登录会话
          </h2>
          <SessionTable sessions={sessions.rows} onEnd={(id) => void endOne(sessions.account, id)} />
          {sessions.rows.length > 0 && (
            <button type="button" onClick={() => endAll(sessions.account)}>
              全部结束
            </button>
          )}
        </section>
      )}
      <h2>新建账号</h2>
      <form onSubmit={add} className="staff-form">
        <label htmlFor="new-username">用户名</label>
        <input id="new-username" name="username" pattern="[A-Za-z0-9._\-]{2,64}" required />
        <label htmlFor="new-name">姓名</label>
        <input id="new-name" name="displayName" required maxLength={50} />
        <fieldset>
          <legend>角色</legend>
          {ROLES.map(([role, label]) => (
            <label key={role}>
              <input type="checkbox" name="roles" value={role} defaultChecked={role === 'officer'} /> {label}
            </label>
          ))}
        </fieldset>
        <button type="submit">新建并生成一次性密码</button>
      </form>
    </section>
  );
}
