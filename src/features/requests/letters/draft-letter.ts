/**
 * The wording of each letter, drawn from the case (application-lifecycle.md §10, §11). No national norm
 * fixes the wording [U]; this follows the minimum contents the law requires: the request as understood,
 * the outcome and its legal ground, and the remedies — with compulsory reconsideration (复议前置) for
 * 不予公开 and the withheld part of 部分公开 since the 2023 行政复议法 took effect on 2024-01-01.
 */
import { outcomeLabel, type OutcomeRow } from '../../annual-report/index.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { DisclosureCase } from '../domain/disclosure-case.ts';
import { OUTCOME_LEGAL_BASIS } from '../domain/outcome-legal-basis.ts';
import { LETTER_TITLES, type Letter, type LetterKind, type LetterParagraph } from './letter.ts';

export interface LetterContext {
  readonly agencyName: string;
  /** The reconsideration organ named in the remedy notice (行政复议法 第二十四条, 第二十七条). */
  readonly reconsiderationOrgan: string;
  readonly today: IsoDate;
}

export type LetterRefusal = {
  readonly code: 'letter-not-applicable';
  readonly kind: LetterKind;
  readonly reason: string;
};

function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const COMPULSORY_RECONSIDERATION_SINCE = '2024-01-01';

function remedy(outcome: OutcomeRow, context: LetterContext, repliedOn: IsoDate): string {
  const withheld = outcome === 'r3_2' || outcome.startsWith('r3_3_');
  if (withheld && repliedOn >= COMPULSORY_RECONSIDERATION_SINCE) {
    return (
      `如对本机关不予公开政府信息的决定不服，根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，应当先向${context.reconsiderationOrgan}申请行政复议，` +
      `申请期限为自收到本告知书之日起六十日内；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。`
    );
  }
  return (
    `如对本答复不服，可以自收到本告知书之日起六十日内向${context.reconsiderationOrgan}申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼；` +
    `也可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报（《中华人民共和国政府信息公开条例》第五十一条）。`
  );
}

/** How a reply states each 不予公开 ground (第十四、十五、十六条, 第三十六条（七）). */
const WITHHELD_BECAUSE: Readonly<Partial<Record<OutcomeRow, string>>> = {
  r3_3_1: '属于国家秘密',
  r3_3_2: '属于法律、行政法规禁止公开的信息',
  r3_3_3: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  r3_3_4: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
  r3_3_5: '属于人事管理、后勤管理、内部工作流程等内部事务信息',
  r3_3_6: '属于讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  r3_3_7: '属于行政执法案卷信息',
  r3_3_8: '属于可以通过法定查询程序获取的信息，请依照有关法律、行政法规的规定办理',
};

function outcomeParagraph(outcome: OutcomeRow, basis: string): { text: string; toWrite: string[] } {
  const label =
    WITHHELD_BECAUSE[outcome] ?? outcomeLabel(outcome).replace(/^[（(][一二三四五六七][)）]|^\d+\./, '');
  if (outcome === 'r3_1')
    return {
      text: `经审查，您申请获取的政府信息属于公开范围。根据${basis}的规定，本机关予以公开。`,
      toWrite: ['写明提供信息的方式、途径和时间，或告知获取该信息的方式和途径'],
    };
  if (outcome === 'r3_2')
    return {
      text: `经审查，您申请获取的政府信息中有不应当公开的内容，但能够作区分处理。根据${basis}的规定，本机关向您提供可以公开的部分，对不予公开的部分说明理由如下。`,
      toWrite: ['写明不予公开部分的内容及理由'],
    };
  if (outcome.startsWith('r3_3_'))
    return {
      text: `经审查，您申请获取的政府信息${label}。根据${basis}的规定，本机关不予公开。`,
      toWrite: ['写明不予公开的具体理由'],
    };
  if (outcome === 'r3_4_1')
    return {
      text: `经检索查找，本机关未制作或者获取您申请的政府信息。根据${basis}的规定，特此告知。`,
      toWrite: ['能够确定负责公开该信息的行政机关的，写明其名称、联系方式'],
    };
  if (outcome === 'r3_4_2')
    return {
      text: `您申请获取的政府信息需要本机关对现有政府信息进行加工、分析才能形成。根据${basis}的规定，本机关不予提供。`,
      toWrite: [],
    };
  if (outcome === 'r3_4_3')
    return {
      text: `您补正后的申请内容仍不明确，本机关无法确定您所需要的政府信息。根据${basis}的规定，本机关无法提供。`,
      toWrite: [],
    };
  if (outcome.startsWith('r3_5_'))
    return {
      text: `您的申请属于${label}的情形。根据${basis}的规定，本机关不作为政府信息公开申请处理。`,
      toWrite: ['写明可以通过的其他渠道（如有）'],
    };
  return { text: `根据${basis}的规定，本机关对您的申请作如下处理。`, toWrite: ['写明处理情况'] };
}

