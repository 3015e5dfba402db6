import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { navigate } from '../router.ts';

interface DocumentSummary {
  id: string;
  title: string;
  documentNumber?: string;
  formedOn: string;
  category: string;
  status: string;
  publishedOn?: string;
  attribute?: { attribute: string };
}

interface Timeliness {
  onTimeShare?: number;
  overdue: Array<{ id: string; title: string; dueOn: string }>;
  dueSoon: Array<{ id: string; title: string; dueOn: string }>;
}

const INTERPRETATION_CATEGORY = '政策解读';

export const DOCUMENT_STATUS_LABELS: Record<string, string> = {
  draft: '起草中',
  'in-review': '待审查',
  returned: '已退回',
  approved: '审查通过',
  published: '已发布',
  unpublished: '已撤下',
};

export const ATTRIBUTE_LABELS: Record<string, string> = {
  proactive: '主动公开',
  'on-request': '依申请公开',
  'not-disclosed': '不予公开',
};

/** The agency's documents, the 第二十六条 timeliness warnings, and a form to draft a new one. */
export function DocumentsPage({ agencyId, today }: { agencyId: string; today: string }) {
  const [documents, setDocuments] = useState<DocumentSummary[] | undefined>();
  const [timeliness, setTimeliness] = useState<Timeliness | undefined>();
  const [settings, setSettings] = useState<{
    publicationLimitDays: number;
    categories: Array<{ name: string }>;
  }>();
  const [category, setCategory] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    api<{ documents: DocumentSummary[] }>('GET', `/api/agencies/${agencyId}/documents`).then(
      (r) => setDocuments(r.documents),
      () => setError('加载失败'),
    );
    api<Timeliness>('GET', `/api/agencies/${agencyId}/documents/timeliness?year=${today.slice(0, 4)}`).then(
      setTimeliness,
      () => undefined,
    );
    api<{ settings: NonNullable<typeof settings> }>(
      'GET',
      `/api/agencies/${agencyId}/disclosure-settings`,
    ).then(
      (r) => setSettings(r.settings),
      () => undefined,
    );
  }, [agencyId, today]);

  async function draft(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (name: string) => String(f.get(name) ?? '').trim();
    const attribute = text('attribute');
    try {
      const created = await api<{ id: string }>('POST', `/api/agencies/${agencyId}/documents`, {
        title: text('title'),
        ...(text('documentNumber') ? { documentNumber: text('documentNumber') } : {}),
        formedOn: text('formedOn'),
        category: text('category'),
        body: text('body'),
        ...(text('coIssuers')
          ? {
              coIssuers: text('coIssuers')
                .split(/[,，、\s]+/)
                .filter(Boolean),
            }
          : {}),
        ...(/^[a-z0-9-]+\/DOC-\d{4}-\d{5,7}$/.test(text('forwards'))
          ? {
              forwards: {
                agencyId: text('forwards').split('/')[0],
                documentId: text('forwards').split('/')[1],
              },
            }
          : {}),
        ...(category === INTERPRETATION_CATEGORY
          ? { interprets: text('interprets'), interpretationForm: text('interpretationForm') }
          : {}),
        ...(attribute
          ? {
              attribute: {
                attribute,
                ...(attribute !== 'proactive' ? { article: text('article'), reason: text('reason') } : {}),
              },
            }
          : {}),
      });
      navigate(`/console/documents/${created.id}`);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '提交失败');
    }
  }

  return (
    <section>
      <h1>主动公开</h1>
      {timeliness && (
        <p className="deadline">
          本年按时发布比例：
          {timeliness.onTimeShare === undefined ? '—' : `${Math.round(timeliness.onTimeShare * 100)}%`}
          {timeliness.overdue.length > 0 && (
            <strong className="overdue">
              {' '}
              已超过{settings?.publicationLimitDays ?? 20}个工作日未发布 {timeliness.overdue.length} 件
            </strong>
          )}
          {timeliness.dueSoon.length > 0 && (
            <strong className="soon"> 即将到期 {timeliness.dueSoon.length} 件</strong>
          )}
        </p>
      )}
      {!documents ? (
        <p>正在加载…</p>
      ) : (
        <table className="cases">
          <thead>
            <tr>
              <th>文件</th>
              <th>公开属性</th>
              <th>状态</th>
              <th>成文日期</th>
              <th>类别</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <a
                    href={`/console/documents/${d.id}`}
                    onClick={(e) => (e.preventDefault(), navigate(`/console/documents/${d.id}`))}
                  >
                    {d.title}
                  </a>
                </td>
                <td>{d.attribute ? ATTRIBUTE_LABELS[d.attribute.attribute] : '未确定'}</td>
                <td>{DOCUMENT_STATUS_LABELS[d.status]}</td>
                <td>{d.formedOn}</td>
                <td>{d.category}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>起草文件</h2>
      <form className="register" onSubmit={draft}>
        <div className="field">
          <label htmlFor="doc-category">公开目录类别</label>
          <select
            id="doc-category"
            name="category"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            required
          >
            <option value="">请选择</option>
            {settings?.categories.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {category === INTERPRETATION_CATEGORY && (
          <>
            <div className="field">
              <label htmlFor="doc-interprets">所解读的文件</label>
              <select id="doc-interprets" name="interprets" required>
                {documents
                  ?.filter((d) => d.category !== INTERPRETATION_CATEGORY)
                  .map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title}（{d.id}）
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="doc-interpretationForm">解读形式</label>
              <select id="doc-interpretationForm" name="interpretationForm" defaultValue="text">
                <option value="text">文字解读</option>
                <option value="graphic">图文解读</option>
                <option value="video">视频解读</option>
              </select>
            </div>
          </>
        )}
        {[
          ['title', '标题'],
          ['documentNumber', '发文字号'],
        ].map(([name, label]) => (
          <div className="field" key={name}>
            <label htmlFor={`doc-${name}`}>{label}</label>
            <input id={`doc-${name}`} name={name} required={name !== 'documentNumber'} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="doc-coIssuers">联合发文机关（用顿号分隔，可不填）</label>
          <input id="doc-coIssuers" name="coIssuers" />
        </div>
        <div className="field">
          <label htmlFor="doc-forwards">
            转发的文件（机关编号/文件编号，如 province/DOC-2026-00001；可不填）
          </label>
          <input id="doc-forwards" name="forwards" pattern="[a-z0-9\-]+/DOC-\d{4}-\d{5,7}" />
        </div>
        <div className="field">
          <label htmlFor="doc-formedOn">成文日期</label>
          <input id="doc-formedOn" name="formedOn" type="date" defaultValue={today} required />
        </div>
        <div className="field">
          <label htmlFor="doc-attribute">公开属性</label>
          <select id="doc-attribute" name="attribute" defaultValue="proactive">
            {Object.entries(ATTRIBUTE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            <option value="">沿用所转发文件的公开属性（转发时）</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="doc-article">不予主动公开的依据（依申请公开、不予公开时必填）</label>
          <select id="doc-article" name="article" defaultValue="article-16">
            <option value="article-14">第十四条</option>
            <option value="article-15">第十五条</option>
            <option value="article-16">第十六条</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="doc-reason">理由</label>
          <input id="doc-reason" name="reason" />
        </div>
        <div className="field">
          <label htmlFor="doc-body">正文</label>
          <textarea id="doc-body" name="body" rows={6} />
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">起草</button>
      </form>
    </section>
  );
}
