/**
 * A letter as the agency sends it: its 文号, the addressee, the body drawn from the record, the
 * remedies, the office's contact, the sign-off with a place for the seal, and the date. Nothing in it is
 * left for someone to fill in: a letter the record cannot complete is not drafted.
 */
export const LETTER_KINDS = [
  'reply',
  'clarification-notice',
  'extension-notice',
  'consultation-letter',
  'fee-notice',
  'explanation-request',
  'later-date-notice',
  'closing-notice',
  'third-party-disclosure-notice',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_TITLES: Readonly<Record<LetterKind, string>> = {
  reply: '政府信息公开申请答复告知书',
  'clarification-notice': '政府信息公开申请补正告知书',
  'extension-notice': '政府信息公开申请延期答复告知书',
  'consultation-letter': '政府信息公开征求意见书',
  'fee-notice': '政府信息公开信息处理费收费通知书',
  'explanation-request': '政府信息公开申请说明理由告知书',
  'later-date-notice': '政府信息公开申请答复期限告知书',
  'closing-notice': '政府信息公开申请终止处理告知书',
  'third-party-disclosure-notice': '政府信息公开决定告知书（第三方）',
};

export interface Letter {
  readonly kind: LetterKind;
  readonly title: string;
  /** 文号, e.g. 示范局依申请公开〔2026〕第12号 */
  readonly reference: string;
  readonly addressee: string;
  /** The body, in order: each a paragraph as printed. */
  readonly paragraphs: readonly string[];
  /** The office's contact (联系机构、地址、邮编、电话…), one line each; empty when the agency gave none. */
  readonly contact: readonly string[];
  /** The agency as it signs (发文机关署名), with the seal over it. */
  readonly signature: string;
  readonly dateLine: string;
  /** Notes after the date (附注), e.g. that a date rests on a year without the State Council's notice. */
  readonly notes: readonly string[];
}

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}
