/** 行政机关: an agency that keeps records and publishes a report; agencies form a hierarchy. */
export interface Agency {
  readonly id: string;
  readonly name: string;
  readonly parentId?: string;
  /** Whose working-day calendar applies: CN (national) or e.g. CN-XZ with local holidays. */
  readonly jurisdiction?: string;
  /** Which of a reporting season's deadlines applies (default: a department). */
  readonly level?: AgencyLevel;
}

/** 省级、市级、县级人民政府, 乡镇, 工作部门: how a reporting season sets each one's deadline. */
export const AGENCY_LEVELS = ['province', 'city', 'county', 'township', 'department'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const AGENCY_LEVEL_LABELS: Readonly<Record<AgencyLevel, string>> = {
  province: '省级政府',
  city: '市级政府',
  county: '县级政府',
  township: '乡镇（街道）',
  department: '工作部门',
};

export function isAgencyLevel(value: string): value is AgencyLevel {
  return (AGENCY_LEVELS as readonly string[]).includes(value);
}
