/**
 * Public report pages: the agencies and their reports, each report as the format prints it with every
 * number linked to the records behind it, and downloads in every export format.
 */
import type { FastifyInstance } from 'fastify';
import {
  buildStoredReport,
  explainStoredCell,
  FORMAT_2021,
  selectorForCell,
  formatOfYear,
  type ReportFactSource,
} from '../../src/features/annual-report/index.ts';
import { renderReportHtml } from '../../src/features/annual-report/export/report-html.ts';
import { reportTitle } from '../../src/features/annual-report/export/report-title.ts';
import { agencyYearParams, cellParams } from '../../src/features/annual-report/http/report-routes.schema.ts';
import { parseInput, requireAgency } from '../../src/features/annual-report/http/report-routes.ts';
import { html, page } from './page-layout.ts';
import { reportYearsOf, type FiledReportSummary } from './agency-home-page.ts';
import type { IsoDate } from '../../src/shared/domain/iso-date.ts';

export interface PortalDependencies {
  readonly source: ReportFactSource;
  readonly findAgency: (id: string) => Promise<{ id: string; name: string } | undefined>;
  readonly listAgencies: () => Promise<ReadonlyArray<ListedAgency>>;
  /** The report years each of these agencies has records for, newest first. */
  readonly reportYearsOf: (agencyIds: readonly string[]) => Promise<ReadonlyMap<string, readonly number[]>>;
  /** The latest filed version of each year these agencies filed. */
  readonly filedReportsOf: (
    agencyIds: readonly string[],
  ) => Promise<ReadonlyArray<FiledReportSummary & { readonly agencyId: string }>>;
  readonly today: () => IsoDate;
  /** Which of these request ids are cases handled in gongkai (the others came from a ledger import). */
  readonly caseIdsAmong: (agencyId: string, ids: readonly string[]) => Promise<ReadonlySet<string>>;
}

/** Records listed per page behind a report cell. */
const LINEAGE_PAGE = 100;

export function describeCell(cellId: string): string {
  const [tableId, rowId, columnId] = cellId.split('.') as ['t2' | 't3' | 't4', string, string];
  const table = FORMAT_2021.tables[tableId];
  const row = table.rows.find((r) => r.id === rowId)?.label ?? rowId;
  const column = table.columns.find((c) => c.id === columnId)?.label ?? columnId;
  return `表${{ t2: '二', t3: '三', t4: '四' }[tableId]}“${row}”行“${column}”列`;
}

/** How the records behind a cell were chosen (application-lifecycle.md §12), in words. */
function countingRule(cellId: string, year: number): string {
  const selector = selectorForCell(cellId, formatOfYear(year));
  if (!selector) return '';
  switch (selector.source) {
    case 'requests':
      return {
        received: `${year}年1月1日至12月31日收到的申请。`,
        'carried-in': `${year}年以前收到、${year}年1月1日时尚未办结的申请。`,
        'carried-out': `截至${year}年12月31日已收到但尚未办结的申请。`,
        completed: `${year}年内办结的申请，按办理结果归入一行（不论收到年度）。`,
      }[selector.measure];
    case 'proceedings':
      return `${year}年内立案的复议、诉讼案件，按12月31日的状态分类。`;
    case 'documents':
      return {
        made: `${year}年内制发的文件。`,
        repealed: `${year}年内废止的文件。`,
        'in-force': `${year}年12月31日现行有效的文件。`,
      }[selector.measure];
    case 'figures':
      return '机关填报的年度数字。';
  }
}

interface ListedAgency {
  readonly id: string;
  readonly name: string;
  readonly parentId?: string;
}

const byName = (a: ListedAgency, b: ListedAgency) => a.name.localeCompare(b.name, 'zh-Hans-CN');
const AGENCIES_FOUND_MAX = 200;

/** The agencies at the top of the installation's tree, each followed by those directly below it. */
function topTwoLevels(agencies: readonly ListedAgency[]): Array<{ agency: ListedAgency; depth: number }> {
  const known = new Set(agencies.map((a) => a.id));
  const below = new Map<string, ListedAgency[]>();
  for (const a of agencies)
    if (a.parentId && known.has(a.parentId)) below.set(a.parentId, [...(below.get(a.parentId) ?? []), a]);
  return agencies
    .filter((a) => !a.parentId || !known.has(a.parentId))
    .sort(byName)
    .flatMap((top) => [
      { agency: top, depth: 0 },
      ...(below.get(top.id) ?? []).sort(byName).map((agency) => ({ agency, depth: 1 })),
    ]);
}

