/**
 * The letters that end a case without a reply — the 补正 not made (第三十条, r3_6_1), the fee not paid
 * (信息处理费管理办法, r3_6_2), the application withdrawn (r3_6_3) — and the 第三十二条 notice to a third
 * party whose objection the agency overrides.
 */
import type { DisclosureCase } from '../domain/disclosure-case.ts';
import { chineseDate, sentence } from './letter-text.ts';

const OGI = '《中华人民共和国政府信息公开条例》';

/** The closing notice's body, or undefined when the case did not end by a lapse or a withdrawal. */
export function closingParagraphs(request: DisclosureCase): string[] | undefined {
  switch (request.closedBy) {
    case 'clarification-lapse': {
      const c = request.clarification!;
      return [
        `本机关于${chineseDate(c.requestedOn)}告知您补正申请，补正期限至${chineseDate(c.periodEndsOn)}。补正期限届满，本机关未收到您补正后的申请。`,
        `根据${OGI}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
      ];
    }
    case 'fee-lapse': {
      const fee = request.fees.at(-1)!;
      return [
        `本机关于${chineseDate(fee.issuedOn)}向您发出信息处理费收费通知，请您于${chineseDate(fee.payByOn)}前缴纳信息处理费人民币${fee.amountYuan}元。缴费期限届满，本机关未收到您缴纳的费用。`,
        '根据《政府信息公开信息处理费管理办法》的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
      ];
    }
    case 'withdrawal':
      return [
        `您于${chineseDate(request.completedOn!)}向本机关撤回上述政府信息公开申请${request.withdrawalReason ? `（${request.withdrawalReason.replace(/[。．.]+$/u, '')}）` : ''}。本机关终止处理该申请。`,
        '如您仍需获取相关政府信息，可以重新提出申请。',
      ];
    default:
      return undefined;
  }
}

/**
 * 第三十二条: the agency decided to disclose over the third party's objection — the party is told, in
 * writing, what will be disclosed and why, without the applicant's identity.
 */
export function thirdPartyNoticeParagraphs(
  request: DisclosureCase,
): { addressee: string; paragraphs: string[] } | undefined {
  const content = request.replyContent;
  const objection = request.consultations.find((c) => c.party === 'third-party' && c.position === 'objects');
  if (!objection || !content?.overObjectionReason || request.closedBy !== 'reply') return undefined;
  const disclosed = content.disclosed ?? objection.subject ?? request.application.description;
  return {
    addressee: objection.partyName,
    paragraphs: [
      `本机关于${chineseDate(objection.issuedOn)}就一项政府信息公开申请所涉及贵方的信息书面征求贵方意见，贵方于${chineseDate(objection.answeredOn!)}答复不同意公开。`,
      `经审查，本机关认为不公开可能对公共利益造成重大影响：${sentence(content.overObjectionReason)}根据${OGI}第三十二条的规定，本机关决定予以公开。`,
      `决定公开的内容：${sentence(disclosed)}`,
    ],
  };
}
