/** What the case API returns, as the console reads it. */
export interface Day {
  date: string;
  kind: string;
  name?: string;
  counted: boolean;
  pausedBy?: string;
  known: boolean;
}
export interface Deadline {
  kind: string;
  dueOn?: string;
  daysLeft?: number;
  periodEndsOn?: string;
  provisional?: boolean;
  missingYears?: number[];
  workingDays?: number;
  startOn?: string;
  days?: Day[];
  reason?: string;
}
export interface CaseDetail {
  id: string;
  status: string;
  statusLabel: string;
  channel: string;
  submittedOn: string;
  receivedOn: string | null;
  arrivedOn: string | null;
  confirmationLate: boolean;
  applicant: {
    type: string;
    name: string;
    phone?: string;
    email?: string;
    idNumber?: string;
    address?: string;
  };
  application: { description: string; delivery: string };
  consultations: Array<{
    id: string;
    party: string;
    partyName: string;
    answeredOn?: string;
    answerDueOn: string;
    position?: 'consents' | 'objects' | 'other';
  }>;
  clarification: object | null;
  extension: object | null;
  fees: object[];
  outcomeLabel: string | null;
  legalBasis: string | null;
  completedOn: string | null;
  deadline: Deadline;
  handler: { username: string; name: string } | null;
  pendingApproval: {
    kind: 'extension' | 'later-date';
    requestedBy: string;
    requestedByName: string;
    requestedOn: string;
    workingDays?: number;
    laterDate?: string;
    reason: string;
  } | null;
  history: Array<{
    seq: number;
    at: string;
    actor: string;
    actorName: string;
    reason: string | null;
    type: string;
    event: Record<string, unknown>;
  }>;
}
