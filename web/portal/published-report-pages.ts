/**
 * The filed (published) reports of every agency in the installation: by year and level, each as the
 * format prints it with downloads, its earlier versions and its correction log; a consolidated report's
 * cells traced to the child reports; and open data of every cell of every filed report (CSV, JSON).
 * Only what an agency filed is shown — never a draft — and no staff names.
 */
import type { FastifyInstance } from 'fastify';
import { csvField } from '../../src/platform/rendering/csv.ts';
import { z } from '../../src/platform/validation.ts';
import { reportFormat } from '../../src/features/annual-report/index.ts';
import { renderReportHtml } from '../../src/features/annual-report/export/report-html.ts';
import { CONTENT_TYPES } from '../../src/features/annual-report/export/render-report.ts';
import type { RenderCache } from '../../src/features/annual-report/export/render-cache.ts';
import { reportTitle } from '../../src/features/annual-report/export/report-title.ts';
import { agencyYearParams, cellParams } from '../../src/features/annual-report/http/report-routes.schema.ts';
import { ANONYMOUS_DOWNLOADS, parseInput } from '../../src/features/annual-report/http/report-routes.ts';
import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS, type Agency } from '../../src/features/agencies/index.ts';
import type { FiledSummary } from '../../src/features/supervision/db/supervision-repository.ts';
import type { FilingService } from '../../src/features/supervision/use-cases/filing-service.ts';
import { describeCell } from './report-pages.ts';
import { html, notFoundPage, page } from './page-layout.ts';

export interface PublishedReportDependencies {
  readonly filing: Pick<
    FilingService,
    'latestOfYear' | 'summariesOfYear' | 'versions' | 'corrections' | 'traceCell'
  >;
  readonly listAgencies: () => Promise<readonly Agency[]>;
  readonly findAgency: (id: string) => Promise<Agency | undefined>;
  readonly filedYears: () => Promise<readonly number[]>;
  /** Rendered files kept by content, at most two renders at once. */
  readonly files: RenderCache;
}

const listQuery = z.object({
  year: z.coerce.number().int().min(2019).max(2100).optional(),
  level: z.enum(AGENCY_LEVELS).optional(),
});
const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(1000).optional() });
const downloadParams = agencyYearParams.extend({ format: z.enum(['docx', 'pdf', 'xlsx', 'json']) });
const openDataParams = z.object({
  year: z.coerce.number().int().min(2019).max(2100),
  format: z.enum(['csv', 'json']),
});

const ORIGIN_LABELS: Readonly<Record<string, string>> = {
  records: '由办理记录生成',
  consolidation: '本级记录与下级报告汇总',
  import: '依已发布的报告文件报送',
};

