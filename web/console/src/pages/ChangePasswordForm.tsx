import { useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';

/** The rules as the server applies them (features/agencies/domain/password-policy.ts). */
export const PASSWORD_RULES =
  '至少 12 个字符，含大写字母、小写字母、数字、其他符号中的至少三种；不能是常用密码，不能含用户名或姓名，不能与最近 5 次用过的相同。';

/** Change one's own password: the current one, the new one twice. */
export function ChangePasswordForm({ onChanged }: { onChanged: (endedSessions: number) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (form.get('newPassword') !== form.get('repeat')) {
      setError('两次输入的新密码不一致');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const changed = await api<{ endedSessions: number }>('POST', '/api/session/password', {
        currentPassword: form.get('currentPassword'),
        newPassword: form.get('newPassword'),
      });
      formElement.reset();
      onChanged(changed.endedSessions);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '修改失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="password-form">
      <p className="hint">{PASSWORD_RULES}</p>
      <label htmlFor="currentPassword">当前密码</label>
      <input
        id="currentPassword"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
      />
      <label htmlFor="newPassword">新密码</label>
      <input
        id="newPassword"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
      />
      <label htmlFor="repeat">再次输入新密码</label>
      <input id="repeat" name="repeat" type="password" autoComplete="new-password" minLength={12} required />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        修改密码
      </button>
    </form>
  );
}
