/**
 * The agency's disclosure guide (公开指南), its register of 规章 and 规范性文件 in force on any date with
 * the compilation (汇编) to download, and the sitemaps. Only published 主动公开 documents are listed.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DocumentService } from '../../src/features/proactive-disclosure/use-cases/document-service.ts';
import type { NormativeRegister } from '../../src/features/proactive-disclosure/use-cases/normative-register.ts';
import {
  CATEGORY_GROUPS,
  CATEGORY_GROUP_LABELS,
  type DisclosureSettings,
} from '../../src/features/proactive-disclosure/domain/disclosure-settings.ts';
import {
  endOfForce,
  type NormativeDocument,
} from '../../src/features/proactive-disclosure/domain/normative-document.ts';
import {
  renderCompilationDocx,
  renderCompilationPdf,
  compilationTitle,
} from '../../src/features/proactive-disclosure/export/render-compilation.ts';
import { parseIsoDate, type IsoDate } from '../../src/shared/domain/iso-date.ts';
import { agencyNav, escapeHtml, html, notFoundPage, page, type SafeHtml } from './page-layout.ts';

interface Agency {
  readonly id: string;
  readonly name: string;
}

export interface DisclosurePageDependencies {
  readonly documents: DocumentService;
  readonly register: NormativeRegister;
  readonly findAgency: (id: string) => Promise<Agency | undefined>;
  readonly listAgencies: () => Promise<readonly Agency[]>;
  readonly reportYears: (agencyId: string) => Promise<number[]>;
  readonly today: () => IsoDate;
  /** The site's address as the public reaches it (absolute links; never taken from a request's Host). */
  readonly publicUrl: string;
}

async function agencyOr404(
  deps: DisclosurePageDependencies,
  agencyId: string,
  reply: FastifyReply,
): Promise<Agency | undefined> {
  const agency = await deps.findAgency(agencyId);
  if (!agency) void reply.status(404).type('text/html; charset=utf-8').send(notFoundPage('没有这个机关'));
  return agency;
}

function guideSections(agency: Agency, settings: DisclosureSettings): SafeHtml {
  const base = `/agencies/${agency.id}`;
  const limit = settings.publicationLimitDays;
  const contact = settings.contact;
  return html`<h2>一、主动公开</h2>
    <h3>（一）公开的内容</h3>
    ${CATEGORY_GROUPS.map((group) => {
      const categories = settings.categories.filter((c) => c.group === group);
      if (categories.length === 0) return '';
      return html`<p>${CATEGORY_GROUP_LABELS[group]}：</p>
        <ul>
          ${categories.map(
            (c) =>
              html`<li>
                <a href="${base}/documents?category=${encodeURIComponent(c.name)}">${c.name}</a>${
                  c.description ? html`：${c.description}` : ''
                }
              </li>`,
          )}
        </ul>`;
    })}
    <h3>（二）公开的方式和时限</h3>
    <p>
      通过本机关政府信息公开平台（<a href="${base}/documents">主动公开目录</a>，可全文检索、按类别订阅）公开。
      属于主动公开范围的政府信息，自该信息形成或者变更之日起${limit}个工作日内予以公开${
        limit < 20 ? '（严于《条例》第二十六条规定的20个工作日）' : '（《条例》第二十六条）'
      }。
    </p>
    <h2>二、依申请公开</h2>
    <h3>（一）受理机构</h3>
    ${
      contact
        ? html`<table class="list">
            <tr>
              <th>机构</th>
              <td>${contact.office}</td>
            </tr>
            <tr>
              <th>地址</th>
              <td>${contact.address}${contact.postcode ? `（邮编 ${contact.postcode}）` : ''}</td>
            </tr>
            <tr>
              <th>办公时间</th>
              <td>${contact.hours}</td>
            </tr>
            <tr>
              <th>电话</th>
              <td>${contact.phone}</td>
            </tr>
            ${
              contact.email
                ? html`<tr>
                    <th>电子邮箱</th>
                    <td>${contact.email}</td>
                  </tr>`
                : ''
            }
          </table>`
        : html`<p>（本机关尚未填写受理机构的地址、办公时间和电话。）</p>`
    }
    <h3>（二）申请方式</h3>
    <p>
      可以<a href="${base}/apply">在线提交申请</a
      >，也可以当面或者通过信函向受理机构提出。申请内容包括（《条例》第二十九条）：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的方式、途径。
    </p>
    <h3>（三）办理时限</h3>
    <p>
      能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（《条例》第三十三条）。征求第三方和其他机关意见所需时间不计算在内。申请内容不明确的，将在收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（第三十条）。
    </p>
    <h3>（四）收费</h3>
    <p>
      提供政府信息不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》收取信息处理费（第四十二条）。
    </p>
    <h3>（五）查询办理进度</h3>
    <p>凭申请编号和查询码在<a href="/status">进度查询</a>页面查看。</p>
    <h2>三、公众留言</h2>
    <p>
      可以在<a href="${base}/messages">公众留言</a
      >页面留言，本机关在${settings.messageAnswerDays}个工作日内答复；答复后的留言在去除个人信息后公开。
    </p>
    <h2>四、监督和救济</h2>
    <p>
      公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
    </p>
    ${
      settings.guideNotes
        ? html`<h2>五、其他说明</h2>
            ${settings.guideNotes
              .split(/\n\s*\n/)
              .filter((p) => p.trim())
              .map((p) => html`<p>${p.trim()}</p>`)}`
        : ''
    }`;
}

