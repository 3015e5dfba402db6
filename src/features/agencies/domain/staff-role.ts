/**
 * Who may do what where. A staff account belongs to one agency and acts there and in the agencies below
 * it (a city government's office over its departments). Roles add up.
 * - officer: registers and works cases, imports ledgers, drafts documents, prepares the annual report;
 *   the only role that sees applicants' personal data in full (the others see it masked);
 * - approver: approves extensions (as the head of the disclosure office, 第三十三条), reviews documents
 *   before publication (保密审查, 第十七条), files the annual report and approves corrections of filed
 *   reports (never their own request);
 * - supervisor: reads cases and reports, follows the reporting season of the agencies below and
 *   reminds them; changes no record;
 * - admin: manages staff accounts, the agencies below (level, jurisdiction, reconsideration organ), the
 *   calendar (an administrator of a top agency) and the agency's disclosure settings (catalogue, guide,
 *   local limits), opens reporting seasons, files reports.
 */
export const STAFF_ROLES = ['admin', 'officer', 'approver', 'supervisor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  admin: '管理员',
  officer: '经办人',
  approver: '审批人',
  supervisor: '监督人员',
};

export type Permission =
  | 'read-cases'
  | 'work-cases'
  | 'approve-extensions'
  | 'manage-staff'
  | 'draft-documents'
  | 'review-documents'
  | 'manage-disclosure-settings'
  | 'file-reports'
  | 'run-seasons'
  | 'approve-corrections'
  /** Add agencies below one's own, set their level, jurisdiction and reconsideration organ. */
  | 'manage-agencies'
  /** Import the State Council's holiday notice (administrators of a top agency: it applies to all). */
  | 'manage-calendar'
  /** Applicants' and authors' names, ID numbers, phones, e-mail and addresses in full (the case worker). */
  | 'see-personal-data';

const GRANTS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  admin: [
    'read-cases',
    'manage-staff',
    'manage-disclosure-settings',
    'file-reports',
    'run-seasons',
    'approve-corrections',
    'manage-agencies',
    'manage-calendar',
  ],
  officer: ['read-cases', 'work-cases', 'draft-documents', 'see-personal-data'],
  approver: ['read-cases', 'approve-extensions', 'review-documents', 'file-reports', 'approve-corrections'],
  supervisor: ['read-cases', 'run-seasons'],
};

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export function hasPermission(roles: readonly StaffRole[], permission: Permission): boolean {
  return roles.some((role) => GRANTS[role].includes(permission));
}

/** True when `agencyId` is the account's agency or below it; `ancestors` lists agencyId's parents upward. */
export function isWithinScope(
  accountAgencyId: string,
  agencyId: string,
  ancestors: readonly string[],
): boolean {
  return accountAgencyId === agencyId || ancestors.includes(accountAgencyId);
}
