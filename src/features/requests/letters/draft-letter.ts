/**
 * Each letter, drawn from the case (application-lifecycle.md §10, §11). No national norm fixes the
 * wording [U]; each letter holds what the law requires of it — the request as understood, the act and
 * its ground, the dates, the remedies right for the agency's level and the act's date — with the
 * agency's 文号, contact, signature, seal and date. Where the record cannot complete a letter, it is
 * refused with what is missing; a letter never carries a blank for someone to fill in.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { yearOf, type IsoDate } from '../../../shared/domain/iso-date.ts';
import type { WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import type { GuideContact } from '../../proactive-disclosure/domain/disclosure-settings.ts';
import type { DisclosureCase } from '../domain/disclosure-case.ts';
import { OUTCOME_LEGAL_BASIS } from '../domain/outcome-legal-basis.ts';
import { replyDeadline } from '../domain/reply-deadline.ts';
import { LETTER_TITLES, type Letter, type LetterKind } from './letter.ts';
import { thirdPartyObjected, type LetterSource } from './letter-sources.ts';
import { missingReplyContent } from '../domain/reply-content.ts';
import { chineseDate, sentence } from './letter-text.ts';
import type { ReconsiderationOrgans } from './reconsideration-organ.ts';
import { remedyParagraphs } from './remedy-notice.ts';
import { outcomeParagraphs, overObjectionSentence } from './reply-wording.ts';
import { closingParagraphs, thirdPartyNoticeParagraphs } from './closing-wording.ts';

const OGI = '《中华人民共和国政府信息公开条例》';

export interface LetterContext {
  readonly agencyName: string;
  /** The letter's 文号, as the agency's series numbered it. */
  readonly reference: string;
  /** Undefined when neither the hierarchy nor the agency's settings say (the letter is then refused). */
  readonly organs: ReconsiderationOrgans | undefined;
  readonly contact: GuideContact | undefined;
  /** The agency's usual way to pay a fee, for notices recorded before each notice stated its own. */
  readonly feePayment?: string;
  /** The calendar as it stands: to tell which of the letter's dates are provisional. */
  readonly calendar: WorkCalendar;
}

export type LetterRefusal = {
  readonly code: 'letter-not-applicable' | 'letter-needs-setting';
  readonly kind: LetterKind;
  readonly reason: string;
};

function receipt(request: DisclosureCase): string {
  const received = chineseDate(request.receivedOn ?? request.submittedOn);
  return `本机关于${received}收到您提出的政府信息公开申请（申请编号：${request.id}），您申请获取“${request.application.description}”。`;
}

function contactLines(contact: GuideContact | undefined): string[] {
  if (!contact) return [];
  return [
    `联系机构：${contact.office}`,
    `地址：${contact.address}${contact.postcode ? `（邮编：${contact.postcode}）` : ''}`,
    `联系电话：${contact.phone}`,
    ...(contact.email ? [`电子邮箱：${contact.email}`] : []),
    `办公时间：${contact.hours}`,
  ];
}

/** A note for each date the letter states that rests on a year without the State Council's notice. */
function provisionalNotes(dates: readonly (IsoDate | undefined)[], calendar: WorkCalendar): string[] {
  const unknown = dates.filter((d): d is IsoDate => d !== undefined && !calendar.years.has(yearOf(d)));
  if (unknown.length === 0) return [];
  return [
    `注：${unknown.map(chineseDate).join('、')}所在年度的放假安排尚未公布，该日期按法定节假日推算（暂定）；如国务院办公厅公布的放假安排使其变动，以调整后的日期为准，本机关将另行告知。`,
  ];
}

interface Body {
  readonly addressee?: string;
  readonly paragraphs: readonly string[];
  /** Dates the letter counts in working days, checked against the calendar. */
  readonly counted?: readonly (IsoDate | undefined)[];
  /** Whether the letter carries the remedies (the acts that can be challenged). */
  readonly needsOrgan?: boolean;
}

type BodyResult = Result<Body, string>;