function frame(
  kind: LetterKind,
  request: DisclosureCase,
  context: LetterContext,
  paragraphs: string[],
  toWrite: string[],
  /** Where the places to write go: after this many paragraphs (default: at the end). */
  insertAt: number = paragraphs.length,
): Letter {
  const text = (t: string): LetterParagraph => ({ kind: 'text', text: t });
  const toFill = toWrite.map((t): LetterParagraph => ({ kind: 'to-write', text: `（${t}）` }));
  return {
    kind,
    title: LETTER_TITLES[kind],
    reference: `${request.id}号`,
    addressee: `${request.applicant.name}：`,
    paragraphs: [
      ...paragraphs.slice(0, insertAt).map(text),
      ...toFill,
      ...paragraphs.slice(insertAt).map(text),
    ],
    signature: context.agencyName,
    dateLine: chineseDate(context.today),
  };
}

function receipt(request: DisclosureCase): string {
  const received = request.receivedOn ? chineseDate(request.receivedOn) : chineseDate(request.submittedOn);
  return `本机关于${received}收到您提出的政府信息公开申请，您申请获取“${request.application.description}”。`;
}

export function draftLetter(
  kind: LetterKind,
  request: DisclosureCase,
  context: LetterContext,
): Result<Letter, LetterRefusal> {
  const notApplicable = (reason: string) => err({ code: 'letter-not-applicable' as const, kind, reason });
  switch (kind) {
    case 'reply': {
      if (request.closedBy !== 'reply' || !request.outcome || !request.completedOn)
        return notApplicable('该申请尚未答复');
      const basis = request.legalBasis ?? OUTCOME_LEGAL_BASIS[request.outcome];
      const corrected = request.clarification?.receivedOn
        ? `经补正，本机关于${chineseDate(request.clarification.receivedOn)}收到补正后的申请。`
        : '';
      const body = outcomeParagraph(request.outcome, basis);
      return ok(
        frame(
          kind,
          request,
          { ...context, today: request.completedOn },
          [receipt(request) + corrected, body.text, remedy(request.outcome, context, request.completedOn)],
          body.toWrite,
          2,
        ),
      );
    }
    case 'clarification-notice': {
      const c = request.clarification;
      if (!c) return notApplicable('该申请没有补正');
      return ok(
        frame(
          kind,
          request,
          { ...context, today: c.requestedOn },
          [
            receipt(request),
            `经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您作出补正，需要补正的事项如下：${c.items}`,
            `请于${chineseDate(c.periodEndsOn)}前（${c.periodWorkingDays}个工作日内）提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
          ],
          [],
        ),
      );
    }
    case 'extension-notice': {
      const e = request.extension;
      if (!e) return notApplicable('该申请没有延期');
      return ok(
        frame(
          kind,
          request,
          { ...context, today: e.noticeSentOn },
          [
            receipt(request),
            `因需要较长时间办理，经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长${e.workingDays}个工作日。`,
          ],
          ['写明延期的理由'],
        ),
      );
    }
    case 'consultation-letter': {
      const c = request.consultations.at(-1);
      if (!c) return notApplicable('该申请没有征求意见');
      const article = c.party === 'third-party' ? '第三十二条' : '第三十四条';
      const silence =
        c.party === 'third-party'
          ? '逾期未提出意见的，由本机关依照条例的规定决定是否公开。'
          : '逾期未提出意见的，视为同意公开。';
      return ok({
        ...frame(
          kind,
          request,
          { ...context, today: c.issuedOn },
          [
            `本机关收到一项政府信息公开申请，申请获取“${request.application.description}”。该信息的公开可能涉及贵方，根据《中华人民共和国政府信息公开条例》${article}的规定，现书面征求贵方意见。`,
            `请于收到本征求意见书之日起15个工作日内（${chineseDate(c.answerDueOn)}前）提出意见。${silence}`,
          ],
          ['附所涉信息的内容或摘要'],
          1,
        ),
        addressee: `${c.partyName}：`,
      });
    }
    case 'fee-notice': {
      const fee = request.fees.at(-1);
      if (!fee) return notApplicable('该申请没有收费');
      const method = fee.method === 'per-application' ? '按件计收' : '按量计收';
      return ok(
        frame(
          kind,
          request,
          { ...context, today: fee.issuedOn },
          [
            receipt(request),
            `根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》的规定，本机关对您的申请${method}收取信息处理费，金额为人民币${fee.amountYuan}元。`,
            `请自收到本通知之日起20个工作日内（${chineseDate(fee.payByOn)}前）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
          ],
          ['写明计费依据（申请件数或页数）和缴费方式'],
          2,
        ),
      );
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown letter ${String(never)}`);
    }
  }
}
