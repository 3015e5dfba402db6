/**
 * The office's own record of its year's work (政务公开工作记录) beyond what the system counts: posts on
 * its new-media accounts and updates of the website by column, letters to its mailbox and hotline calls,
 * revisions of the disclosure catalogue, trainings held and attended, assessments, inspections and open
 * days — each with its date, how many, what (account, column, title) and who entered it. Section 一 of
 * the report is drafted from them, in the parts the 2021 format names.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { parseIsoDate, type IsoDate } from '../../../shared/domain/iso-date.ts';

export const WORK_RECORD_KINDS = [
  'new-media-posts',
  'website-updates',
  'mailbox-letters',
  'hotline-calls',
  'catalogue-revision',
  'training-held',
  'training-attended',
  'assessment',
  'inspection',
  'open-day',
] as const;
export type WorkRecordKind = (typeof WORK_RECORD_KINDS)[number];

/** The parts of section 一 (2021 format) the office's records speak to. */
export type WorkPart = 'management' | 'platform' | 'oversight';

export interface WorkKindModel {
  readonly label: string;
  /** What `count` counts, in words. */
  readonly unit: string;
  readonly countLabel: string;
  /** What `subject` names (an account, a column, a title); required where the report names it. */
  readonly subjectLabel: string;
  readonly subjectRequired: boolean;
  readonly part: WorkPart;
}

export const WORK_KINDS: Readonly<Record<WorkRecordKind, WorkKindModel>> = {
  'new-media-posts': {
    label: '政务新媒体发布信息',
    unit: '条',
    countLabel: '发布条数',
    subjectLabel: '账号',
    subjectRequired: true,
    part: 'platform',
  },
  'website-updates': {
    label: '网站栏目更新信息',
    unit: '条',
    countLabel: '更新条数',
    subjectLabel: '栏目',
    subjectRequired: true,
    part: 'platform',
  },
  'mailbox-letters': {
    label: '政务信箱来信',
    unit: '件',
    countLabel: '来信件数',
    subjectLabel: '信箱',
    subjectRequired: false,
    part: 'platform',
  },
  'hotline-calls': {
    label: '政务热线来电',
    unit: '次',
    countLabel: '来电次数',
    subjectLabel: '热线',
    subjectRequired: false,
    part: 'platform',
  },
  'catalogue-revision': {
    label: '修订政府信息公开目录',
    unit: '次',
    countLabel: '修订次数',
    subjectLabel: '修订内容',
    subjectRequired: true,
    part: 'management',
  },
  'training-held': {
    label: '举办政务公开培训',
    unit: '人次',
    countLabel: '参训人次',
    subjectLabel: '培训名称',
    subjectRequired: true,
    part: 'oversight',
  },
  'training-attended': {
    label: '参加上级组织的培训',
    unit: '人次',
    countLabel: '参训人次',
    subjectLabel: '培训名称',
    subjectRequired: true,
    part: 'oversight',
  },
  assessment: {
    label: '考核评议',
    unit: '次',
    countLabel: '次数',
    subjectLabel: '名称',
    subjectRequired: true,
    part: 'oversight',
  },
  inspection: {
    label: '监督检查',
    unit: '次',
    countLabel: '次数',
    subjectLabel: '名称',
    subjectRequired: true,
    part: 'oversight',
  },
  'open-day': {
    label: '政府开放日活动',
    unit: '人次',
    countLabel: '参加人次',
    subjectLabel: '活动名称',
    subjectRequired: true,
    part: 'oversight',
  },
};

export function isWorkRecordKind(value: string): value is WorkRecordKind {
  return (WORK_RECORD_KINDS as readonly string[]).includes(value);
}

/** The kind a sheet names in Chinese (its label), or the code itself. */
export function kindOfLabel(text: string): WorkRecordKind | undefined {
  const label = text.trim();
  if (isWorkRecordKind(label)) return label;
  return WORK_RECORD_KINDS.find((k) => WORK_KINDS[k].label === label);
}

export interface WorkRecordInput {
  readonly kind: WorkRecordKind;
  readonly on: IsoDate;
  readonly count: number;
  readonly subject: string;
  readonly note?: string;
}

export interface WorkRecord extends WorkRecordInput {
  readonly id: string;
  readonly agencyId: string;
  readonly enteredBy: string;
  readonly enteredAt: string;
}

export type WorkRecordRefusal =
  | { readonly code: 'date-invalid'; readonly text: string }
  | { readonly code: 'date-in-future'; readonly today: IsoDate }
  | { readonly code: 'count-invalid'; readonly text: string }
  | { readonly code: 'subject-required'; readonly label: string };

export const WORK_RECORD_MESSAGES: Readonly<Record<WorkRecordRefusal['code'], string>> = {
  'date-invalid': '日期应为有效的 YYYY-MM-DD',
  'date-in-future': '日期不能晚于今天',
  'count-invalid': '数量应为 0 至 10000000 的整数',
  'subject-required': '请填写',
};

export function refusalMessage(refusal: WorkRecordRefusal): string {
  switch (refusal.code) {
    case 'date-invalid':
      return `日期“${refusal.text}”无效：应为 YYYY-MM-DD`;
    case 'date-in-future':
      return `日期不能晚于今天（${refusal.today}）`;
    case 'count-invalid':
      return `数量“${refusal.text}”无效：应为 0 至 10000000 的整数`;
    case 'subject-required':
      return `请填写${refusal.label}`;
  }
}

/** Checks what a person entered (or a sheet's row said) and returns the record to keep. */
export function decideWorkRecord(
  input: { kind: WorkRecordKind; on: string; count: number | string; subject?: string; note?: string },
  today: IsoDate,
): Result<WorkRecordInput, WorkRecordRefusal> {
  const on = parseIsoDate(input.on.trim());
  if (!on) return err({ code: 'date-invalid', text: input.on });
  if (on > today) return err({ code: 'date-in-future', today });
  const count = typeof input.count === 'number' ? input.count : Number(String(input.count).trim());
  if (!Number.isInteger(count) || count < 0 || count > 10_000_000)
    return err({ code: 'count-invalid', text: String(input.count) });
  const model = WORK_KINDS[input.kind];
  const subject = (input.subject ?? '').trim().slice(0, 100);
  if (model.subjectRequired && !subject) return err({ code: 'subject-required', label: model.subjectLabel });
  const note = input.note?.trim().slice(0, 500);
  return ok({ kind: input.kind, on, count, subject, ...(note ? { note } : {}) });
}
