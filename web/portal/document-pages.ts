/**
 * The public catalogue of proactively disclosed documents: a list with search (a two-character word such
 * as 低保 is found) and category filter, and each document's page with its metadata. Only published
 * 主动公开 documents are ever shown.
 */
import type { FastifyInstance } from 'fastify';
import type { DocumentService } from '../../src/features/proactive-disclosure/use-cases/document-service.ts';
import {
  INTERPRETATION_FORM_LABELS,
  isOnPortal,
} from '../../src/features/proactive-disclosure/domain/public-document.ts';
import { agencyNav, html, notFoundPage, page, raw } from './page-layout.ts';
import { bodyText, safeBodyHtml } from '../../src/features/proactive-disclosure/domain/document-body.ts';
import { highlight, snippet } from './search-snippet.ts';
import { indexNumberOf } from '../../src/features/proactive-disclosure/domain/index-number.ts';
import { searchQuery } from '../../src/platform/search/search-query.ts';
import type { AttachmentService } from '../../src/features/proactive-disclosure/use-cases/attachment-service.ts';
import { sendAttachment } from '../../src/features/proactive-disclosure/http/attachment-routes.ts';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
import { parseIsoDate } from '../../src/shared/domain/iso-date.ts';
import {
  CATEGORY_GROUPS,
  CATEGORY_GROUP_LABELS,
} from '../../src/features/proactive-disclosure/domain/disclosure-settings.ts';

