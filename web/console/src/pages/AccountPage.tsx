import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { SessionTable, type SessionRow } from './SessionTable.tsx';

/** 我的账号: change one's password; see where one is signed in and end any of those sessions. */
export function AccountPage() {
  const [sessions, setSessions] = useState<SessionRow[] | undefined>();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const load = useCallback(() => {
    api<{ sessions: SessionRow[] }>('GET', '/api/session/sessions').then(
      (r) => setSessions(r.sessions),
      () => setError('加载失败'),
    );
  }, []);
  useEffect(load, [load]);

  async function end(id: string) {
    setError('');
    try {
      await api('DELETE', `/api/session/sessions/${id}`);
      setNotice('已结束该登录会话');
      load();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '操作失败');
    }
  }

  return (
    <section>
      <h1>我的账号</h1>
      <h2>修改密码</h2>
      <ChangePasswordForm
        onChanged={(ended) => {
          setNotice(`密码已修改${ended ? `；其他 ${ended} 处登录已退出` : ''}`);
          load();
        }}
      />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2>登录会话</h2>
      {sessions ? <SessionTable sessions={sessions} onEnd={end} /> : <p>正在加载…</p>}
    </section>
  );
}
