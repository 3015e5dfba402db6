/**
 * An agency's front page on the portal — its 政府信息公开 column: how to ask for information and follow an
 * application, the newest documents it published, its normative documents and messages, and its annual
 * reports, the filed ones as published and, for a year not filed, what its records give, marked as such.
 * Its superior and the agencies below it are one click away.
 */
import type { FastifyInstance } from 'fastify';
import type { Agency } from '../../src/features/agencies/index.ts';
import type { DocumentService } from '../../src/features/proactive-disclosure/use-cases/document-service.ts';
import type { IsoDate } from '../../src/shared/domain/iso-date.ts';
import type { FiledSummary } from '../../src/features/supervision/db/supervision-repository.ts';
import { agencyNav, html, notFoundPage, page, type SafeHtml } from './page-layout.ts';

/** A report an agency filed: its latest version. */
export type FiledReportSummary = Pick<FiledSummary, 'year' | 'version' | 'filedOn' | 'status'>;

/** The years of an agency's reports, newest first: those it filed and those its records cover. */
export function reportYearsOf(
  filed: readonly FiledReportSummary[],
  recordYears: readonly number[],
): Array<{ year: number; filed?: FiledReportSummary }> {
  const filedByYear = new Map(filed.map((f) => [f.year, f]));
  return [...new Set([...filedByYear.keys(), ...recordYears])]
    .sort((a, b) => b - a)
    .map((year) => {
      const report = filedByYear.get(year);
      return report ? { year, filed: report } : { year };
    });
}

export interface AgencyHomeDependencies {
  readonly findAgency: (id: string) => Promise<Agency | undefined>;
  readonly children: (id: string) => Promise<readonly Agency[]>;
  readonly documents: Pick<DocumentService, 'published'>;
  /** The latest filed version of each year the agency filed. */
  readonly filedReports: (agencyId: string) => Promise<readonly FiledReportSummary[]>;
  /** The years the agency's records cover, newest first. */
  readonly reportYears: (agencyId: string) => Promise<readonly number[]>;
  readonly today: () => IsoDate;
}

const NEWEST = 8;

/**
 * Links to an agency's annual reports, newest first: a filed year to its published report; a year with
 * records only to the report its records give, said to be unfiled (or, for the year under way, counted
 * to date).
 */
export function reportLinks(
  agencyId: string,
  filed: readonly FiledReportSummary[],
  recordYears: readonly number[],
  currentYear: number,
): SafeHtml[] {
  return reportYearsOf(filed, recordYears).map(({ year, filed: report }) => {
    if (report)
      return html`<li>
        <a href="/agencies/${agencyId}/published-reports/${year}">${year}年度报告</a>
        （第 ${report.version} 版，${report.filedOn} 报送${report.status === 'reopened' ? '，更正中' : ''}）
      </li>`;
    const note =
      year >= currentYear ? '本年度尚未结束，按截至今日的办理记录统计' : '尚未报送，按办理记录统计';
    return html`<li><a href="/agencies/${agencyId}/reports/${year}">${year}年度</a>（${note}）</li>`;
  });
}

export function registerAgencyHomePage(app: FastifyInstance, deps: AgencyHomeDependencies): void {
  app.get('/agencies/:agencyId', async (request, reply) => {
    const { agencyId } = request.params as { agencyId: string };
    const agency = await deps.findAgency(agencyId);
    if (!agency)
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(notFoundPage('没有这个机关', { href: '/', label: '全部机关' }));
    const [parent, children, newest, filed, recordYears] = await Promise.all([
      agency.parentId ? deps.findAgency(agency.parentId) : undefined,
      deps.children(agency.id),
      deps.documents.published(agency.id, { limit: NEWEST }),
      deps.filedReports(agency.id),
      deps.reportYears(agency.id),
    ]);
    const base = `/agencies/${agency.id}`;
    const reports = reportLinks(agency.id, filed, recordYears, Number(deps.today().slice(0, 4)));
    const body = html`${agencyNav(agency.id, agency.name)}
      <h1>${agency.name} 政府信息公开</h1>
      ${parent ? html`<p>上级机关：<a href="/agencies/${parent.id}">${parent.name}</a></p>` : ''}
      <h2>依申请公开</h2>
      <p>
        公民、法人或者其他组织可以向本机关申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条）。
      </p>
      <ul>
        <li><a href="${base}/apply">在线提交申请</a></li>
        <li><a href="/status">查询申请办理进度</a>（凭申请编号和查询码）</li>
        <li><a href="${base}/guide">政府信息公开指南</a>（受理机构、办理流程和期限、收费）</li>
      </ul>
      <h2>主动公开</h2>
      ${
        newest.length === 0
          ? html`<p>本机关尚未在本平台发布政府信息。</p>`
          : html`<table class="list">
              <tr>
                <th>最新发布</th>
                <th>发布日期</th>
              </tr>
              ${newest.map(
                ({ document: d }) =>
                  html`<tr>
                    <td><a href="${base}/documents/${d.id}">${d.title}</a></td>
                    <td style="white-space:nowrap">${d.publishedOn ?? ''}</td>
                  </tr>`,
              )}
            </table>`
      }
      <ul>
        <li><a href="${base}/documents">主动公开目录</a>（按类别浏览、全文检索）</li>
        <li><a href="${base}/normative-documents">规范性文件</a>（现行有效、已修改和已废止）</li>
        <li><a href="${base}/documents/feed.atom">订阅最新发布（Atom）</a></li>
      </ul>
      <h2>公众留言</h2>
      <p><a href="${base}/messages">公众留言和答复</a></p>
      <h2>政府信息公开工作年度报告</h2>
      ${
        reports.length === 0
          ? html`<p>暂无年度报告。</p>`
          : html`<ul>
              ${reports}
            </ul>`
      }
      ${
        children.length > 0
          ? html`<h2>下级机关</h2>
              <ul>
                ${children.map((c) => html`<li><a href="/agencies/${c.id}">${c.name}</a></li>`)}
              </ul>`
          : ''
      }`;
    return reply.type('text/html; charset=utf-8').send(page(`${agency.name} 政府信息公开`, body));
  });
}
