/**
 * The applicant columns of table 三 (申请人情况): 自然人, and for 法人或其他组织 one of 商业企业 /
 * 科研机构 / 社会公益组织 / 法律服务机构 / 其他. Stored on a request when it is registered.
 */
import { normalizeLabel } from './label-normalization.ts';

export const APPLICANT_TYPES = [
  'natural',
  'org_business',
  'org_research',
  'org_nonprofit',
  'org_legal',
  'org_other',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Readonly<Record<ApplicantType, string>> = {
  natural: '自然人',
  org_business: '商业企业',
  org_research: '科研机构',
  org_nonprofit: '社会公益组织',
  org_legal: '法律服务机构',
  org_other: '其他',
};

/** Words agencies write in their ledgers for the same columns. */
const ALIASES: Readonly<Record<string, ApplicantType>> = {
  公民: 'natural',
  个人: 'natural',
  企业: 'org_business',
  律师事务所: 'org_legal',
  其他组织: 'org_other',
};

const BY_LABEL = new Map<string, ApplicantType>([
  ...APPLICANT_TYPES.map((t) => [t, t] as const),
  ...APPLICANT_TYPES.map((t) => [normalizeLabel(APPLICANT_TYPE_LABELS[t]), t] as const),
  ...Object.entries(ALIASES).map(([label, t]) => [normalizeLabel(label), t] as const),
]);

export function isApplicantType(value: string): value is ApplicantType {
  return (APPLICANT_TYPES as readonly string[]).includes(value);
}

/** Reads an id (`org_legal`) or a printed label (法律服务机构, 法人或其他组织-法律服务机构). */
export function parseApplicantType(text: string): ApplicantType | undefined {
  const normalized = normalizeLabel(text).replace(/^法人或其他组织[-—:/]?/, '');
  return BY_LABEL.get(normalized);
}
