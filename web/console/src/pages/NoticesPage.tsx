import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { navigate } from '../router.ts';

export interface Notice {
  id: string;
  requestId: string;
  recipient: string;
  status: string;
  statusLabel: string;
  attempts: number;
  lastError?: string;
  createdAt: string;
  sentAt?: string;
  subject: string;
}

/** One notice's text, as sent or as it would be sent. */
function NoticeText({ agencyId, id }: { agencyId: string; id: string }) {
  const [text, setText] = useState<{ text?: string; attachment?: string | null } | undefined>();
  useEffect(() => {
    api<{ text?: string; attachment?: string | null }>('GET', `/api/agencies/${agencyId}/notices/${id}`).then(
      setText,
      () => setText({ text: '加载失败' }),
    );
  }, [agencyId, id]);
  if (!text) return <p>正在加载…</p>;
  return (
    <div className="notice-text">
      <pre>{text.text}</pre>
      {text.attachment && <p>附件：{text.attachment}（PDF）</p>}
    </div>
  );
}

/** A table of notices: state, attempts, the last error, the text on demand, "send again" when given up. */
export function NoticeTable({
  agencyId,
  notices,
  onChange,
  showCase = true,
}: {
  agencyId: string;
  notices: Notice[];
  onChange: () => void;
  showCase?: boolean;
}) {
  const [open, setOpen] = useState('');
  const [error, setError] = useState('');
  async function retry(id: string) {
    try {
      await api('POST', `/api/agencies/${agencyId}/notices/${id}/retry`);
      onChange();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '重新发送失败');
    }
  }
  return (
    <>
      {error && <p className="error">{error}</p>}
      <table className="cases">
        <thead>
          <tr>
            {showCase && <th>申请</th>}
            <th>主题</th>
            <th>收件人</th>
            <th>状态</th>
            <th>生成时间</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {notices.map((n) => (
            <tr key={n.id} className={n.status === 'sent' ? '' : 'urgency-soon'}>
              {showCase && (
                <td>
                  <a
                    href={`/console/requests/${n.requestId}`}
                    onClick={(e) => (e.preventDefault(), navigate(`/console/requests/${n.requestId}`))}
                  >
                    {n.requestId}
                  </a>
                </td>
              )}
              <td>
                <button type="button" className="link" onClick={() => setOpen(open === n.id ? '' : n.id)}>
                  {n.subject}
                </button>
                {open === n.id && <NoticeText agencyId={agencyId} id={n.id} />}
              </td>
              <td>{n.recipient}</td>
              <td>
                {n.statusLabel}
                {n.sentAt ? `（${n.sentAt.slice(0, 16).replace('T', ' ')}）` : ''}
                {n.attempts > 0 && n.status !== 'sent' ? `，已尝试 ${n.attempts} 次` : ''}
                {n.lastError && n.status !== 'sent' && <div className="hint">{n.lastError}</div>}
              </td>
              <td>{n.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td>
                {n.status === 'failed' && (
                  <button type="button" onClick={() => void retry(n.id)}>
                    重新发送
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The notices to applicants that have not reached them (or, with no mail server, all of them). */
export function NoticesPage({ agencyId }: { agencyId: string }) {
  const [data, setData] = useState<{ configured: boolean; notices: Notice[] } | undefined>();
  const [error, setError] = useState('');
  const load = useCallback(() => {
    api<{ configured: boolean; notices: Notice[] }>(
      'GET',
      `/api/agencies/${agencyId}/notices?unsent=true`,
    ).then(setData, (e: unknown) => setError(e instanceof ApiFailure ? e.message : '加载失败'));
  }, [agencyId]);
  useEffect(load, [load]);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>正在加载…</p>;
  return (
    <section>
      <h1>通知邮件</h1>
      {!data.configured && (
        <p className="warning">
          未配置邮件服务器（SMTP_URL），通知邮件不会发出。下面是应当发出的通知，请以其他方式告知申请人。
        </p>
      )}
      {data.notices.length === 0 ? (
        <p>所有通知邮件均已发出。</p>
      ) : (
        <NoticeTable agencyId={agencyId} notices={data.notices} onChange={load} />
      )}
    </section>
  );
}
