import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api.ts';

interface Message {
  id: string;
  subject: string;
  body: string;
  authorName: string;
  authorContact: string;
  receivedOn: string;
  dueOn: string;
  answer?: string;
  answeredOn?: string;
  answeredBy?: string;
  published: boolean;
  late: boolean;
}

/** 公众留言: the unanswered first by due date; answer, and choose whether the answer is published. */
export function MessagesPage({ agencyId, today }: { agencyId: string; today: string }) {
  const path = `/api/agencies/${agencyId}/messages`;
  const [messages, setMessages] = useState<Message[] | undefined>();
  const [error, setError] = useState('');
  const load = useCallback(() => {
    api<{ messages: Message[] }>('GET', path).then(
      (r) => setMessages(r.messages),
      () => setError('加载失败'),
    );
  }, [path]);
  useEffect(load, [load]);

  async function act(id: string, action: 'answer' | 'publication', body: object) {
    setError('');
    try {
      await api('POST', `${path}/${id}/${action}`, body);
      load();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '操作失败');
    }
  }

  if (!messages) return <p>{error || '正在加载…'}</p>;
  const open = messages.filter((m) => !m.answeredOn);
  return (
    <section>
      <h1>公众留言</h1>
      <p className="deadline">
        待答复 {open.length} 件
        {open.some((m) => m.dueOn < today) && (
          <strong className="overdue"> 已超期 {open.filter((m) => m.dueOn < today).length} 件</strong>
        )}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {messages.map((m) => (
        <article key={m.id} className="message" aria-labelledby={`${m.id}-subject`}>
          <h2 id={`${m.id}-subject`}>
            {m.subject} <small>{m.id}</small>
          </h2>
          <p className="meta">
            {m.authorName}（{m.authorContact}）· 留言 {m.receivedOn} · 答复期限{' '}
            <span className={!m.answeredOn && m.dueOn < today ? 'overdue' : ''}>{m.dueOn}</span>
            {m.answeredOn && ` · ${m.answeredBy ?? ''} 于 ${m.answeredOn} 答复${m.late ? '（超期）' : ''}`}
          </p>
          <p>{m.body}</p>
          {m.answeredOn ? (
            <>
              <p className="answer">答复：{m.answer}</p>
              <button type="button" onClick={() => act(m.id, 'publication', { published: !m.published })}>
                {m.published ? '撤回公开' : '公开答复'}
              </button>
            </>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const f = new FormData(event.currentTarget);
                void act(m.id, 'answer', {
                  text: String(f.get('text') ?? ''),
                  publish: f.get('publish') === 'on',
                });
              }}
            >
              <div className="field">
                <label htmlFor={`${m.id}-text`}>答复内容</label>
                <textarea id={`${m.id}-text`} name="text" rows={3} required />
              </div>
              <label>
                <input type="checkbox" name="publish" defaultChecked /> 答复后公开（不显示姓名和联系方式）
              </label>
              <button type="submit">答复</button>
            </form>
          )}
        </article>
      ))}
    </section>
  );
}