/** Agencies whose name contains the words, at any level (the first 200). */
function agenciesNamed(agencies: readonly ListedAgency[], q: string) {
  return agencies
    .filter((a) => a.name.includes(q))
    .sort(byName)
    .slice(0, AGENCIES_FOUND_MAX)
    .map((agency) => ({ agency, depth: 0 }));
}

export function registerPortalPages(app: FastifyInstance, deps: PortalDependencies): void {
  app.get('/', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 50) : '';
    const agencies = await deps.listAgencies();
    const shown = q ? agenciesNamed(agencies, q) : topTwoLevels(agencies);
    const ids = shown.map((s) => s.agency.id);
    const [filed, recordYears] = await Promise.all([deps.filedReportsOf(ids), deps.reportYearsOf(ids)]);
    const currentYear = Number(deps.today().slice(0, 4));
    const rows = shown.map(({ agency: a, depth }) => {
      const years = reportYearsOf(
        filed.filter((f) => f.agencyId === a.id),
        recordYears.get(a.id) ?? [],
      );
      const unfiled = (y: number) => html`<small>（${y >= currentYear ? '进行中' : '未报送'}）</small>`;
      // A filed year links to the report as published; another to what the records give, marked.
      const link = ({ year: y, filed: report }: { year: number; filed?: FiledReportSummary }) =>
        report
          ? html`<a href="/agencies/${a.id}/published-reports/${y}">${y}年度</a> `
          : html`<a href="/agencies/${a.id}/reports/${y}">${y}年度</a>${unfiled(y)} `;
      const indent = depth > 0 ? 'padding-left:1.6rem;' : '';
      return html`<tr>
        <td style="white-space:nowrap;${indent}"><a href="/agencies/${a.id}">${a.name}</a></td>
        <td>${years.map(link)}</td>
        <td>
          <a href="/agencies/${a.id}/guide">公开指南</a>
          <a href="/agencies/${a.id}/documents">主动公开目录</a>
          <a href="/agencies/${a.id}/normative-documents">规范性文件</a>
          <a href="/agencies/${a.id}/messages">公众留言</a>
          <a href="/agencies/${a.id}/apply">申请公开</a>
        </td>
      </tr>`;
    });
    const hidden = agencies.length - shown.length;
    const summary = q
      ? shown.length === 0
        ? html`<p role="status">没有名称含“${q}”的机关。</p>`
        : html`<p role="status">
            名称含“${q}”的机关 ${shown.length}
            个${shown.length === AGENCIES_FOUND_MAX ? '（只列出前 200 个，请输入更完整的名称）' : ''}。
            <a href="/">全部机关</a>
          </p>`
      : hidden > 0
        ? html`<p>共 ${agencies.length} 个机关；更下一级的机关见其上级机关的页面，或按名称查找。</p>`
        : '';
    const body = html`<h1>政府信息公开</h1>
      <p>
        <a href="/status">查询申请办理进度</a> ·
        <a href="/published-reports">已发布的年度报告（全部机关，可下载，含开放数据）</a>
      </p>
      <form method="get" action="/" role="search" class="filters">
        <div class="field">
          <label for="agency-search">按名称查找机关</label>
          <input id="agency-search" name="q" value="${q}" maxlength="50" placeholder="如：教育局" />
        </div>
        <button type="submit">查找</button>
      </form>
      ${summary}
      ${
        rows.length > 0
          ? html`<table class="list agency-index">
              <tr>
                <th>机关</th>
                <th>年度报告</th>
                <th>政府信息</th>
              </tr>
              ${rows}
            </table>`
          : ''
      }
      <p>
        年度报告依据《中华人民共和国政府信息公开条例》第五十条编制，表中每个数字都可以追溯到所统计的记录。
      </p>`;
    return reply.type('text/html; charset=utf-8').send(page('政府信息公开', body));
  });

  app.get('/agencies/:agencyId/reports/:year', async (request, reply) => {
    const { agencyId, year } = parseInput(agencyYearParams, request.params);
    const agency = await requireAgency(deps, agencyId);
    const filed = (await deps.filedReportsOf([agencyId])).find((f) => f.year === year);
    const report = await buildStoredReport(deps.source, {
      agencyId,
      agencyName: agency.name,
      year,
      counting: 'filed-in-year',
    });
    const base = `/api/agencies/${agencyId}/reports/${year}`;
    const downloads = html`<ul class="downloads">
      ${(['docx', 'pdf', 'xlsx', 'json'] as const).map((f) => html`<li><a href="${base}?format=${f}">下载 ${f.toUpperCase()}</a></li>`)}
    </ul>`;
    // Whoever reads this must know it is what the records give, not necessarily what the agency published.
    const status = filed
      ? html`本机关已报送${year}年度报告（第 ${filed.version} 版，${filed.filedOn}）：<a
            href="/agencies/${agencyId}/published-reports/${year}"
            >查看正式发布的报告</a
          >。本页按办理记录统计，可能与报送的版本不同。`
      : year >= Number(deps.today().slice(0, 4))
        ? html`${year}年度尚未结束：本页按截至${deps.today()}的办理记录统计，不是正式发布的年度报告。`
        : html`本机关尚未报送${year}年度报告：本页按办理记录统计，不是正式发布的年度报告。`;
    const navigation = html`<nav class="crumbs">
        <a href="/">全部机关</a> › <a href="/agencies/${agencyId}">${agency.name}</a>
      </nav>
      <p role="note" style="background:#eef4fb;border-left:4px solid #1a4f8b;padding:.5rem .8rem">
        ${status}
      </p>
      ${downloads}`;
    const document = renderReportHtml(report, {
      cellLink: (cell) => `/agencies/${agencyId}/reports/${year}/cells/${cell}`,
      afterTitleHtml: navigation.__html,
    });
    return reply.type('text/html; charset=utf-8').send(document);
  });

  app.get('/agencies/:agencyId/reports/:year/cells/:cellId', async (request, reply) => {
    const { agencyId, year, cellId } = parseInput(cellParams, request.params);
    const agency = await requireAgency(deps, agencyId);
    const explanation = await explainStoredCell(deps.source, agencyId, year, cellId, 'filed-in-year');
    if (!explanation.ok)
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(
          page(
            '没有这个单元格',
            html`<h1>没有这个单元格</h1>
              <p>${cellId}</p>`,
          ),
        );
    const title = `${reportTitle({ year, agency })}：${describeCell(cellId)}`;
    // A hundred records a page; cases link to the staff console (sign-in required), ledger records have no
    // page of their own.
    const pageParam = Number((request.query as Record<string, unknown>)?.page);
    const pages = Math.max(1, Math.ceil(explanation.recordIds.length / LINEAGE_PAGE));
    const current = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= pages ? pageParam : 1;
    const shown = explanation.recordIds.slice((current - 1) * LINEAGE_PAGE, current * LINEAGE_PAGE);
    const cases =
      explanation.ok && explanation.source === 'requests'
        ? await deps.caseIdsAmong(agencyId, shown)
        : new Set<string>();
    const pageLink = (n: number, label: string) =>
      html`<a href="/agencies/${agencyId}/reports/${year}/cells/${cellId}?page=${String(n)}">${label}</a>`;
    const pager =
      pages > 1
        ? html`<nav class="pager" aria-label="分页">
            第 ${current}/${pages} 页 ${current > 1 ? pageLink(current - 1, '上一页') : ''}
            ${current < pages ? pageLink(current + 1, '下一页') : ''}
          </nav>`
        : '';
    const list =
      explanation.source === 'figures'
        ? html`<p>此数字由机关按年度填报，没有逐条记录。</p>`
        : html`<p>共 ${explanation.recordIds.length} 条记录：</p>
            ${pager}
            <ol start="${String((current - 1) * LINEAGE_PAGE + 1)}">
              ${shown.map((id) =>
                cases.has(id)
                  ? html`<li>
                      <a href="/console/requests/${id}"><code>${id}</code></a>
                    </li>`
                  : html`<li><code>${id}</code></li>`,
              )}
            </ol>
            ${pager}`;
    const body = html`<nav class="crumbs">
        <a href="/">全部机关</a> ›
        <a href="/agencies/${agencyId}/reports/${year}">${agency.name}${year}年度报告</a>
      </nav>
      <h1>${describeCell(cellId)}</h1>
      <p>单元格编号 <code>${cellId}</code>。统计口径：${countingRule(cellId, year)}</p>
      ${list}`;
    return reply.type('text/html; charset=utf-8').send(page(title, body));
  });
}
