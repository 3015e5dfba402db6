/**
 * The port through which the report reads an agency's facts from wherever they are kept. The database
 * implementation is composed in main/ from each feature's repository; the ledger one is in-memory.
 */
import type {
  AgencyFigures,
  DocumentTally,
  ProceedingCounting,
  ProceedingTally,
  RequestTally,
  ProactiveActivity,
  ProcessingFeeFacts,
  ReportFacts,
  WorkActivityItem,
} from '../domain/report-facts.ts';
import type { CellSelector } from '../domain/cell-selector.ts';

/**
 * Facts already read for these agencies and year, not read again: a tree's request tallies, read for the
 * whole tree in one statement before its parts are built.
 */
export interface KnownFacts {
  readonly requests?: ReadonlyMap<string, RequestTally[]>;
}

export interface ReportFactSource {
  tallyRequests(agencyId: string, year: number): Promise<RequestTally[]>;
  tallyProceedings(agencyId: string, year: number, counting: ProceedingCounting): Promise<ProceedingTally[]>;
  tallyDocuments(agencyId: string, year: number): Promise<DocumentTally[]>;
  figures(agencyId: string, year: number): Promise<AgencyFigures | undefined>;
  /** Publications, interpretations and messages of the year, where the agency publishes through gongkai. */
  proactiveActivity?(agencyId: string, year: number): Promise<ProactiveActivity>;
  /** 信息处理费 of the year, where the agency's cases are handled through gongkai. */
  processingFees?(agencyId: string, year: number): Promise<ProcessingFeeFacts | undefined>;
  /** The office's work records of the year, summed by kind. */
  workActivity?(agencyId: string, year: number): Promise<readonly WorkActivityItem[]>;
  /**
   * The facts of many agencies read together, in statements grouped by agency (every agency asked for
   * is a key). Without it, each agency's facts are read one agency at a time.
   */
  factsOfMany?(
    agencyIds: readonly string[],
    year: number,
    counting: ProceedingCounting,
    known?: KnownFacts,
  ): Promise<Map<string, ReportFacts>>;
  /** The ids of the records behind a cell; empty for entered figures. */
  recordsBehind(
    agencyId: string,
    selector: CellSelector,
    year: number,
    counting: ProceedingCounting,
  ): Promise<string[]>;
}
