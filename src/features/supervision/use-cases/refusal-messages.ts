/** Every refusal of the season and filing use cases as one Chinese sentence (API, console and CLI alike). */
import { filingRefusalMessage } from '../domain/filing-decision.ts';
import type { SupervisionRefusal } from './filing-service.ts';

const SECTION_NUMBERS: Record<string, string> = { s1: '一', s5: '五', s6: '六' };

export function supervisionRefusalMessage(refusal: SupervisionRefusal): string {
  switch (refusal.code) {
    case 'report-has-errors':
    case 'warnings-unexplained':
      return filingRefusalMessage(refusal);
    case 'invalid-deadline':
      return refusal.reason;
    case 'season-exists':
      return `${refusal.year} 年度的报送工作已经开启`;
    case 'agency-not-found':
      return `没有机关“${refusal.agencyId}”`;
    case 'season-not-found':
      return `尚未开启 ${refusal.year} 年度的报送工作`;
    case 'year-out-of-range':
      return refusal.reason;
    case 'already-filed':
      return `该年度报告已报送（第 ${refusal.version} 版）并锁定；如需更正，请提出更正申请`;
    case 'children-not-filed':
      return `下级机关尚未报送：${refusal.missing.map((m) => m.name).join('、')}；全部报送后才能汇总报送`;
    case 'children-other-format':
      return `下级机关报告格式不同，无法汇总：${refusal.agencies.map((m) => m.name).join('、')}`;
    case 'cells-unread':
      return `文件中有 ${refusal.cells.length} 个单元格未能读出（${refusal.labels.slice(0, 4).join('；')}${
        refusal.labels.length > 4 ? ' 等' : ''
      }）：请对照报告原文填写这些单元格后再报送`;
    case 'format-mismatch':
      return `文件是 ${refusal.format} 格式，该年度应使用 ${refusal.expected} 格式`;
    case 'year-mismatch':
      return `文件写明的是 ${refusal.stated} 年度报告，不是 ${refusal.year} 年度`;
    case 'not-filed':
      return '该年度报告尚未报送或已在更正中，无需申请更正';
    case 'correction-pending':
      return '已有一项更正申请待审批';
    case 'correction-not-found':
      return `没有更正申请 ${refusal.correctionId}`;
    case 'correction-decided':
      return '该更正申请已经审批';
    case 'own-correction':
      return '不能审批自己提出的更正申请';
    case 'reason-too-short':
      return '请写明更正的理由（至少 10 个字）';
    case 'not-below-supervisor':
      return `这些机关不在本机关之下：${refusal.agencyIds.join('、')}`;
    case 'concurrent-filing':
      return '该报告刚被他人报送，请刷新后查看';
    case 'sections-unfinished':
      return `正文第${refusal.sections.map((s) => SECTION_NUMBERS[s] ?? s).join('、')}部分还有未填写的提示语（括号中的“请填写……”），请写完后再报送`;
  }
}
