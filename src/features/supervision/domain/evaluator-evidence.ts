/**
 * 评估佐证: per agency and year, the figures evaluators score — replies on time, proactive publication
 * on time, the interpretation rate, public messages answered on time, the annual report filed on time —
 * with what each is counted from, as the rows of one document.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

export interface EvaluatorEvidence {
  readonly agency: { readonly id: string; readonly name: string };
  readonly year: number;
  readonly generatedOn: IsoDate;
  /** Cases handled in gongkai and answered in the year (ledger records carry no deadline). */
  readonly replies: { readonly replied: number; readonly onTime: number };
  readonly publication: {
    readonly onTimeShare: number | undefined;
    readonly publishedLate: number;
    readonly overdue: number;
  };
  readonly interpretation: {
    readonly documents: number;
    readonly interpreted: number;
    readonly withinWorkingDays: number;
  };
  readonly messages: {
    readonly received: number;
    readonly answered: number;
    readonly answeredOnTime: number;
  };
  readonly report: {
    readonly deadline: IsoDate;
    /** Set by the supervising office's season, or the law's date (第四十九条). */
    readonly deadlineSource: 'season' | 'law';
    readonly firstFiledOn?: IsoDate;
    readonly latestVersion?: number;
    readonly corrections: number;
  };
}

export interface EvidenceRow {
  readonly indicator: string;
  readonly value: string;
  readonly basis: string;
}

const share = (part: number, whole: number) =>
  whole === 0 ? '无可计算的事项' : `${Math.round((part / whole) * 1000) / 10}%（${part}/${whole}）`;

export function evidenceRows(evidence: EvaluatorEvidence): EvidenceRow[] {
  const { replies, publication, interpretation, messages, report } = evidence;
  return [
    {
      indicator: '依申请公开按时答复率',
      value: share(replies.onTime, replies.replied),
      basis: `${evidence.year}年内答复的申请中，在法定期限（含延期、补正和征求意见的扣除）内答复的比例；只统计在本系统办理的申请`,
    },
    {
      indicator: '主动公开及时率',
      value:
        publication.onTimeShare === undefined
          ? '无可计算的事项'
          : `${Math.round(publication.onTimeShare * 1000) / 10}%（逾期发布 ${publication.publishedLate} 件，逾期未发布 ${publication.overdue} 件）`,
      basis:
        '属于主动公开的政府信息自形成或变更之日起20个工作日内（或本机关更严的时限）公开的比例（第二十六条）',
    },
    {
      indicator: '政策解读率',
      value: share(interpretation.interpreted, interpretation.documents),
      // withinWorkingDays is the agency's window, not a count.
      basis: `${evidence.year}年制发的规范性文件中，在印发之日起 ${interpretation.withinWorkingDays} 个工作日内（本机关规定的期限）发布配套解读的比例`,
    },
    {
      indicator: '公众留言按时答复率',
      value: share(messages.answeredOnTime, messages.received),
      basis: `${evidence.year}年收到的留言 ${messages.received} 条，已答复 ${messages.answered} 条，在本机关规定的答复期限内答复 ${messages.answeredOnTime} 条`,
    },
    {
      indicator: '年度报告按时报送',
      value: report.firstFiledOn
        ? `${report.firstFiledOn <= report.deadline ? '按时' : '逾期'}（${report.firstFiledOn} 报送，截止 ${report.deadline}）${
            report.corrections > 0
              ? `，其后更正 ${report.corrections} 次，现为第 ${report.latestVersion} 版`
              : ''
          }`
        : `尚未报送（截止 ${report.deadline}）`,
      basis:
        report.deadlineSource === 'season'
          ? '上级政府信息公开工作主管部门规定的报送截止日期'
          : '《条例》第四十九条规定的公布期限',
    },
  ];
}