const STATE_LABEL = (document: NormativeDocument, on: IsoDate) => {
  const end = endOfForce(document);
  if (document.issuedOn > on) return '尚未制发';
  if (end && end <= on) return document.repealedOn === end ? `已于${end}废止` : `已于${end}失效`;
  if (end) return `现行有效（将于${end}${document.repealedOn === end ? '废止' : '失效'}）`;
  return '现行有效';
};

export function registerDisclosurePages(app: FastifyInstance, deps: DisclosurePageDependencies): void {
  app.get('/agencies/:agencyId/guide', async (request, reply) => {
    const { agencyId } = request.params as { agencyId: string };
    const agency = await agencyOr404(deps, agencyId, reply);
    if (!agency) return reply;
    const settings = await deps.documents.settingsFor(agencyId);
    const body = html`${agencyNav(agency.id, agency.name)}
      <h1>${agency.name}政府信息公开指南</h1>
      <p>为了更好地提供政府信息公开服务，依据《中华人民共和国政府信息公开条例》编制本指南。</p>
      ${guideSections(agency, settings)}`;
    return reply.type('text/html; charset=utf-8').send(page(`${agency.name}政府信息公开指南`, body));
  });

  app.get('/agencies/:agencyId/normative-documents', async (request, reply) => {
    const { agencyId } = request.params as { agencyId: string };
    const agency = await agencyOr404(deps, agencyId, reply);
    if (!agency) return reply;
    const raw = (request.query as { on?: unknown }).on;
    const on = (typeof raw === 'string' ? parseIsoDate(raw) : undefined) ?? deps.today();
    const documents = await deps.register.list(agencyId, on);
    const inForce = documents.filter((d) => d.inForce).length;
    const base = `/agencies/${agencyId}/normative-documents`;
    const body = html`${agencyNav(agency.id, agency.name)}
      <h1>${agency.name}规章和行政规范性文件</h1>
      <form method="get" action="${base}">
        <div class="field">
          <label for="on">查看哪一天的效力状态</label><input id="on" name="on" type="date" value="${on}" />
        </div>
        <button type="submit">查看</button>
      </form>
      <p>截至${on}，现行有效 ${inForce} 件（共登记 ${documents.length} 件）。</p>
      <ul class="downloads">
        <li><a href="${base}/compilation.docx?on=${on}">下载现行有效文件汇编（DOCX）</a></li>
        <li><a href="${base}/compilation.pdf?on=${on}">下载现行有效文件汇编（PDF）</a></li>
      </ul>
      <table class="list">
        <tr>
          <th>标题</th>
          <th>文号</th>
          <th>类型</th>
          <th>制发日期</th>
          <th>效力状态</th>
        </tr>
        ${documents.map(
          (d) =>
            html`<tr>
              <td>
                ${
                  d.publicDocumentId
                    ? html`<a href="/agencies/${agencyId}/documents/${d.publicDocumentId}">${d.title}</a>`
                    : d.title
                }${d.amendments?.length ? html`<br /><small>修改 ${d.amendments.length} 次，最近 ${d.amendments.at(-1)?.amendedOn}</small>` : ''}
              </td>
              <td>${d.documentNumber ?? ''}</td>
              <td>${d.kind === 'regulation' ? '规章' : '行政规范性文件'}</td>
              <td>${d.issuedOn}</td>
              <td>${STATE_LABEL(d, on)}</td>
            </tr>`,
        )}
      </table>`;
    return reply.type('text/html; charset=utf-8').send(page(`${agency.name}规章和行政规范性文件`, body));
  });

  app.get('/agencies/:agencyId/normative-documents/compilation.:format', async (request, reply) => {
    const { agencyId, format } = request.params as { agencyId: string; format: string };
    if (format !== 'docx' && format !== 'pdf')
      return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage('只提供 DOCX 和 PDF'));
    const agency = await agencyOr404(deps, agencyId, reply);
    if (!agency) return reply;
    const raw = (request.query as { on?: unknown }).on;
    const on = (typeof raw === 'string' ? parseIsoDate(raw) : undefined) ?? deps.today();
    const compilation = {
      agencyName: agency.name,
      on,
      entries: await deps.register.compilation(agencyId, on),
    };
    const file = `${compilationTitle(compilation)}（${on}）.${format}`;
    return reply
      .type(
        format === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/pdf',
      )
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}`)
      .send(
        await (format === 'docx' ? renderCompilationDocx(compilation) : renderCompilationPdf(compilation)),
      );
  });

  // A sitemap index of the agencies, and one sitemap per agency: only what is public. Built as plain
  // strings (escaped) so that formatting never reaches the XML.
  app.get('/sitemap.xml', async (request, reply) => {
    const origin = deps.publicUrl;
    const agencies = await deps.listAgencies();
    const entries = agencies.map(
      (a) => `<sitemap><loc>${escapeHtml(`${origin}/agencies/${a.id}/sitemap.xml`)}</loc></sitemap>`,
    );
    return reply.type('application/xml; charset=utf-8').send(xmlDocument('sitemapindex', entries));
  });

  app.get('/agencies/:agencyId/sitemap.xml', async (request, reply) => {
    const { agencyId } = request.params as { agencyId: string };
    const agency = await deps.findAgency(agencyId);
    if (!agency) return reply.status(404).type('text/plain; charset=utf-8').send('没有这个机关');
    const base = `${deps.publicUrl}/agencies/${agencyId}`;
    const [documents, years] = await Promise.all([
      deps.documents.published(agencyId, { limit: 49_000 }),
      deps.reportYears(agencyId),
    ]);
    const pages = [
      'guide',
      'documents',
      'normative-documents',
      'messages',
      ...years.map((y) => `reports/${y}`),
    ];
    const entries = [
      `<url><loc>${escapeHtml(base)}</loc></url>`,
      ...pages.map((p) => `<url><loc>${escapeHtml(`${base}/${p}`)}</loc></url>`),
      ...documents.map(
        (s) =>
          `<url><loc>${escapeHtml(`${base}/documents/${s.document.id}`)}</loc>` +
          `${s.document.publishedOn ? `<lastmod>${s.document.publishedOn}</lastmod>` : ''}</url>`,
      ),
    ];
    return reply.type('application/xml; charset=utf-8').send(xmlDocument('urlset', entries));
  });
}

function xmlDocument(root: 'urlset' | 'sitemapindex', entries: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...entries,
    `</${root}>`,
    '',
  ].join('\n');
}
