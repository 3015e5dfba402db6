/**
 * Who an applicant is, for the monthly tiers of 按件计收 (《办法》第四条 counts one applicant's
 * applications): the identity document number when there is one (two people may share a name), the
 * name only where there is none. ID numbers are compared as written without spaces or hyphens, the
 * check letter in capitals.
 */
import type { Applicant } from './case-events.ts';

export function applicantIdentity(applicant: Pick<Applicant, 'name' | 'idNumber'>): string {
  const id = applicant.idNumber?.replace(/[\s-]/g, '').toUpperCase();
  return id ? `id:${id}` : `name:${applicant.name.trim()}`;
}
