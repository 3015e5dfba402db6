/**
 * What a reply says beyond its outcome (application-lifecycle.md §10–11): each outcome needs its own
 * facts for the letter to be complete — what is disclosed and how, what is withheld and why, where the
 * information can be had, the competent agency, the earlier reply. The officer gives them when replying;
 * a reply without what its outcome needs is refused, so that no letter ever holds a blank to fill in.
 */
import type { OutcomeRow } from '../../annual-report/index.ts';

/** 第三十六条（一） already public / （二） provided; （四） not held / （五） not this agency's. */
export const REPLY_VARIANTS = ['already-public', 'provided', 'not-held', 'not-competent'] as const;
export type ReplyVariant = (typeof REPLY_VARIANTS)[number];

/** The 不予公开 grounds a 部分公开 reply may give for its withheld part (第十四—十六条). */
export const WITHHOLDING_GROUNDS = [
  'r3_3_1',
  'r3_3_2',
  'r3_3_3',
  'r3_3_4',
  'r3_3_5',
  'r3_3_6',
  'r3_3_7',
] as const satisfies readonly OutcomeRow[];
export type WithholdingGround = (typeof WITHHOLDING_GROUNDS)[number];

export interface ReplyContent {
  readonly variant?: ReplyVariant;
  /** What is provided (r3_1 provided, r3_2): the documents or data, by name. */
  readonly disclosed?: string;
  /** How and when it reaches the applicant, where the application's chosen route does not say it all. */
  readonly provision?: string;
  /**
   * Where to obtain it: the publication place of already-public information (r3_1), the statutory
   * inquiry procedure (r3_3_8), the proper channel for a petition (r3_5_1), the source of a publication
   * (r3_5_3).
   */
  readonly whereToObtain?: string;
  /** The withheld part of a 部分公开 reply (r3_2). */
  readonly withheld?: string;
  /** The ground of the withheld part (r3_2). */
  readonly withheldGround?: WithholdingGround;
  /** The specific reasons, in the agency's words (r3_2, r3_3_1…7, r3_5_4, r3_5_5, r3_6_3). */
  readonly reasons?: string;
  /** The competent agency and its contact (r3_4_1 under 第三十六条（五）). */
  readonly competentAgency?: string;
  /** The earlier reply to the same request (r3_5_2): its date and reference. */
  readonly earlierReply?: string;
  /**
   * Disclosure over a third party's objection (第三十二条): why not disclosing would seriously harm the
   * public interest — the third party is told this in writing.
   */
  readonly overObjectionReason?: string;
}

export const REPLY_CONTENT_LABELS: Readonly<Record<keyof ReplyContent, string>> = {
  variant: '答复情形',
  disclosed: '公开（提供）的信息',
  provision: '提供方式和时间',
  whereToObtain: '获取途径',
  withheld: '不予公开的部分',
  withheldGround: '不予公开部分的理由类别',
  reasons: '具体理由',
  competentAgency: '负责公开的行政机关及其联系方式',
  earlierReply: '此前作出的答复（日期、文号）',
  overObjectionReason: '不公开可能对公共利益造成重大影响的理由',
};

export type MissingContent = { readonly field: keyof ReplyContent; readonly label: string };

const missing = (field: keyof ReplyContent): MissingContent => ({
  field,
  label: REPLY_CONTENT_LABELS[field],
});

const given = (value: string | undefined): boolean => (value ?? '').trim().length > 0;

/** Which variants an outcome offers; the officer must pick one of them. */
export const OUTCOME_VARIANTS: Readonly<Partial<Record<OutcomeRow, readonly ReplyVariant[]>>> = {
  r3_1: ['already-public', 'provided'],
  r3_4_1: ['not-held', 'not-competent'],
};

export const VARIANT_LABELS: Readonly<Record<ReplyVariant, string>> = {
  'already-public': '已主动公开，告知获取方式和途径（第三十六条第（一）项）',
  provided: '予以提供（第三十六条第（二）项）',
  'not-held': '经检索不存在（第三十六条第（四）项）',
  'not-competent': '不属于本机关负责公开（第三十六条第（五）项）',
};

