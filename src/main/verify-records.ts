/**
 * `audit-log verify` in full: the audit log's hash chain, then the records it vouches for — every case
 * event and every document review step compared with the hash its audit entry carries.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { verifyAuditLog, type AuditVerification } from '../platform/audit/audit-log.ts';
import { verifyAnchors, type AnchorProblem } from '../platform/audit/record-anchors.ts';
import { CASE_EVENT_ACTION, storedCaseEvents } from '../features/requests/db/case-event-anchors.ts';
import {
  DOCUMENT_STEP_ACTION,
  storedDocumentSteps,
} from '../features/proactive-disclosure/db/document-step-anchors.ts';

export interface RecordsVerification {
  readonly chain: AuditVerification;
  readonly caseEvents: { checked: number; problems: AnchorProblem[] };
  readonly documentSteps: { checked: number; problems: AnchorProblem[] };
}

export async function verifyRecords(
  db: Kysely<Database>,
  options: { expectHead?: string } = {},
): Promise<RecordsVerification> {
  return {
    chain: await verifyAuditLog(db, options),
    caseEvents: await verifyAnchors(db, CASE_EVENT_ACTION, storedCaseEvents(db)),
    documentSteps: await verifyAnchors(db, DOCUMENT_STEP_ACTION, storedDocumentSteps(db)),
  };
}

const PROBLEMS: Readonly<Record<AnchorProblem['problem'], string>> = {
  changed: '内容与审计日志记下的不符（被改动过）',
  removed: '已不存在（被删除）',
  'not-anchored': '审计日志中没有记载（被插入）',
};

/** Each problem in a sentence: 机关 city 的申请 YSQ-2025-00001 第 3 项办理记录已不存在（被删除）. */
export function describeAnchorProblems(verification: RecordsVerification): string[] {
  const line = (kind: string, step: string) => (p: AnchorProblem) => {
    const [record, n] = p.key.split('#');
    return `机关 ${p.agencyId} 的${kind} ${record} 第 ${n} 项${step}${PROBLEMS[p.problem]}`;
  };
  return [
    ...verification.caseEvents.problems.map(line('申请', '办理记录')),
    ...verification.documentSteps.problems.map(line('文件', '审查步骤')),
  ];
}
