/**
 * The facts the annual report is built from (STYLE.md §1: "the report reads facts, not tables").
 * Each feeding feature tallies its own records — in SQL for the database, in memory for a ledger file —
 * and the report builds every cell from these tallies alone.
 */
import type { ApplicantType } from './applicant-type.ts';
import type { OutcomeRow } from './outcome-row.ts';

/** 依申请公开, tallied for one report year and one applicant type (application-lifecycle.md §12). */
export interface RequestTally {
  readonly applicantType: ApplicantType;
  /** 本年新收: received in the year. */
  readonly received: number;
  /** 上年结转: received before the year and not completed before it. */
  readonly carriedIn: number;
  /** 结转下年度: received by 31 December and still open on 31 December. */
  readonly carriedOut: number;
  /** 本年度办理结果: completed in the year, by result row. */
  readonly completed: Readonly<Partial<Record<OutcomeRow, number>>>;
}

export const PROCEEDING_KINDS = ['review', 'lit_direct', 'lit_after_review'] as const;
/** 行政复议 / 未经复议直接起诉 / 复议后起诉: the rows of table 四. */
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number];
export const PROCEEDING_RESULTS = ['upheld', 'corrected', 'other'] as const;
/** 结果维持 / 结果纠正 / 其他结果. */
export type ProceedingResult = (typeof PROCEEDING_RESULTS)[number];
/** The status of a proceeding on 31 December: its result, or 尚未审结. */
export type ProceedingStatus = ProceedingResult | 'pending';

/**
 * Which proceedings table 四 counts (annual-report-format.md §5, [U]: configurable).
 * - `filed-in-year` (default): filed in the year, classified by their status on 31 December.
 * - `decided-or-pending`: decided in the year, plus those filed by 31 December and still pending then.
 */
export type ProceedingCounting = 'filed-in-year' | 'decided-or-pending';

export interface ProceedingTally {
  readonly kind: ProceedingKind;
  readonly status: ProceedingStatus;
  readonly count: number;
}

/** 规章 / 行政规范性文件, the rows of table 二 block 第二十条第（一）项. */
export type NormativeDocumentKind = 'regulation' | 'normative_doc';

export interface DocumentTally {
  readonly kind: NormativeDocumentKind;
  /** 本年制发件数. */
  readonly made: number;
  /** 本年废止件数. */
  readonly repealed: number;
  /** 现行有效件数 on 31 December. */
  readonly inForce: number;
}

/** Figures an agency enters for table 二 from its other systems. */
export interface AgencyFigures {
  readonly licensing: number;
  readonly penalty: number;
  readonly coercion: number;
  /** 行政事业性收费 income in 万元 — not the 信息处理费. */
  readonly adminFeesWan: number;
  /**
   * For a report in the 2019 format (2019, 2020): table 二's cells the agency entered, by cell id
   * (项目数量, 本年增/减, 新公开/公开总数量, 其他对外管理服务事项, 政府集中采购).
   */
  readonly entered2019?: Readonly<Record<string, number>>;
}

/** 主动公开: documents published in the year, by catalogue category (for the drafted section 一). */
export interface PublicationTally {
  readonly category: string;
  readonly count: number;
}

/** Policy interpretations published in the year, and the rate for the normative documents issued in it. */
export interface InterpretationFacts {
  readonly published: number;
  readonly documents: number;
  readonly interpreted: number;
  readonly withinWorkingDays: number;
}

/** Public messages received in the year and how many were answered (within the agency's period). */
export interface MessageFacts {
  readonly received: number;
  readonly answered: number;
  readonly answeredOnTime: number;
}

/** What section 一 states about 主动公开, when the agency publishes through gongkai. */
export interface ProactiveActivity {
  readonly publications: readonly PublicationTally[];
  readonly interpretations: InterpretationFacts;
  readonly messages: MessageFacts;
}

/** One kind of the office's work records of the year, summed (work-records feature). */
export interface WorkActivityItem {
  readonly kind: string;
  /** Which part of section 一 it belongs to: （三）管理, （四）平台建设, （五）监督保障. */
  readonly part: 'management' | 'platform' | 'oversight';
  /** How many records, and the sum of their counts. */
  readonly records: number;
  readonly total: number;
  /** By account, column or title, largest first. */
  readonly bySubject: ReadonlyArray<{ readonly subject: string; readonly total: number }>;
  /** The records behind the sentence drafted from it. */
  readonly ids: readonly string[];
}

/**
 * 信息处理费 of the year (《政府信息公开信息处理费管理办法》): notices issued, fees collected, waived, and
 * applications closed because a fee went unpaid — what section 六 reports and R10 checks.
 */
export interface ProcessingFeeFacts {
  readonly noticesIssued: number;
  /** The amount the year's notices asked for, in 元. */
  readonly noticedYuan: number;
  readonly paidCount: number;
  readonly paidYuan: number;
  readonly waivedCount: number;
  readonly lapsedCount: number;
}

export interface ReportFacts {
  readonly requests: readonly RequestTally[];
  readonly proceedings: readonly ProceedingTally[];
  readonly documents: readonly DocumentTally[];
  readonly figures: AgencyFigures | undefined;
  /** Known when the agency publishes through gongkai; absent for a ledger. */
  readonly proactive?: ProactiveActivity;
  /** Known when the agency's cases are handled here; absent for a ledger. */
  readonly fees?: ProcessingFeeFacts;
  /** The office's work records of the year, where it keeps them here. */
  readonly work?: readonly WorkActivityItem[];
}
