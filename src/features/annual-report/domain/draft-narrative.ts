/**
 * Draft sentences for the report's text sections: the figures the narrative must state (R8 pairs:
 * received, carried over, answered, carried out, reconsiderations, lawsuits) written from the tables,
 * so text and tables cannot disagree, and marked places for what only the agency can write.
 */
import type { AnnualReport } from './annual-report.ts';
import { reportFormat, type SectionId } from './report-format.ts';
import type { ProactiveActivity, ProcessingFeeFacts, WorkActivityItem } from './report-facts.ts';
import { workSentence } from './work-sentences.ts';

export interface NarrativeParagraph {
  readonly kind: 'generated' | 'to-write';
  readonly text: string;
  /** The records a generated sentence rests on (the office's work records), where it names them. */
  readonly sources?: readonly string[];
}

export type Narrative = Readonly<Record<SectionId, readonly NarrativeParagraph[]>>;

function sum(cells: Readonly<Record<string, number>>, ids: readonly string[]): number {
  return ids.reduce((total, id) => total + (cells[id] ?? 0), 0);
}

function leafTotal(report: Pick<AnnualReport, 'format' | 'cells'>, prefix: string): number {
  const leaves = reportFormat(report.format).resultLeafRows.filter(
    (r) => r === prefix || r.startsWith(`${prefix}_`),
  );
  return sum(
    report.cells,
    leaves.map((r) => `t3.${r}.total`),
  );
}

function requestsSentence(report: Pick<AnnualReport, 'format' | 'cells'>): string {
  const c = report.cells;
  const n = (id: string) => c[id] ?? 0;
  return (
    `本年新收政府信息公开申请${n('t3.r1.total')}件，上年结转${n('t3.r2.total')}件；本年办结${n('t3.r3_7.total')}件，其中予以公开${n('t3.r3_1.total')}件、` +
    `部分公开${n('t3.r3_2.total')}件、不予公开${leafTotal(report, 'r3_3')}件、无法提供${leafTotal(report, 'r3_4')}件、不予处理${leafTotal(report, 'r3_5')}件、` +
    `其他处理${leafTotal(report, 'r3_6')}件；结转下年度继续办理${n('t3.r4.total')}件。`
  );
}

function proceedingsSentence(cells: Readonly<Record<string, number>>): string {
  const lawsuits = sum(cells, ['t4.lit_direct.total', 't4.lit_after_review.total']);
  const corrected = sum(cells, [
    't4.review.corrected',
    't4.lit_direct.corrected',
    't4.lit_after_review.corrected',
  ]);
  return `本年因政府信息公开引起行政复议${cells['t4.review.total'] ?? 0}件、行政诉讼${lawsuits}件，其中结果被纠正${corrected}件。`;
}

function proactiveSentence(report: Pick<AnnualReport, 'format' | 'cells'>): string | undefined {
  if (report.format !== '2021') return undefined;
  const n = (id: string) => report.cells[id] ?? 0;
  return (
    `本年制发规章${n('t2.regulations.made')}件、行政规范性文件${n('t2.normative_docs.made')}件，废止规章${n('t2.regulations.repealed')}件、` +
    `行政规范性文件${n('t2.normative_docs.repealed')}件；截至年底，现行有效规章${n('t2.regulations.in_force')}件、行政规范性文件${n('t2.normative_docs.in_force')}件。`
  );
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 1000) / 10}%`;
}

/** Publications by category, interpretations and their rate, messages: what the records hold. */
function activitySentences(activity: ProactiveActivity | undefined): string {
  if (!activity) return '';
  const sentences: string[] = [];
  const total = activity.publications.reduce((sum, p) => sum + p.count, 0);
  if (total > 0) {
    const parts = [...activity.publications]
      .sort((a, b) => b.count - a.count)
      .map((p) => `${p.category}${p.count}条`);
    sentences.push(`本年通过政府信息公开平台主动公开政府信息${total}条，其中${parts.join('、')}。`);
  }
  const i = activity.interpretations;
  if (i.published > 0 || i.documents > 0) {
    const rate =
      i.documents > 0
        ? `本年制发的${i.documents}件规章和行政规范性文件中，${i.interpreted}件在印发后${i.withinWorkingDays}个工作日内同步发布解读，解读率${percent(i.interpreted, i.documents)}。`
        : '';
    sentences.push(`发布政策解读${i.published}篇。${rate}`);
  }
  const m = activity.messages;
  if (m.received > 0)
    sentences.push(`收到公众留言${m.received}件，已答复${m.answered}件，其中按期答复${m.answeredOnTime}件。`);
  return sentences.join('');
}

const yuanText = (yuan: number) => `${Math.round(yuan * 100) / 100}元`;

/** Section 六's fee paragraph (《政府信息公开信息处理费管理办法》), from the year's fee records. */
function feeSentence(fees: ProcessingFeeFacts): string {
  if (fees.noticesIssued + fees.paidCount + fees.waivedCount + fees.lapsedCount === 0)
    return '本年度未发出信息处理费收费通知，未收取信息处理费。';
  return (
    `本年度依据《政府信息公开信息处理费管理办法》发出收费通知${fees.noticesIssued}件、金额${yuanText(fees.noticedYuan)}，` +
    `实际收取信息处理费${fees.paidCount}件、共${yuanText(fees.paidYuan)}，减免${fees.waivedCount}件；` +
    `因申请人逾期未缴费不再处理的申请${fees.lapsedCount}件。`
  );
}

/** A part of section 一 from the office's work records, or its prompt when it has none. */
function part(
  heading: string,
  which: WorkActivityItem['part'],
  prompt: string,
  work: readonly WorkActivityItem[] | undefined,
): NarrativeParagraph {
  const drafted = workSentence(work, which);
  return drafted
    ? { kind: 'generated', text: `${heading}${drafted.text}`, sources: drafted.sources }
    : { kind: 'to-write', text: `${heading}${prompt}` };
}

export function draftNarrative(
  report: Pick<AnnualReport, 'format' | 'cells' | 'year' | 'agency' | 'proactive' | 'fees' | 'work'>,
): Narrative {
  const proactive = activitySentences(report.proactive) + (proactiveSentence(report) ?? '');
  return {
    s1: [
      {
        kind: 'to-write',
        text: `（请概述${report.year}年本机关贯彻落实《中华人民共和国政府信息公开条例》的总体情况。）`,
      },
      { kind: 'generated', text: `（一）主动公开情况。${proactive ?? ''}` },
      { kind: 'to-write', text: '（请补充主动公开的重点领域、政策解读等情况。）' },
      {
        kind: 'generated',
        text: `（二）依申请公开情况。${requestsSentence(report)}${proceedingsSentence(report.cells)}`,
      },
      part('（三）政府信息管理情况。', 'management', '（请填写。）', report.work),
      part('（四）政府信息公开平台建设情况。', 'platform', '（请填写。）', report.work),
      part(
        '（五）监督保障情况。',
        'oversight',
        '（请填写；人民政府应包括工作考核、社会评议和责任追究结果情况。）',
        report.work,
      ),
    ],
    s2: [],
    s3: [],
    s4: [],
    s5: [{ kind: 'to-write', text: '（请填写本年度存在的主要问题及改进情况，不宜空缺或仅写“无”。）' }],
    s6: report.fees
      ? [
          { kind: 'generated', text: feeSentence(report.fees) },
          { kind: 'to-write', text: '（请填写其他需要报告的事项；没有的，写明“无其他需要报告的事项”。）' },
        ]
      : [{ kind: 'to-write', text: '（请填写本年度收取信息处理费的件数和金额，以及其他需要报告的事项。）' }],
  };
}
