/** A letter as the agency sends it: addressee, title, paragraphs, the remedy notice, the sign-off. */
export const LETTER_KINDS = [
  'reply',
  'clarification-notice',
  'extension-notice',
  'consultation-letter',
  'fee-notice',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_TITLES: Readonly<Record<LetterKind, string>> = {
  reply: '政府信息公开申请答复告知书',
  'clarification-notice': '政府信息公开申请补正告知书',
  'extension-notice': '政府信息公开申请延期答复告知书',
  'consultation-letter': '政府信息公开征求意见书',
  'fee-notice': '政府信息公开信息处理费收费通知书',
};

export interface LetterParagraph {
  readonly kind: 'text' | 'to-write';
  readonly text: string;
}

export interface Letter {
  readonly kind: LetterKind;
  readonly title: string;
  /** e.g. 示范局依申公开〔2025〕YSQ-2025-00001号 */
  readonly reference: string;
  readonly addressee: string;
  /** In order; `to-write` paragraphs are places the officer must still fill in, marked in the document. */
  readonly paragraphs: readonly LetterParagraph[];
  readonly signature: string;
  readonly dateLine: string;
}

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}
