import { useEffect, useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import type { CaseDetail } from './case-detail.ts';

interface CaseWorker {
  username: string;
  displayName: string;
}

/**
 * Who handles the case, and (for the case workers) giving it to someone: oneself, or another officer of
 * the agency or of an agency above it. Each change is a step on the history.
 */
export function CaseHandler({
  detail,
  path,
  agencyId,
  username,
  canAssign,
  onDone,
}: {
  detail: CaseDetail;
  path: string;
  agencyId: string;
  username: string;
  canAssign: boolean;
  onDone: (next: CaseDetail) => void;
}) {
  const [workers, setWorkers] = useState<CaseWorker[]>([]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  const open = !detail.completedOn;
  useEffect(() => {
    if (!canAssign || !open) return;
    api<{ caseWorkers: CaseWorker[] }>('GET', `/api/agencies/${agencyId}/case-workers`).then(
      (r) => setWorkers(r.caseWorkers),
      () => setWorkers([]),
    );
  }, [agencyId, canAssign, open]);

  async function assign(handler: string) {
    setError('');
    setPending(true);
    try {
      onDone(await api<CaseDetail>('POST', `${path}/actions`, { type: 'assign', handler }));
      setChoice('');
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '提交失败');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="handler">
      <span>
        经办人：<strong id="handler-name">{detail.handler?.name ?? '尚未指定'}</strong>
      </span>
      {canAssign && open && (
        <>
          {detail.handler?.username !== username && (
            <button type="button" disabled={pending} onClick={() => assign(username)}>
              由我办理
            </button>
          )}
          <label htmlFor="assign-to">交给</label>
          <select id="assign-to" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">选择经办人…</option>
            {workers
              .filter((w) => w.username !== detail.handler?.username)
              .map((w) => (
                <option key={w.username} value={w.username}>
                  {w.displayName}（{w.username}）
                </option>
              ))}
          </select>
          <button type="button" disabled={!choice || pending} onClick={() => assign(choice)}>
            改派
          </button>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
