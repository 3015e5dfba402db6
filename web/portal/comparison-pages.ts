/**
 * Comparison of filed reports: peers in one year (applications, the outcome mix, reconsiderations and
 * lawsuits, corrected outcomes) and one agency over the years, with the share of its text repeated from
 * the year before — charts drawn as SVG with the same numbers in a table.
 */
import type { FastifyInstance } from 'fastify';
import { z } from '../../src/platform/validation.ts';
import { agencyYearParams } from '../../src/features/annual-report/http/report-routes.schema.ts';
import { parseInput } from '../../src/features/annual-report/http/report-routes.ts';
import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS, type Agency } from '../../src/features/agencies/index.ts';
import type { FiledReport } from '../../src/features/supervision/db/supervision-repository.ts';
import {
  comparedFigures,
  OUTCOME_GROUPS,
  writtenText,
} from '../../src/features/supervision/domain/report-comparison.ts';
import { repeatedShare } from '../../src/features/report-import/domain/report-prose.ts';
import { barChart, shareChart } from './charts.ts';
import { html, notFoundPage, page } from './page-layout.ts';

export interface ComparisonDependencies {
  readonly latestOfYear: (year: number) => Promise<readonly FiledReport[]>;
  readonly latestPerYear: (agencyId: string) => Promise<readonly FiledReport[]>;
  readonly filedYears: () => Promise<readonly number[]>;
  readonly listAgencies: () => Promise<readonly Agency[]>;
  readonly findAgency: (id: string) => Promise<Agency | undefined>;
}

