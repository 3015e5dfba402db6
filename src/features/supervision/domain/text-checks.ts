/**
 * The rules that read the report's own words, run on the text actually filed: R8 (the figures sections
 * 一, 五 and 六 state — 新收, 结转, 办结, 行政复议, 行政诉讼 — equal the tables) and R10 (a fee collected in
 * the year is reported in section 六). A report built from records is checked before its text is
 * written; at filing, these two are checked again on the text, and a mismatch is a warning to explain.
 */
import {
  checkTextRules,
  type AnnualReport,
  type CheckResult,
  type SectionId,
} from '../../annual-report/index.ts';
import { statedFigures } from '../../report-import/domain/report-prose.ts';

const TEXT_RULES = /^R(8|10)\./;

export function checksOnFiledText(
  report: Pick<AnnualReport, 'format' | 'cells' | 'checks' | 'fees'>,
  sections: Readonly<Partial<Record<SectionId, string>>>,
): CheckResult[] {
  const prose = (['s1', 's5', 's6'] as const).map((id) => sections[id] ?? '').join('\n');
  const fees = report.fees;
  const onText = checkTextRules(
    { format: report.format, cells: report.cells, sections },
    {
      statedFigures: statedFigures(prose),
      ...(fees
        ? {
            processingFees: {
              collectedCount: fees.paidCount,
              collectedYuan: fees.paidYuan,
              noticesIssued: fees.noticesIssued,
            },
          }
        : {}),
    },
  ).filter((c) => TEXT_RULES.test(c.rule));
  return [...report.checks.filter((c) => !TEXT_RULES.test(c.rule)), ...onText];
}
