import { useState, type FormEvent } from 'react';
import { api, ApiFailure, type Session } from '../api.ts';

export function LoginPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError('');
    try {
      onSignedIn(
        await api<Session>('POST', '/api/session', {
          username: form.get('username'),
          password: form.get('password'),
        }),
      );
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '无法连接服务器');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <h1>政府信息公开工作台</h1>
      <form onSubmit={submit}>
        <label htmlFor="username">用户名</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          登录
        </button>
      </form>
    </main>
  );
}
