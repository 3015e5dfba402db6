/** A problem found in a ledger file, located by file, line and column, with a code and a sentence. */
export type LedgerProblemCode =
  | 'unreadable-file'
  | 'empty-file'
  | 'missing-column'
  | 'duplicate-column'
  | 'unknown-column'
  | 'missing-value'
  | 'invalid-date'
  | 'unknown-applicant-type'
  | 'unknown-outcome'
  | 'ambiguous-outcome'
  | 'unknown-proceeding-kind'
  | 'unknown-proceeding-result'
  | 'unknown-document-kind'
  | 'outcome-without-completion'
  | 'completion-without-outcome'
  | 'completed-before-received'
  | 'decided-before-filed'
  | 'result-without-decision'
  | 'decision-without-result'
  | 'repealed-before-issued'
  | 'duplicate-id'
  | 'invalid-figure'
  | 'figures-year-mismatch'
  | 'id-taken-by-case'
  | 'year-locked';

export interface LedgerProblem {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); 0 for the file as a whole. */
  readonly line: number;
  /** The column as the file names it. */
  readonly column?: string;
  readonly code: LedgerProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export function formatProblem(problem: LedgerProblem): string {
  const where = [
    problem.file,
    problem.line > 0 ? `第${problem.line}行` : '',
    problem.column ? `“${problem.column}”列` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${where}：${problem.message} [${problem.code}]`;
}