export function registerPublishedReportPages(app: FastifyInstance, deps: PublishedReportDependencies): void {
  const agencyIndex = async () => new Map((await deps.listAgencies()).map((a) => [a.id, a]));
  /** The version shown: the one asked for, else the latest (a re-opened one is shown with a notice). */
  const versionOf = async (agencyId: string, year: number, version?: number) => {
    const versions = await deps.filing.versions(agencyId, year);
    return {
      versions,
      shown: version ? versions.find((v) => v.version === version) : versions.at(-1),
    };
  };

  app.get('/published-reports', async (request, reply) => {
    const query = parseInput(listQuery, request.query);
    const years = await deps.filedYears();
    const year = query.year ?? years[0];
    const agencies = await agencyIndex();
    const filed = year ? await deps.filing.summariesOfYear(year) : [];
    const rows = filed
      .map((f) => ({ filed: f, agency: agencies.get(f.agencyId) }))
      .filter((r): r is { filed: FiledSummary; agency: Agency } => Boolean(r.agency))
      .filter((r) => !query.level || (r.agency.level ?? 'department') === query.level)
      .sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'zh-Hans-CN'));
    const link = (y: number | undefined, level: string | undefined) =>
      `/published-reports?${new URLSearchParams({
        ...(y ? { year: String(y) } : {}),
        ...(level ? { level } : {}),
      }).toString()}`;
    const body = html`<nav class="crumbs"><a href="/">全部机关</a></nav>
      <h1>已发布的政府信息公开工作年度报告${year ? `（${year}年度）` : ''}</h1>
      <p>
        年度：${
          years.length === 0
            ? '尚无机关报送年度报告。'
            : years.map((y) =>
                y === year ? html`<strong>${y}</strong> ` : html`<a href="${link(y, query.level)}">${y}</a> `,
              )
        }
      </p>
      <p>
        层级：${query.level ? html`<a href="${link(year, undefined)}">全部</a>` : html`<strong>全部</strong>`}
        ${AGENCY_LEVELS.map((l) =>
          l === query.level
            ? html` · <strong>${AGENCY_LEVEL_LABELS[l]}</strong>`
            : html` · <a href="${link(year, l)}">${AGENCY_LEVEL_LABELS[l]}</a>`,
        )}
      </p>
      <p><a href="/published-reports/compare${year ? `?year=${year}` : ''}">横向比较（图表）</a></p>
      ${
        year
          ? html`<p>
              开放数据（每份已报送报告的每个单元格）：
              <a href="/open-data/filed-reports/${year}.csv">CSV</a> ·
              <a href="/open-data/filed-reports/${year}.json">JSON</a>
            </p>`
          : ''
      }
      <table class="list">
        <tr>
          <th>机关</th>
          <th>层级</th>
          <th>报送日期</th>
          <th>版本</th>
          <th>下载</th>
        </tr>
        ${rows.map(
          ({ filed: f, agency }) =>
            html`<tr>
              <td><a href="/agencies/${agency.id}/published-reports/${f.year}">${agency.name}</a></td>
              <td>${AGENCY_LEVEL_LABELS[agency.level ?? 'department']}</td>
              <td>${f.filedOn}</td>
              <td>第 ${f.version} 版${f.status === 'reopened' ? '（更正中）' : ''}</td>
              <td>
                <a href="/agencies/${agency.id}/published-reports/${f.year}/report.docx">DOCX</a>
                <a href="/agencies/${agency.id}/published-reports/${f.year}/report.pdf">PDF</a>
              </td>
            </tr>`,
        )}
      </table>
      ${year && rows.length === 0 ? html`<p>该年度、该层级尚无已报送的报告。</p>` : ''}`;
    return reply.type('text/html; charset=utf-8').send(page('已发布的年度报告', body));
  });

  app.get('/agencies/:agencyId/published-reports/:year', async (request, reply) => {
    const { agencyId, year } = parseInput(agencyYearParams, request.params);
    const { version } = parseInput(versionQuery, request.query);
    const agency = await deps.findAgency(agencyId);
    const { versions, shown } = agency
      ? await versionOf(agencyId, year, version)
      : { versions: [], shown: undefined };
    if (!agency || !shown)
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(
          notFoundPage(`${agency?.name ?? agencyId}尚未报送${year}年度报告`, {
            href: '/published-reports',
            label: '已发布的年度报告',
          }),
        );
    const corrections = await deps.filing.corrections(agencyId, year);
    const base = `/agencies/${agencyId}/published-reports/${year}`;
    const latest = versions.at(-1)!;
    const notice =
      shown.version !== latest.version
        ? html`<p class="notice">
            这是第 ${shown.version} 版（${shown.filedOn} 报送），已被<a href="${base}"
              >第 ${latest.version} 版</a
            >更正。
          </p>`
        : shown.status === 'reopened'
          ? html`<p class="notice">该报告的更正申请已获批准，正在更正；更正后将发布新版本。</p>`
          : '';
    const navigation = html`<nav class="crumbs">
        <a href="/published-reports?year=${year}">已发布的年度报告</a>
      </nav>
      ${notice}
      <p>
        第 ${shown.version} 版，${shown.filedOn} 报送；${ORIGIN_LABELS[shown.origin] ?? ''}。
        <a href="/agencies/${agencyId}/published-reports/trend">历年比较</a>
      </p>
      <ul class="downloads">
        ${(['docx', 'pdf', 'xlsx', 'json'] as const).map(
          (f) =>
            html`<li><a href="${base}/report.${f}?version=${shown.version}">下载 ${f.toUpperCase()}</a></li>`,
        )}
      </ul>`;
    const history = html`<section id="corrections">
      <h2>版本与更正记录</h2>
      <table class="list">
        <tr>
          <th>版本</th>
          <th>报送日期</th>
          <th>状态</th>
        </tr>
        ${versions.map(
          (v) =>
            html`<tr>
              <td><a href="${base}?version=${v.version}">第 ${v.version} 版</a></td>
              <td>${v.filedOn}</td>
              <td>
                ${v.status === 'reopened' ? `已重新打开更正（${(v.reopenedAt ?? '').slice(0, 10)}）` : '有效'}
              </td>
            </tr>`,
        )}
      </table>
      ${
        corrections.length === 0
          ? html`<p>没有更正。</p>`
          : html`<table class="list">
              <tr>
                <th>申请日期</th>
                <th>更正理由</th>
                <th>审批</th>
                <th>更正后版本</th>
              </tr>
              ${corrections.map(
                (c) =>
                  html`<tr>
                    <td>${c.requestedAt.slice(0, 10)}</td>
                    <td>${c.reason}</td>
                    <td>
                      ${c.decision === 'approved' ? `批准（${(c.decidedAt ?? '').slice(0, 10)}）` : c.decision === 'rejected' ? '驳回' : '待审批'}
                    </td>
                    <td>${c.refiledVersion ? `第 ${c.refiledVersion} 版` : ''}</td>
                  </tr>`,
              )}
            </table>`
      }
    </section>`;
    const document = renderReportHtml(shown.report, {
      ...(shown.children.length > 0 ? { cellLink: (cell: string) => `${base}/cells/${cell}` } : {}),
      afterTitleHtml: navigation.__html,
    });
    return reply
      .type('text/html; charset=utf-8')
      .send(document.replace('</body>', `${history.__html}</body>`));
  });

  app.get(
    '/agencies/:agencyId/published-reports/:year/report.:format',
    { config: ANONYMOUS_DOWNLOADS },
    async (request, reply) => {
      const { agencyId, year, format } = parseInput(downloadParams, request.params);
      const { version } = parseInput(versionQuery, request.query);
      const { shown } = await versionOf(agencyId, year, version);
      if (!shown)
        return reply
          .status(404)
          .type('text/html; charset=utf-8')
          .send(notFoundPage(`没有已报送的${year}年度报告`));
      const bytes = await deps.files.render(shown.report, format);
      return reply
        .type(CONTENT_TYPES[format])
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${reportTitle(shown.report)}（第${shown.version}版）.${format}`)}`,
        )
        .send(bytes);
    },
  );

  app.get('/agencies/:agencyId/published-reports/:year/cells/:cellId', async (request, reply) => {
    const { agencyId, year, cellId } = parseInput(cellParams, request.params);
    const agency = await deps.findAgency(agencyId);
    const { shown } = agency ? await versionOf(agencyId, year) : { shown: undefined };
    if (!agency || !shown || !reportFormat(shown.format).cellIds.includes(cellId))
      return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage('没有这个单元格'));
    const traced = await deps.filing.traceCell(agencyId, year, cellId);
    const parts = traced.ok ? traced.value.contributions : [];
    const names = new Map(
      await Promise.all(
        parts.map(
          async (p) => [p.agencyId, (await deps.findAgency(p.agencyId))?.name ?? p.agencyId] as const,
        ),
      ),
    );
    const body = html`<nav class="crumbs">
        <a href="/agencies/${agencyId}/published-reports/${year}">${agency.name}${year}年度报告</a>
      </nav>
      <h1>${describeCell(cellId)}：${traced.ok ? traced.value.value : ''}</h1>
      <p>汇总报告中此格由本级数和各下级机关已报送的报告相加而成：</p>
      <table class="list">
        <tr>
          <th>来源</th>
          <th>版本</th>
          <th>数值</th>
        </tr>
        ${parts.map(
          (p) =>
            html`<tr>
              <td>
                ${
                  p.agencyId === agencyId
                    ? '本级'
                    : html`<a
                        href="/agencies/${p.agencyId}/published-reports/${year}?version=${p.version ?? ''}"
                        >${names.get(p.agencyId)}</a
                      >`
                }
              </td>
              <td>${p.version ? `第 ${p.version} 版` : ''}</td>
              <td>${p.value}</td>
            </tr>`,
        )}
      </table>
      ${parts.length === 0 ? html`<p>各来源均为 0。</p>` : ''}`;
    return reply
      .type('text/html; charset=utf-8')
      .send(page(`${agency.name}${year}年度报告：${describeCell(cellId)}`, body));
  });

  app.get('/open-data/filed-reports/:year.:format', async (request, reply) => {
    const { year, format } = parseInput(openDataParams, request.params);
    const agencies = await agencyIndex();
    const filed = (await deps.filing.latestOfYear(year)).filter((f) => agencies.has(f.agencyId));
    const name = `filed-reports-${year}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'json')
      return reply.type('application/json; charset=utf-8').send({
        year,
        reports: filed.map((f) => {
          const agency = agencies.get(f.agencyId)!;
          return {
            agencyId: f.agencyId,
            agencyName: agency.name,
            level: agency.level ?? 'department',
            parentId: agency.parentId ?? null,
            version: f.version,
            status: f.status,
            filedOn: f.filedOn,
            origin: f.origin,
            format: f.format,
            cells: f.report.cells,
            ...(f.indicators ? { replies: f.indicators } : {}),
          };
        }),
      });
    const cells = reportFormat(year >= 2021 ? '2021' : '2019').cellIds;
    const header = [
      'agency_id',
      'agency_name',
      'level',
      'parent_id',
      'version',
      'status',
      'filed_on',
      'origin',
      ...cells,
    ];
    const lines = filed.map((f) => {
      const agency = agencies.get(f.agencyId)!;
      return [
        f.agencyId,
        agency.name,
        agency.level ?? 'department',
        agency.parentId ?? '',
        f.version,
        f.status,
        f.filedOn,
        f.origin,
        ...cells.map((c) => f.report.cells[c] ?? ''),
      ]
        .map(csvField)
        .join(',');
    });
    return reply
      .type('text/csv; charset=utf-8')
      .send(`\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`);
  });
}
