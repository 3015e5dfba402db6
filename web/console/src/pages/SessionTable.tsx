export interface SessionRow {
  id: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent?: string;
  ip?: string;
  current?: boolean;
}

/** A moment in Beijing time, as people read it. */
export function beijingTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** A browser named the way people know it, from its user agent. */
function browserOf(userAgent = ''): string {
  const device =
    /iPhone|Android|iPad/.exec(userAgent)?.[0] ?? /Windows|Mac OS X|Linux/.exec(userAgent)?.[0] ?? '';
  const browser = /Edg|Chrome|Firefox|Safari/.exec(userAgent)?.[0] ?? '';
  return (
    [device, browser === 'Edg' ? 'Edge' : browser].filter(Boolean).join(' · ') ||
    userAgent.slice(0, 40) ||
    '未知'
  );
}

/**
 * Sessions with where they came from; each (but the current one, which 退出 ends) can be ended. A session
 * ends by itself when unused for half an hour, or twelve hours after sign-in.
 */
export function SessionTable({ sessions, onEnd }: { sessions: SessionRow[]; onEnd: (id: string) => void }) {
  if (sessions.length === 0) return <p>没有未过期的登录会话。</p>;
  return (
    <table className="sessions">
      <thead>
        <tr>
          <th scope="col">登录时间</th>
          <th scope="col">最近使用</th>
          <th scope="col">到期时间</th>
          <th scope="col">来源地址</th>
          <th scope="col">设备与浏览器</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id}>
            <td>{beijingTime(s.createdAt)}</td>
            <td>{beijingTime(s.lastSeenAt)}</td>
            <td>{beijingTime(s.expiresAt)}</td>
            <td>{s.ip ?? '—'}</td>
            <td title={s.userAgent}>{browserOf(s.userAgent)}</td>
            <td>
              {s.current ? (
                '当前会话'
              ) : (
                <button type="button" onClick={() => onEnd(s.id)}>
                  结束
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
