/**
 * Who decides a reconsideration of the agency's acts (application-lifecycle.md §11):
 * - since 2024-01-01 (行政复议法 as revised in 2023): a department's acts → the people's government at
 *   its level (第二十四条第一款（一）); a county, township or city government's own acts → the next-higher
 *   government (第二十四条第一款（二）); a province's own acts → that government (第二十四条第二款);
 * - before (the 1999 law, as amended): a department's acts → the government at its level or the
 *   next-higher competent department, as the applicant chooses (第十二条); a local government's → the
 *   next-higher government (第十三条); a province's → itself (第十四条);
 * - vertically led bodies (海关, 金融, 外汇管理, 税务, 国家安全…: 第二十七条) and any other case the
 *   hierarchy cannot tell: the organ the agency names in its settings.
 */
import type { AgencyLevel } from '../../agencies/domain/agency.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

export interface AgencyInChain {
  readonly name: string;
  readonly level?: AgencyLevel;
}

export interface ReconsiderationOrgans {
  /** For acts since 2024-01-01. */
  readonly current: string;
  /** For acts before 2024-01-01. */
  readonly before2024: string;
}

export const REVISED_REVIEW_LAW_SINCE = '2024-01-01' as IsoDate;

const isGovernment = (a: AgencyInChain) => a.level !== undefined && a.level !== 'department';

/**
 * The organs for `agency`, given its ancestors nearest first; undefined when the hierarchy does not say
 * and the agency named none (its letters are then not drafted: the remedy would be a blank).
 */
export function reconsiderationOrgans(
  agency: AgencyInChain,
  ancestors: readonly AgencyInChain[],
  named?: string,
): ReconsiderationOrgans | undefined {
  if (named?.trim()) return { current: named.trim(), before2024: named.trim() };
  if (agency.level === 'province') return { current: agency.name, before2024: agency.name };
  const government = ancestors.find(isGovernment);
  if (!government) return undefined;
  if (isGovernment(agency)) return { current: government.name, before2024: government.name };
  return { current: government.name, before2024: `${government.name}或者上一级主管部门` };
}

export function organOn(organs: ReconsiderationOrgans, actOn: IsoDate): string {
  return actOn >= REVISED_REVIEW_LAW_SINCE ? organs.current : organs.before2024;
}
