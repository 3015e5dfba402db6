/**
 * What a reply says for its outcome (application-lifecycle.md §10–11): each of the outcomes has its own
 * formula and ground, filled from the reply's content and the case — never another outcome's words,
 * never a blank. The legal basis cited is the one recorded with the reply (the officer may have made the
 * default more precise).
 */
import type { OutcomeRow } from '../../annual-report/index.ts';
import type { GuideContact } from '../../proactive-disclosure/domain/disclosure-settings.ts';
import type { DisclosureCase } from '../domain/disclosure-case.ts';
import type { ReplyContent, WithholdingGround } from '../domain/reply-content.ts';
import { chineseDate, sentence } from './letter-text.ts';

const OGI = '《中华人民共和国政府信息公开条例》';

/** How a reply states each 不予公开 ground, and the article it rests on (第十四—十六条). */
export const WITHHOLDING: Readonly<Record<WithholdingGround, { because: string; article: string }>> = {
  r3_3_1: { because: '属于国家秘密', article: '第十四条' },
  r3_3_2: { because: '属于法律、行政法规禁止公开的政府信息', article: '第十四条' },
  r3_3_3: { because: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', article: '第十四条' },
  r3_3_4: {
    because: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
    article: '第十五条',
  },
  r3_3_5: { because: '属于人事管理、后勤管理、内部工作流程等方面的内部事务信息', article: '第十六条第一款' },
  r3_3_6: {
    because: '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
    article: '第十六条第二款',
  },
  r3_3_7: { because: '属于行政执法案卷信息', article: '第十六条第二款' },
};

/** How the information reaches the applicant: as they asked in the application, unless the officer says. */
export function provisionSentence(
  request: DisclosureCase,
  content: ReplyContent,
  contact: GuideContact | undefined,
): string {
  if (content.provision) return sentence(content.provision);
  const { email, address } = request.applicant;
  switch (request.application.delivery) {
    case 'email':
      return `本机关已通过电子邮件将上述信息发送至您提供的电子邮箱${email ? `（${email}）` : ''}。`;
    case 'paper-post':
      return `本机关将上述信息以纸质形式邮寄至您提供的地址${address ? `（${address}）` : ''}。`;
    case 'pickup':
      return contact
        ? `请您在办公时间（${contact.hours}）携带本告知书和身份证件，到${contact.address}（${contact.office}）领取上述信息。`
        : '请您在办公时间携带本告知书和身份证件到本机关领取上述信息。';
    case 'online':
      return '您可以在本机关政府信息公开申请平台，凭申请编号和查询码查询、下载上述信息。';
  }
}

function withheldPart(content: ReplyContent): string {
  const ground = WITHHOLDING[content.withheldGround ?? 'r3_3_4'];
  return (
    `不予公开的部分为：${content.withheld ?? ''}。该部分${ground.because}，具体理由是：${content.reasons ?? ''}。` +
    `根据${OGI}${ground.article}和第三十六条第（三）项的规定，该部分不予公开。`
  ).replace(/。。/g, '。');
}

/** The reply's body for its outcome. `basis` is the recorded legal basis. */
export function outcomeParagraphs(
  request: DisclosureCase,
  outcome: OutcomeRow,
  basis: string,
  content: ReplyContent,
  contact: GuideContact | undefined,
): string[] {
  const by = `根据${basis}的规定`;
  const reasons = content.reasons ? sentence(`具体理由是：${content.reasons}`) : '';
  switch (outcome) {
    case 'r3_1':
      return content.variant === 'already-public'
        ? [
            `经审查，您申请获取的政府信息本机关已经主动公开。${by}，现告知您获取该信息的方式和途径：${sentence(content.whereToObtain ?? '')}`,
          ]
        : [
            `经审查，您申请获取的政府信息属于公开范围。${by}，本机关向您提供：${sentence(content.disclosed ?? '')}${provisionSentence(request, content, contact)}`,
          ];
    case 'r3_2':
      return [
        `经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。${by}，本机关向您提供可以公开的部分：${sentence(content.disclosed ?? '')}${provisionSentence(request, content, contact)}`,
        withheldPart(content),
      ];
    case 'r3_3_1':
    case 'r3_3_2':
    case 'r3_3_3':
    case 'r3_3_4':
    case 'r3_3_5':
    case 'r3_3_6':
    case 'r3_3_7':
      return [
        `经审查，您申请获取的政府信息${WITHHOLDING[outcome].because}。${reasons}${by}，本机关不予公开。`,
      ];
    case 'r3_3_8':
      return [
        `经审查，您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的情形。${by}，请您按照有关法律、行政法规的规定办理：${sentence(content.whereToObtain ?? '')}`,
      ];
    case 'r3_4_1':
      return content.variant === 'not-competent'
        ? [
            `经审查，您申请公开的政府信息不属于本机关负责公开的范围。${by}，现告知您：该政府信息由${content.competentAgency ?? ''}负责公开，您可以向其提出申请。`,
          ]
        : [
            `经检索查找，本机关没有制作或者获取您申请的政府信息，该政府信息不存在。${content.reasons ? sentence(content.reasons) : ''}${by}，特此告知。`,
          ];
    case 'r3_4_2':
      return [
        `经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析才能形成。${reasons}${by}，本机关不予提供。`,
      ];
    case 'r3_4_3': {
      const c = request.clarification;
      const asked = c
        ? `本机关于${chineseDate(c.requestedOn)}告知您补正申请，您于${chineseDate(c.receivedOn ?? c.requestedOn)}提交了补正后的申请，但`
        : '';
      return [`${asked}补正后的申请内容仍不明确，本机关无法确定您所需要的政府信息。${by}，本机关无法提供。`];
    }
    case 'r3_5_1':
      return [
        `经审查，您以政府信息公开申请的形式提出的实质上是信访、投诉、举报等诉求。${by}，本机关不作为政府信息公开申请处理。您可以通过以下渠道提出：${sentence(content.whereToObtain ?? '')}`,
      ];
    case 'r3_5_2':
      return [
        `您曾就相同的政府信息向本机关提出公开申请，本机关已经作出答复（${content.earlierReply ?? ''}）。您重复申请公开相同的政府信息，${by}，本机关不予重复处理。`,
      ];
    case 'r3_5_3':
      return [
        `经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。${by}，现告知您获取的途径：${sentence(content.whereToObtain ?? '')}`,
      ];
    case 'r3_5_4': {
      const asked = request.explanationRequestedOn
        ? `本机关于${chineseDate(request.explanationRequestedOn)}要求您说明理由。`
        : '';
      return [
        `您申请公开政府信息的数量、频次明显超过合理范围。${asked}${reasons}本机关认为申请理由不合理，${by}，本机关不予处理。`,
      ];
    }
    case 'r3_5_5':
      return [
        `经审查，您的申请是要求本机关确认或者重新出具您已获取的信息，不属于申请获取本机关在履行行政管理职能过程中制作或者获取的政府信息。${reasons}${by}，本机关不作为政府信息公开申请处理。`,
      ];
    case 'r3_6_3':
      return [`${sentence(content.reasons ?? '')}${by}，本机关终止处理您的政府信息公开申请。`];
    case 'r3_6_1':
    case 'r3_6_2':
      // These end by a lapse, with a closing notice; a reply never carries them (decideReply refuses).
      return [`${by}，本机关不再处理您的政府信息公开申请。`];
  }
}

/** 第三十二条: the applicant is told that the third party objected and why the agency discloses anyway. */
export function overObjectionSentence(content: ReplyContent): string {
  return `该政府信息涉及第三方合法权益，本机关已书面征求第三方意见，第三方不同意公开。本机关认为不公开可能对公共利益造成重大影响：${sentence(content.overObjectionReason ?? '')}根据${OGI}第三十二条的规定，本机关决定予以公开，并已将决定公开的内容和理由书面告知第三方。`;
}
