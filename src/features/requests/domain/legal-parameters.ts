/**
 * Legal parameters are data with an effective date (STYLE.md §2). The 2019 revision of the 条例
 * (国务院令第711号, in force 2019-05-15) set the periods below; the 2008 text had 15 + 15 working days.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

export interface DisclosureTimeLimits {
  readonly regulation: 'ogi-2008' | 'ogi-2019';
  readonly effectiveOn: IsoDate;
  /** 第三十三条第二款: reply within 20 working days of receipt. */
  readonly replyWorkingDays: number;
  /** 第三十三条第二款: extension of at most 20 working days. */
  readonly maxExtensionWorkingDays: number;
  /** 第三十条: the 补正 notice within 7 working days of receipt, once. */
  readonly clarificationNoticeWorkingDays: number;
  /** 第三十二条、第三十四条: a third party or co-producing agency answers within 15 working days. */
  readonly consultationAnswerWorkingDays: number;
  /** 信息处理费管理办法: the fee is paid within 20 working days of receiving the notice. */
  readonly feePaymentWorkingDays: number;
  /** The 补正 period is the agency's choice; this is the default offered ([U/P], lifecycle §5). */
  readonly defaultClarificationPeriodWorkingDays: number;
}

export const TIME_LIMITS: readonly DisclosureTimeLimits[] = [
  {
    regulation: 'ogi-2008',
    effectiveOn: '2008-05-01' as IsoDate,
    replyWorkingDays: 15,
    maxExtensionWorkingDays: 15,
    clarificationNoticeWorkingDays: 0,
    consultationAnswerWorkingDays: 15,
    feePaymentWorkingDays: 0,
    defaultClarificationPeriodWorkingDays: 10,
  },
  {
    regulation: 'ogi-2019',
    effectiveOn: '2019-05-15' as IsoDate,
    replyWorkingDays: 20,
    maxExtensionWorkingDays: 20,
    clarificationNoticeWorkingDays: 7,
    consultationAnswerWorkingDays: 15,
    feePaymentWorkingDays: 20,
    defaultClarificationPeriodWorkingDays: 10,
  },
];

/** The limits in force on the day an application was received. */
export function timeLimitsOn(receivedOn: IsoDate): DisclosureTimeLimits {
  const applicable = TIME_LIMITS.filter((limits) => limits.effectiveOn <= receivedOn);
  const limits = applicable.at(-1);
  if (!limits) throw new RangeError(`no disclosure time limits before ${receivedOn}`);
  return limits;
}
