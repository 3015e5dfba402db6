/** A complete reply content for each outcome, as an officer fills it in: for the demo and for tests. */
import type { OutcomeRow } from '../features/annual-report/index.ts';
import type { ReplyContent } from '../features/requests/domain/reply-content.ts';

const DEMO_REASONS: Readonly<Partial<Record<OutcomeRow, string>>> = {
  r3_3_1: '所申请的文件已由定密责任人确定为秘密级国家秘密，保密期限尚未届满',
  r3_3_2: '所申请的信息属于《中华人民共和国统计法》规定不得对外提供的能够识别单个统计调查对象的资料',
  r3_3_3: '所申请的信息涉及尚在处置中的突发事件应对方案，公开后可能影响社会稳定',
  r3_3_4: '所申请的信息包含企业的成本构成和工艺参数，属于商业秘密，第三方不同意公开',
  r3_3_5: '所申请的信息为本机关内部人员考勤和工作分工安排，属于人事管理信息',
  r3_3_6: '所申请的信息为起草过程中的征求意见稿和内部讨论记录，尚未形成正式文件',
  r3_3_7: '所申请的信息为行政处罚案件的调查询问笔录，属于行政执法案卷信息',
  r3_5_4: '本机关要求您说明理由后，您在一个月内就同类信息提出申请四十余件，所述理由不能说明其合理性',
  r3_5_5: '您申请本机关对您持有的复印件加盖公章予以确认，该事项不属于获取已有政府信息的申请',
  r3_6_3:
    '您申请更正本机关掌握的有关您的个人信息，属于《中华人民共和国政府信息公开条例》第四十一条规定的事项，本机关另行处理',
};

export function completeReplyContent(outcome: OutcomeRow): ReplyContent {
  switch (outcome) {
    case 'r3_1':
      return { variant: 'provided', disclosed: '《示范市2024年度环境影响评价批复》（示环审〔2024〕12号）' };
    case 'r3_2':
      return {
        disclosed: '批复正文',
        withheld: '附件三中企业的工艺参数',
        withheldGround: 'r3_3_4',
        reasons: '该部分属于企业的商业秘密，第三方不同意公开',
      };
    case 'r3_3_8':
      return { whereToObtain: '不动产登记资料查询，可到示范市不动产登记中心（示范路1号）办理' };
    case 'r3_4_1':
      return { variant: 'not-held' };
    case 'r3_5_1':
      return { whereToObtain: '示范市信访局（示范路2号，电话 0000-12345）' };
    case 'r3_5_2':
      return { earlierReply: '本机关于2024年3月5日作出的示范局依申请公开〔2024〕第3号答复' };
    case 'r3_5_3':
      return { whereToObtain: '《示范市人民政府公报》2024年第6期，可在市图书馆查阅' };
    default:
      return outcome.startsWith('r3_3_') || ['r3_5_4', 'r3_5_5', 'r3_6_3'].includes(outcome)
        ? { reasons: DEMO_REASONS[outcome] ?? '经审查，该申请不符合政府信息公开申请的条件' }
        : {};
  }
}