function replyBody(request: DisclosureCase, context: LetterContext): BodyResult {
  if (request.closedBy !== 'reply' || !request.outcome || !request.completedOn) return err('该申请尚未答复');
  if (!context.organs) return ok({ paragraphs: [], needsOrgan: true });
  const content = request.replyContent ?? {};
  // A reply recorded before its content was asked for may lack what its letter states: refused, not blank.
  const lacking = missingReplyContent(request.outcome, content, thirdPartyObjected(request));
  if (lacking) return err(`该答复的记录缺少“${lacking.label}”，无法出具完整的答复告知书`);
  const basis = request.legalBasis ?? OUTCOME_LEGAL_BASIS[request.outcome];
  const c = request.clarification;
  const corrected = c?.receivedOn
    ? `经补正，本机关于${chineseDate(c.receivedOn)}收到补正后的申请${c.correctedDescription ? `，您申请获取“${c.correctedDescription}”` : ''}。`
    : '';
  const overObjection = content.overObjectionReason ? [overObjectionSentence(content)] : [];
  return ok({
    paragraphs: [
      receipt(request) + corrected,
      ...outcomeParagraphs(request, request.outcome, basis, content, context.contact),
      ...overObjection,
      ...remedyParagraphs(request.outcome, request.completedOn, context.organs),
    ],
    needsOrgan: true,
  });
}

function extensionBody(request: DisclosureCase, context: LetterContext): BodyResult {
  const e = request.extension;
  if (!e) return err('该申请没有延期');
  if (!e.reason) return err('延期没有记录理由，无法告知申请人');
  const deadline = replyDeadline(request, context.calendar);
  const dueOn = e.dueOn ?? (deadline.kind === 'running' ? deadline.dueOn : undefined);
  if (!dueOn) return err('无法确定延长后的答复期限');
  return ok({
    paragraphs: [
      receipt(request),
      `因${e.reason.replace(/[。．.]+$/u, '')}，本机关需要延长答复期限。经本机关政府信息公开工作机构负责人同意，根据${OGI}第三十三条第二款的规定，答复期限延长${e.workingDays}个工作日，延长后的答复期限至${chineseDate(dueOn)}。`,
    ],
    counted: [dueOn],
  });
}

function consultationBody(request: DisclosureCase, source: LetterSource): BodyResult {
  const c = request.consultations.find((x) => x.seq === source.seq);
  if (!c) return err('该申请没有这项征求意见');
  const thirdParty = c.party === 'third-party';
  const subject = c.subject ?? `申请人申请获取的“${request.application.description}”`;
  return ok({
    addressee: c.partyName,
    paragraphs: [
      thirdParty
        ? `本机关收到一项政府信息公开申请。经审查，申请公开的政府信息涉及贵方，公开可能损害贵方的合法权益。根据${OGI}第三十二条的规定，现书面征求贵方意见。`
        : `本机关收到一项政府信息公开申请。经审查，申请公开的政府信息由本机关与贵机关共同制作。根据${OGI}第三十四条的规定，现征求贵机关意见。`,
      `所涉信息：${sentence(subject)}`,
      `请于收到本征求意见书之日起15个工作日内（${chineseDate(c.answerDueOn)}前）书面提出意见${thirdParty ? '；不同意公开的，请说明理由' : ''}。` +
        (thirdParty
          ? '逾期未提出意见的，由本机关依照条例的规定决定是否公开。'
          : '逾期未提出意见的，视为同意公开。'),
    ],
    counted: [c.answerDueOn],
  });
}