/** Outcomes whose letter states the agency's own reasons: refusals, 不予处理 under 第三十五条, the rest. */
const REASONS_REQUIRED: readonly OutcomeRow[] = [...WITHHOLDING_GROUNDS, 'r3_5_4', 'r3_5_5', 'r3_6_3'];

export interface ContentField {
  readonly field: keyof ReplyContent;
  readonly required: boolean;
}

/**
 * The fields a reply with this outcome (and variant) asks for, in the order of the form: the action
 * form shows these, and the decision requires the required ones. Disclosing over a third party's
 * objection also asks for the public-interest reason (第三十二条).
 */
export function replyContentFields(
  outcome: OutcomeRow,
  content: ReplyContent,
  thirdPartyObjected: boolean,
): ContentField[] {
  const required = (...fields: Array<keyof ReplyContent>) =>
    fields.map((field) => ({ field, required: true }));
  const optional = (field: keyof ReplyContent) => ({ field, required: false });
  const fields: ContentField[] = OUTCOME_VARIANTS[outcome] ? required('variant') : [];
  if (REASONS_REQUIRED.includes(outcome)) fields.push(...required('reasons'));
  switch (outcome) {
    case 'r3_1':
      if (content.variant === 'already-public') fields.push(...required('whereToObtain'));
      else fields.push(...required('disclosed'), optional('provision'));
      break;
    case 'r3_2':
      fields.push(
        ...required('disclosed'),
        optional('provision'),
        ...required('withheld', 'withheldGround', 'reasons'),
      );
      break;
    case 'r3_3_8':
    case 'r3_5_1':
    case 'r3_5_3':
      fields.push(...required('whereToObtain'));
      break;
    case 'r3_4_1':
      fields.push(
        content.variant === 'not-competent' ? required('competentAgency')[0]! : optional('reasons'),
      );
      break;
    case 'r3_4_2':
      fields.push(optional('reasons'));
      break;
    case 'r3_5_2':
      fields.push(...required('earlierReply'));
      break;
    default:
      break;
  }
  if (objectionOverridden(outcome, content, thirdPartyObjected))
    fields.push(...required('overObjectionReason'));
  return fields;
}

function isGiven(content: ReplyContent, field: keyof ReplyContent): boolean {
  if (field === 'variant') return content.variant !== undefined;
  if (field === 'withheldGround')
    return WITHHOLDING_GROUNDS.includes(content.withheldGround as WithholdingGround);
  return given(content[field]);
}

/** What the reply still lacks for its outcome: the first missing required field; undefined when complete. */
export function missingReplyContent(
  outcome: OutcomeRow,
  content: ReplyContent,
  thirdPartyObjected: boolean,
): MissingContent | undefined {
  const variants = OUTCOME_VARIANTS[outcome];
  if (variants && (!content.variant || !variants.includes(content.variant))) return missing('variant');
  const lacking = replyContentFields(outcome, content, thirdPartyObjected).find(
    (f) => f.required && !isGiven(content, f.field),
  );
  return lacking ? missing(lacking.field) : undefined;
}

/** Whether the reply discloses what a third party objected to (第三十二条: it must be told why). */
export function objectionOverridden(
  outcome: OutcomeRow,
  content: ReplyContent,
  thirdPartyObjected: boolean,
): boolean {
  if (!thirdPartyObjected) return false;
  if (outcome === 'r3_1') return true;
  return outcome === 'r3_2' && content.withheldGround !== 'r3_3_4';
}

/** The content as stored: trimmed, without empty fields, without variants the outcome does not have. */
export function normalizeReplyContent(outcome: OutcomeRow, content: ReplyContent): ReplyContent {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(content)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (key === 'variant' && !OUTCOME_VARIANTS[outcome]?.includes(value as ReplyVariant)) continue;
    if (key === 'withheldGround' && outcome !== 'r3_2') continue;
    out[key] = value.trim();
  }
  return out as ReplyContent;
}
