/**
 * Recording a 行政复议 or 行政诉讼 about a disclosure reply, and its outcome (《政府信息公开条例》第五十一条:
 * an applicant who thinks a reply infringes their rights may apply for reconsideration or sue). What the
 * record must hold to count in table 四: the kind, the day it was filed, and — once decided — the result
 * and the day of the decision.
 */
import {
  PROCEEDING_KINDS,
  PROCEEDING_RESULTS,
  type ProceedingKind,
  type ProceedingResult,
} from '../../annual-report/index.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { Proceeding } from './proceeding.ts';

export const PROCEEDING_KIND_LABELS: Readonly<Record<ProceedingKind, string>> = {
  review: '行政复议',
  lit_direct: '行政诉讼（未经复议直接起诉）',
  lit_after_review: '行政诉讼（复议后起诉）',
};

export const PROCEEDING_RESULT_LABELS: Readonly<Record<ProceedingResult, string>> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
};

export type ProceedingRefusal =
  | { readonly code: 'filed-in-future'; readonly filedOn: IsoDate }
  | { readonly code: 'filed-before-application'; readonly filedOn: IsoDate; readonly submittedOn: IsoDate }
  | { readonly code: 'decided-in-future'; readonly decidedOn: IsoDate }
  | { readonly code: 'decided-before-filed'; readonly decidedOn: IsoDate; readonly filedOn: IsoDate }
  | { readonly code: 'already-decided'; readonly result: ProceedingResult; readonly decidedOn: IsoDate }
  | { readonly code: 'not-decided' };

export function proceedingRefusalMessage(refusal: ProceedingRefusal): string {
  switch (refusal.code) {
    case 'filed-in-future':
      return `立案（申请）日期 ${refusal.filedOn} 还没有到`;
    case 'filed-before-application':
      return `立案（申请）日期 ${refusal.filedOn} 早于该政府信息公开申请的提交日期 ${refusal.submittedOn}`;
    case 'decided-in-future':
      return `决定（裁判）日期 ${refusal.decidedOn} 还没有到`;
    case 'decided-before-filed':
      return `决定（裁判）日期 ${refusal.decidedOn} 早于立案（申请）日期 ${refusal.filedOn}`;
    case 'already-decided':
      return `该案已于 ${refusal.decidedOn} 审结（${PROCEEDING_RESULT_LABELS[refusal.result]}），不能再次登记结果；登记有误的，请更正`;
    case 'not-decided':
      return '该案尚未审结：审结后请登记结果，而不是更正';
  }
}

export function isProceedingKind(value: string): value is ProceedingKind {
  return (PROCEEDING_KINDS as readonly string[]).includes(value);
}

export function isProceedingResult(value: string): value is ProceedingResult {
  return (PROCEEDING_RESULTS as readonly string[]).includes(value);
}

/** A new proceeding about an application submitted on `submittedOn`, filed on `filedOn`. */
export function checkNewProceeding(
  filedOn: IsoDate,
  submittedOn: IsoDate,
  today: IsoDate,
): Result<void, ProceedingRefusal> {
  if (filedOn > today) return err({ code: 'filed-in-future', filedOn });
  if (filedOn < submittedOn) return err({ code: 'filed-before-application', filedOn, submittedOn });
  return ok(undefined);
}

/** The outcome of a proceeding: once, on or after the day it was filed, not in the future. */
export function checkDecision(
  proceeding: Proceeding,
  decidedOn: IsoDate,
  today: IsoDate,
): Result<void, ProceedingRefusal> {
  if (proceeding.result && proceeding.decidedOn)
    return err({ code: 'already-decided', result: proceeding.result, decidedOn: proceeding.decidedOn });
  if (decidedOn > today) return err({ code: 'decided-in-future', decidedOn });
  if (decidedOn < proceeding.filedOn)
    return err({ code: 'decided-before-filed', decidedOn, filedOn: proceeding.filedOn });
  return ok(undefined);
}

/** What a correction may change: the day it was filed; for a decided one, its result and day. */
export interface ProceedingCorrection {
  readonly filedOn?: IsoDate;
  readonly result?: ProceedingResult;
  readonly decidedOn?: IsoDate;
}

/**
 * A record entered wrongly, put right: the corrected record must be one that could have been recorded
 * (filed after the application, not in the future; decided on or after it was filed). A pending one gets
 * its outcome by a decision, not by a correction.
 */
export function correctProceeding(
  proceeding: Proceeding,
  correction: ProceedingCorrection,
  /** When the application it is about was submitted; unknown for a record a ledger brought. */
  submittedOn: IsoDate | undefined,
  today: IsoDate,
): Result<Proceeding, ProceedingRefusal> {
  if (!proceeding.result && (correction.result || correction.decidedOn)) return err({ code: 'not-decided' });
  const corrected: Proceeding = {
    ...proceeding,
    ...(correction.filedOn ? { filedOn: correction.filedOn } : {}),
    ...(correction.result ? { result: correction.result } : {}),
    ...(correction.decidedOn ? { decidedOn: correction.decidedOn } : {}),
  };
  const filed = checkNewProceeding(corrected.filedOn, submittedOn ?? corrected.filedOn, today);
  if (!filed.ok) return filed;
  if (corrected.decidedOn) {
    const decided = checkDecision({ ...corrected, result: undefined }, corrected.decidedOn, today);
    if (!decided.ok) return decided;
  }
  return ok(corrected);
}

/** 复议 FY-2026-001, 诉讼 SS-2026-001: numbered per agency, kind of case and year of filing. */
export function proceedingPrefix(kind: ProceedingKind, filedOn: IsoDate): string {
  return `${kind === 'review' ? 'FY' : 'SS'}-${filedOn.slice(0, 4)}-`;
}