const peerQuery = z.object({
  year: z.coerce.number().int().min(2019).max(2100).optional(),
  level: z.enum(AGENCY_LEVELS).optional(),
  parent: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .optional(),
});
const agencyParams = agencyYearParams.pick({ agencyId: true });
const MOST = 40;
/** Replies after their deadline, where the agency's cases are handled here; "—" where unknown. */
const overdueOf = (filed: FiledReport) =>
  filed.indicators ? String(filed.indicators.replied - filed.indicators.repliedOnTime) : '—';
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function registerComparisonPages(app: FastifyInstance, deps: ComparisonDependencies): void {
  app.get('/published-reports/compare', async (request, reply) => {
    const query = parseInput(peerQuery, request.query);
    const years = await deps.filedYears();
    const year = query.year ?? years[0];
    const agencies = new Map((await deps.listAgencies()).map((a) => [a.id, a]));
    const filed = year ? await deps.latestOfYear(year) : [];
    const rows = filed
      .map((f) => ({
        agency: agencies.get(f.agencyId),
        figures: comparedFigures(f.report),
        overdue: overdueOf(f),
      }))
      .filter((r): r is { agency: Agency; figures: ReturnType<typeof comparedFigures>; overdue: string } =>
        Boolean(r.agency),
      )
      .filter((r) => !query.level || (r.agency.level ?? 'department') === query.level)
      .filter((r) => !query.parent || r.agency.parentId === query.parent)
      .sort((a, b) => b.figures.applications - a.figures.applications);
    // A government's report consolidates its departments': shown beside them, the same applications would
    // count twice. Across levels, a report whose parts are listed is left out (and said so).
    const parents = new Set(rows.map((r) => r.agency.parentId).filter(Boolean));
    const consolidations = query.level ? [] : rows.filter((r) => parents.has(r.agency.id));
    if (consolidations.length) rows.splice(0, rows.length, ...rows.filter((r) => !parents.has(r.agency.id)));
    const shown = rows.slice(0, MOST);
    const link = (changes: Record<string, string | undefined>) => {
      const params = {
        year: year ? String(year) : undefined,
        level: query.level,
        parent: query.parent,
        ...changes,
      };
      return `/published-reports/compare?${new URLSearchParams(
        Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])),
      ).toString()}`;
    };
    const left = consolidations.length
      ? html`<p class="notice">
          汇总报告不与其下级并列比较（同一申请会计算两次），未列入：${consolidations.map((r) => r.agency.name).join('、')}。可按层级查看。
        </p>`
      : '';
    const body = html`<nav class="crumbs"><a href="/published-reports">已发布的年度报告</a></nav>
      <h1>年度报告横向比较${year ? `（${year}年度）` : ''}</h1>
      ${left}
      <p>
        年度：${years.map((y) => (y === year ? html`<strong>${y}</strong> ` : html`<a href="${link({ year: String(y) })}">${y}</a> `))}
      </p>
      <p>
        层级：${query.level ? html`<a href="${link({ level: undefined })}">全部</a>` : html`<strong>全部</strong>`}
        ${AGENCY_LEVELS.map((l) =>
          l === query.level
            ? html` · <strong>${AGENCY_LEVEL_LABELS[l]}</strong>`
            : html` · <a href="${link({ level: l })}">${AGENCY_LEVEL_LABELS[l]}</a>`,
        )}
        ${query.parent ? html` · 下级于 ${agencies.get(query.parent)?.name ?? query.parent}（<a href="${link({ parent: undefined })}">取消</a>）` : ''}
      </p>
      ${
        rows.length === 0
          ? html`<p>没有符合条件的已报送报告。</p>`
          : html`${rows.length > MOST ? html`<p>共 ${rows.length} 个机关，图中为申请最多的 ${MOST} 个；表中为全部。</p>` : ''}
              ${barChart(
                `${year}年度新收政府信息公开申请（件）`,
                shown.map((r) => ({ label: r.agency.name, value: r.figures.applications })),
              )}
              ${shareChart(
                `${year}年度办理结果构成`,
                OUTCOME_GROUPS.map(([, label]) => label),
                shown.map((r) => ({
                  label: r.agency.name,
                  values: OUTCOME_GROUPS.map(([g]) => r.figures.outcomes[g]),
                })),
              )}
              ${barChart(
                `${year}年度行政复议和行政诉讼（件）`,
                shown.map((r) => ({
                  label: r.agency.name,
                  value: r.figures.reconsiderations + r.figures.lawsuits,
                })),
              )}
              <table class="list">
                <tr>
                  <th>机关</th>
                  <th>新收申请</th>
                  <th>办结</th>
                  ${OUTCOME_GROUPS.map(([, label]) => html`<th>${label}</th>`)}
                  <th>行政复议</th>
                  <th>行政诉讼</th>
                  <th>结果被纠正</th>
                  <th>逾期答复</th>
                </tr>
                ${rows.map(
                  (r) =>
                    html`<tr>
                      <td><a href="/agencies/${r.agency.id}/published-reports/trend">${r.agency.name}</a></td>
                      <td>${r.figures.applications}</td>
                      <td>${r.figures.completed}</td>
                      ${OUTCOME_GROUPS.map(([g]) => html`<td>${r.figures.outcomes[g]}</td>`)}
                      <td>${r.figures.reconsiderations}</td>
                      <td>${r.figures.lawsuits}</td>
                      <td>${r.figures.corrected}</td>
                      <td>${r.overdue}</td>
                    </tr>`,
                )}
              </table>`
      }`;
    return reply.type('text/html; charset=utf-8').send(page('年度报告横向比较', body));
  });

  app.get('/agencies/:agencyId/published-reports/trend', async (request, reply) => {
    const { agencyId } = parseInput(agencyParams, request.params);
    const agency = await deps.findAgency(agencyId);
    const reports = agency ? await deps.latestPerYear(agencyId) : [];
    if (!agency || reports.length === 0)
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(
          notFoundPage(`${agency?.name ?? agencyId}尚无已报送的年度报告`, {
            href: '/published-reports',
            label: '已发布的年度报告',
          }),
        );
    const years = reports.map((r, i) => ({
      year: r.year,
      figures: comparedFigures(r.report),
      overdue: overdueOf(r),
      repeated:
        i > 0 && reports[i - 1]!.year === r.year - 1
          ? repeatedShare(writtenText(r.report), writtenText(reports[i - 1]!.report))
          : undefined,
    }));
    // Years in both formats: what the two share is compared; what they do not is said.
    const bothFormats = new Set(reports.map((r) => r.report.format)).size > 1;
    const body = html`<nav class="crumbs"><a href="/published-reports">已发布的年度报告</a></nav>
      <h1>${agency.name}：历年年度报告比较</h1>
      ${
        bothFormats
          ? html`<p role="note" class="format-note">
              2019、2020年度报告使用2019年格式（国办公开办函〔2019〕60号），2021年度起使用2021年格式。下表比较两种格式口径相同的表三、表四数字（2019年格式的“（六）其他处理”为一行，与2021年格式三项之和比较）；两种格式的表二统计口径不同（如“对外公开总数量”与“现行有效件数”），不作比较。
            </p>`
          : ''
      }
      ${barChart(
        '新收政府信息公开申请（件）',
        years.map((y) => ({ label: `${y.year}年度`, value: y.figures.applications })),
      )}
      ${shareChart(
        '办理结果构成',
        OUTCOME_GROUPS.map(([, label]) => label),
        years.map((y) => ({
          label: `${y.year}年度`,
          values: OUTCOME_GROUPS.map(([g]) => y.figures.outcomes[g]),
        })),
      )}
      <table class="list">
        <tr>
          <th>年度</th>
          <th>新收申请</th>
          <th>上年结转</th>
          <th>办结</th>
          <th>结转下年度</th>
          <th>行政复议</th>
          <th>行政诉讼</th>
          <th>结果被纠正</th>
          <th>逾期答复</th>
          <th>正文与上年重复</th>
        </tr>
        ${years.map(
          (y) =>
            html`<tr>
              <td><a href="/agencies/${agencyId}/published-reports/${y.year}">${y.year}</a></td>
              <td>${y.figures.applications}</td>
              <td>${y.figures.carriedIn}</td>
              <td>${y.figures.completed}</td>
              <td>${y.figures.carriedOut}</td>
              <td>${y.figures.reconsiderations}</td>
              <td>${y.figures.lawsuits}</td>
              <td>${y.figures.corrected}</td>
              <td>${y.overdue}</td>
              <td>${y.repeated === undefined ? '—' : percent(y.repeated)}</td>
            </tr>`,
        )}
      </table>
      <p class="hint">
        “正文与上年重复”：本年正文中与上一年度报告逐句相同（数字除外）的文字所占比例；评估中超过 50%
        通常扣分。
      </p>`;
    return reply.type('text/html; charset=utf-8').send(page(`${agency.name}历年年度报告比较`, body));
  });
}