function feeBody(request: DisclosureCase, source: LetterSource, context: LetterContext): BodyResult {
  const fee = request.fees.find((f) => f.seq === source.seq);
  if (!fee) return err('该申请没有这项收费');
  const howToPay = fee.howToPay ?? context.feePayment;
  if (!howToPay) return err('收费通知没有缴费方式，请在公开设置中填写缴费方式');
  const method = fee.method === 'per-application' ? '按件计收' : '按量计收';
  const article = fee.method === 'per-application' ? '第四条' : '第五条';
  const schedule =
    fee.scheduleYuan !== undefined && fee.scheduleYuan !== fee.amountYuan
      ? `按收费标准应收${fee.scheduleYuan}元，经本机关决定减收${fee.reductionReason ? `（理由：${fee.reductionReason.replace(/[。．.]+$/u, '')}）` : ''}，`
      : '';
  return ok({
    paragraphs: [
      receipt(request),
      `根据${OGI}第四十二条和《政府信息公开信息处理费管理办法》的规定，本机关对您的申请${method}信息处理费。`,
      `计费依据：${fee.basis ? `${fee.basis}，` : ''}依照《政府信息公开信息处理费管理办法》${article}规定的标准，${schedule}应缴纳人民币${fee.amountYuan}元。`,
      `缴费方式：${sentence(howToPay)}`,
      `请自收到本通知之日起20个工作日内（${chineseDate(fee.payByOn)}前）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    ],
    counted: [fee.payByOn],
  });
}

function bodyOf(request: DisclosureCase, source: LetterSource, context: LetterContext): BodyResult {
  switch (source.kind) {
    case 'reply':
      return replyBody(request, context);
    case 'clarification-notice': {
      const c = request.clarification;
      if (!c) return err('该申请没有补正');
      return ok({
        paragraphs: [
          receipt(request),
          `经审查，您的申请内容不明确。根据${OGI}第三十条的规定，请您作出补正。需要补正的事项：${sentence(c.items)}`,
          `请于${chineseDate(c.periodEndsOn)}前（${c.periodWorkingDays}个工作日内）提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ],
        counted: [c.periodEndsOn],
      });
    }
    case 'extension-notice':
      return extensionBody(request, context);
    case 'consultation-letter':
      return consultationBody(request, source);
    case 'fee-notice':
      return feeBody(request, source, context);
    case 'explanation-request':
      if (!request.explanationRequestedOn) return err('该申请没有要求说明理由');
      return ok({
        paragraphs: [
          receipt(request),
          `经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据${OGI}第三十五条的规定，请您说明理由。`,
          '本机关认为申请理由不合理的，将告知您不予处理；认为理由合理，但无法在规定期限内答复的，将确定合理期限后予以答复，并告知您。',
        ],
      });
    case 'later-date-notice': {
      if (!request.laterDate) return err('该申请没有确定合理的答复期限');
      const why = request.laterDateReason ? sentence(`理由是：${request.laterDateReason}`) : '';
      return ok({
        paragraphs: [
          receipt(request),
          `本机关已要求您说明理由。经审查，本机关认为申请理由合理，但无法在规定期限内答复。${why}根据${OGI}第三十五条的规定，本机关确定的答复期限为${chineseDate(request.laterDate)}，届时将予以答复。`,
        ],
      });
    }
    case 'closing-notice': {
      const paragraphs = closingParagraphs(request);
      if (!paragraphs) return err('该申请没有因逾期或撤回而终止');
      const lapsed = request.closedBy !== 'withdrawal';
      if (lapsed && !context.organs) return ok({ paragraphs: [], needsOrgan: true });
      return ok({
        paragraphs: [
          receipt(request),
          ...paragraphs,
          ...(lapsed && context.organs
            ? remedyParagraphs(
                request.outcome!,
                request.completedOn!,
                context.organs,
                '本机关不再处理您的申请',
              )
            : []),
        ],
        needsOrgan: lapsed,
      });
    }
    case 'third-party-disclosure-notice': {
      const notice = thirdPartyNoticeParagraphs(request);
      if (!notice) return err('本申请没有在第三方不同意的情况下决定公开');
      if (!context.organs) return ok({ paragraphs: [], needsOrgan: true });
      return ok({
        addressee: notice.addressee,
        paragraphs: [
          ...notice.paragraphs,
          ...remedyParagraphs('r3_1', request.completedOn!, context.organs, '本决定'),
        ],
        needsOrgan: true,
      });
    }
  }
}

export function draftLetter(
  source: LetterSource,
  request: DisclosureCase,
  context: LetterContext,
): Result<Letter, LetterRefusal> {
  const kind = source.kind;
  const body = bodyOf(request, source, context);
  if (!body.ok) return err({ code: 'letter-not-applicable', kind, reason: body.error });
  if (body.value.needsOrgan && !context.organs)
    return err({
      code: 'letter-needs-setting',
      kind,
      reason: '无法确定行政复议机关：请为本机关设置上级人民政府，或在公开设置中填写行政复议机关',
    });
  if (!context.contact)
    return err({
      code: 'letter-needs-setting',
      kind,
      reason: '文书须载明联系方式：请先在公开设置中填写受理机构、地址和电话',
    });
  return ok({
    kind,
    title: LETTER_TITLES[kind],
    reference: context.reference,
    addressee: `${body.value.addressee ?? request.applicant.name}：`,
    paragraphs: body.value.paragraphs,
    contact: contactLines(context.contact),
    signature: context.agencyName,
    dateLine: chineseDate(source.on),
    notes: provisionalNotes(body.value.counted ?? [], context.calendar),
  });
}
