import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ATTRIBUTE_LABELS, DOCUMENT_STATUS_LABELS } from './DocumentsPage.tsx';
import { DocumentAttachments } from './DocumentAttachments.tsx';

interface DocumentDetail {
  id: string;
  title: string;
  documentNumber?: string;
  formedOn: string;
  category: string;
  status: string;
  drafter: string;
  publishedOn?: string;
  attribute?: { attribute: string; article?: string; reason?: string };
  body: string;
  coIssuers?: string[];
  forwards?: { agencyId: string; documentId: string };
  history: Array<{ step: string; by: string; on: string; comment?: string }>;
}

const STEP_LABELS: Record<string, string> = {
  drafted: '起草',
  'attribute-set': '确定公开属性',
  submitted: '提交审查',
  approved: '审查通过',
  'sent-back': '退回修改',
  published: '发布',
  unpublished: '撤下',
};

/** One document: its attribute and review steps; the buttons its status allows. */
export function DocumentPage({ agencyId, documentId }: { agencyId: string; documentId: string }) {
  const path = `/api/agencies/${agencyId}/documents/${documentId}`;
  const [detail, setDetail] = useState<DocumentDetail | undefined>();
  const [error, setError] = useState('');
  const [comment, setComment] = useState('');
  const load = useCallback(() => {
    api<DocumentDetail>('GET', path).then(setDetail, () => setError('加载失败'));
  }, [path]);
  useEffect(load, [load]);

  async function step(type: string) {
    setError('');
    try {
      setDetail(
        await api<DocumentDetail>('POST', `${path}/steps`, {
          type,
          ...(type === 'send-back' || type === 'unpublish' ? { comment } : {}),
        }),
      );
      setComment('');
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '操作失败');
    }
  }

  if (!detail) return <p>{error || '正在加载…'}</p>;
  const buttons: Array<[string, string, string[]]> = [
    ['submit-for-review', '提交审查', ['draft', 'returned']],
    ['approve', '审查通过', ['in-review']],
    ['send-back', '退回修改', ['in-review']],
    ['publish', '发布', ['approved', 'unpublished']],
    ['unpublish', '撤下', ['published']],
  ];
  return (
    <section>
      <h1>
        {detail.title} <span className="status">{DOCUMENT_STATUS_LABELS[detail.status]}</span>
      </h1>
      <dl className="facts">
        <dt>公开属性</dt>
        <dd>
          {detail.attribute ? ATTRIBUTE_LABELS[detail.attribute.attribute] : '未确定'}
          {detail.attribute?.reason ? `（${detail.attribute.reason}）` : ''}
        </dd>
        <dt>发文字号</dt>
        <dd>{detail.documentNumber ?? '—'}</dd>
        <dt>成文日期</dt>
        <dd>{detail.formedOn}</dd>
        <dt>类别</dt>
        <dd>{detail.category}</dd>
        {detail.coIssuers && (
          <>
            <dt>联合发文机关</dt>
            <dd>{detail.coIssuers.join('、')}</dd>
          </>
        )}
        {detail.forwards && (
          <>
            <dt>转发</dt>
            <dd>
              {detail.forwards.agencyId} / {detail.forwards.documentId}
            </dd>
          </>
        )}
        {detail.publishedOn && (
          <>
            <dt>发布日期</dt>
            <dd>
              {detail.publishedOn}（<a href={`/agencies/${agencyId}/documents/${detail.id}`}>门户页面</a>）
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        <div className="field">
          <label htmlFor="doc-comment">意见（退回、撤下时必填）</label>
          <input id="doc-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        {buttons
          .filter(([, , statuses]) => statuses.includes(detail.status))
          .map(([type, label]) => (
            <button key={type} type="button" className="step" onClick={() => step(type)}>
              {label}
            </button>
          ))}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
      <DocumentAttachments
        agencyId={agencyId}
        documentId={detail.id}
        editable={detail.status === 'draft' || detail.status === 'returned'}
      />
      <h2>审查记录</h2>
      <ol className="timeline">
        {detail.history.map((h, i) => (
          <li key={i}>
            <strong>{STEP_LABELS[h.step] ?? h.step}</strong>{' '}
            <span className="meta">
              {h.on} · {h.by}
            </span>
            {h.comment && <div className="reason">{h.comment}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