export function registerDocumentPages(
  app: FastifyInstance,
  deps: {
    documents: DocumentService;
    attachments: AttachmentService;
    findAgency: (id: string) => Promise<{ id: string; name: string } | undefined>;
    /** The site's address as the public reaches it (absolute links; never taken from a request's Host). */
    publicUrl: string;
  },
): void {
  app.get('/agencies/:agencyId/documents', async (request, reply) => {
    const { agencyId } = request.params as { agencyId: string };
    const agency = await deps.findAgency(agencyId);
    if (!agency) return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage('没有这个机关'));
    const query = request.query as Record<string, unknown>;
    const field = (name: string) => (typeof query[name] === 'string' ? query[name].trim().slice(0, 100) : '');
    const text = field('q');
    const category = field('category');
    const from = parseIsoDate(field('from'));
    const to = parseIsoDate(field('to'));
    const [documents, counts, settings] = await Promise.all([
      deps.documents.published(agencyId, {
        ...(text ? { text } : {}),
        ...(category ? { category } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }),
      deps.documents.countPublishedByCategory(agencyId),
      deps.documents.settingsFor(agencyId),
    ]);
    const base = `/agencies/${agencyId}/documents`;
    const terms = text ? searchQuery(text).terms : [];
    const link = (name: string) =>
      html`<a href="${base}?category=${encodeURIComponent(name)}">${name}（${counts.get(name) ?? 0}）</a> `;
    const body = html`${agencyNav(agency.id, agency.name)}
      <h1>${agency.name}主动公开目录</h1>
      <form method="get" action="${base}" role="search" class="filters">
        <div class="field"><label for="q">全文检索</label><input id="q" name="q" value="${text}" /></div>
        <div class="field">
          <label for="category">类别</label>
          <select id="category" name="category">
            <option value="">全部类别</option>
            ${settings.categories.map(
              (c) =>
                html`<option value="${c.name}" ${c.name === category ? 'selected' : ''}>${c.name}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="from">发布日期自</label
          ><input id="from" name="from" type="date" value="${from ?? ''}" />
        </div>
        <div class="field">
          <label for="to">至</label><input id="to" name="to" type="date" value="${to ?? ''}" />
        </div>
        <button type="submit">检索</button>
      </form>
      ${CATEGORY_GROUPS.map((group) => {
        const names = settings.categories.filter((c) => c.group === group).map((c) => c.name);
        return names.length ? html`<p>${CATEGORY_GROUP_LABELS[group]}：${names.map(link)}</p>` : '';
      })}
      <p>
        <a href="${base}/feed.atom${category ? `?category=${encodeURIComponent(category)}` : ''}"
          >订阅${category ? `“${category}”` : '全部'}（Atom）</a
        >
      </p>
      <p>
        ${text ? html`“${text}”的检索结果：` : ''}${category ? html`${category}：` : ''}共 ${documents.length}
        件${documents.length >= 200 ? '（仅显示最新的 200 件，请缩小检索范围）' : ''}
      </p>
      ${
        documents.length === 0 && (text || category || from || to)
          ? html`<div class="notice" role="status">
              <p><strong>未找到符合条件的文件。</strong>可以试试：</p>
              <ul>
                <li>减少检索词，或换一种说法（如“低保”与“最低生活保障”都可以检索）；</li>
                <li>放宽发布日期或选择“全部类别”；</li>
                <li>
                  按下方类别浏览目录；所需信息未主动公开的，可以<a href="/agencies/${agencyId}/apply"
                    >申请公开</a
                  >。
                </li>
              </ul>
            </div>`
          : ''
      }
      <table class="list">
        <tr>
          <th>标题</th>
          <th>发文字号</th>
          <th>类别</th>
          <th>发布日期</th>
        </tr>
        ${documents.map(
          (s) =>
            html`<tr>
              <td>
                <a href="${base}/${s.document.id}"
                  >${terms.length ? highlight(s.document.title, terms) : s.document.title}</a
                >
                ${terms.length ? html`<div class="snippet">${snippet(bodyText(s.body), terms)}</div>` : ''}
              </td>
              <td>${s.document.documentNumber ?? ''}</td>
              <td>
                <a href="${base}?category=${encodeURIComponent(s.document.category)}"
                  >${s.document.category}</a
                >
              </td>
              <td>${s.document.publishedOn ?? ''}</td>
            </tr>`,
        )}
      </table>`;
    return reply.type('text/html; charset=utf-8').send(page(`${agency.name}主动公开目录`, body));
  });

  // Atom feed of the published documents, all or one category (registered before /:id).
  app.get('/agencies/:agencyId/documents/feed.atom', async (request, reply) => {
    const { agencyId } = request.params as { agencyId: string };
    const agency = await deps.findAgency(agencyId);
    if (!agency) return reply.status(404).type('text/plain; charset=utf-8').send('没有这个机关');
    const raw = (request.query as { category?: unknown }).category;
    const category = typeof raw === 'string' ? raw.trim().slice(0, 100) : '';
    const documents = await deps.documents.published(agencyId, category ? { category } : {});
    const base = deps.publicUrl;
    const updated = documents[0]?.document.publishedOn ?? '2000-01-01';
    const self = `${base}/agencies/${agencyId}/documents/feed.atom${category ? `?category=${encodeURIComponent(category)}` : ''}`;
    const feed = html`<?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>${agency.name}主动公开${category ? `：${category}` : ''}</title>
        <id>${self}</id>
        <link rel="self" href="${self}" />
        <updated>${updated}T00:00:00+08:00</updated>
        ${documents.map(
          (stored) =>
            html`<entry>
              <title>${stored.document.title}</title>
              <id>${base}/agencies/${agencyId}/documents/${stored.document.id}</id>
              <link href="${base}/agencies/${agencyId}/documents/${stored.document.id}" />
              <updated>${stored.document.publishedOn ?? stored.document.formedOn}T00:00:00+08:00</updated>
              <category term="${stored.document.category}" />
            </entry>`,
        )}
      </feed> `;
    return reply.type('application/atom+xml; charset=utf-8').send(feed.__html);
  });

  app.get('/agencies/:agencyId/documents/:id', async (request, reply) => {
    const { agencyId, id } = request.params as { agencyId: string; id: string };
    const agency = await deps.findAgency(agencyId);
    const stored =
      agency && /^DOC-\d{4}-\d{5,7}$/.test(id) ? await deps.documents.find(agencyId, id) : undefined;
    if (!agency || !stored || !isOnPortal(stored.document)) {
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(
          page(
            '没有这个文件',
            html`<h1>没有这个文件</h1>
              <p><a href="/agencies/${agencyId}/documents">返回目录</a></p>`,
          ),
        );
    }
    const d = stored.document;
    const [interpreted, interpretations, attachments, forwarded] = await Promise.all([
      d.interprets ? deps.documents.find(agencyId, d.interprets) : undefined,
      deps.documents.interpretationsOf(agencyId, d.id),
      deps.attachments.list(agencyId, d.id),
      d.forwards ? deps.documents.find(d.forwards.agencyId, d.forwards.documentId) : undefined,
    ]);
    const settings = await deps.documents.settingsFor(agencyId);
    const files = attachments.length
      ? html`<section aria-labelledby="attachments">
          <h2 id="attachments">附件</h2>
          <ul>
            ${attachments.map(
              (a) =>
                html`<li>
                  <a href="/agencies/${agencyId}/documents/${d.id}/attachments/${a.id}">${a.fileName}</a>
                  （${formatSize(a.size)}）
                </li>`,
            )}
          </ul>
        </section>`
      : '';
    const related = html`${
      interpreted && isOnPortal(interpreted.document)
        ? html`<p>
            本文是对<a href="/agencies/${agencyId}/documents/${interpreted.document.id}"
              >${interpreted.document.title}</a
            >的${d.interpretationForm ? INTERPRETATION_FORM_LABELS[d.interpretationForm] : '解读'}。
          </p>`
        : ''
    }${
      interpretations.length
        ? html`<section aria-labelledby="interpretations">
            <h2 id="interpretations">政策解读</h2>
            <ul>
              ${interpretations.map(
                (i) =>
                  html`<li>
                    <a href="/agencies/${agencyId}/documents/${i.document.id}">${i.document.title}</a>
                    （${i.document.interpretationForm ? INTERPRETATION_FORM_LABELS[i.document.interpretationForm] : '解读'}，${i.document.publishedOn ?? ''}）
                  </li>`,
              )}
            </ul>
          </section>`
        : ''
    }`;
    const body = html`${agencyNav(agency.id, agency.name)}
      <h1>${d.title}</h1>
      <table class="list">
        <tr>
          <th>索引号</th>
          <td>${indexNumberOf(d, settings.indexNumberPrefix ?? agencyId.toUpperCase())}</td>
        </tr>
        <tr>
          <th>发文字号</th>
          <td>${d.documentNumber ?? ''}</td>
        </tr>
        <tr>
          <th>发布机构</th>
          <td>${agency.name}</td>
        </tr>
        ${
          d.coIssuers?.length
            ? html`<tr>
                <th>联合发文机关</th>
                <td>${d.coIssuers.join('、')}</td>
              </tr>`
            : ''
        }
        ${
          forwarded && isOnPortal(forwarded.document) && d.forwards
            ? html`<tr>
                <th>转发</th>
                <td>
                  <a href="/agencies/${d.forwards.agencyId}/documents/${forwarded.document.id}"
                    >${forwarded.document.title}</a
                  >
                </td>
              </tr>`
            : ''
        }
        <tr>
          <th>成文日期</th>
          <td>${d.formedOn}</td>
        </tr>
        <tr>
          <th>发布日期</th>
          <td>${d.publishedOn ?? ''}</td>
        </tr>
        <tr>
          <th>公开目录</th>
          <td>${d.category}</td>
        </tr>
      </table>
      ${related} ${files}
      <article class="document-body">${raw(safeBodyHtml(stored.body))}</article>`;
    return reply.type('text/html; charset=utf-8').send(page(d.title, body));
  });

  // An attachment of a document on the portal; nothing of a document that is not.
  app.get('/agencies/:agencyId/documents/:id/attachments/:attachmentId', async (request, reply) => {
    const { agencyId, id, attachmentId } = request.params as Record<string, string>;
    const file =
      /^DOC-\d{4}-\d{5,7}$/.test(id ?? '') && /^A\d{2}$/.test(attachmentId ?? '')
        ? await deps.attachments.download(agencyId ?? '', id ?? '', attachmentId ?? '', true)
        : undefined;
    if (!file) return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage('没有这个附件'));
    return sendAttachment(reply, file);
  });
}
