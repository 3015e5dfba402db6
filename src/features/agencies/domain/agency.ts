/** 行政机关: an agency that keeps records and publishes a report; agencies form a hierarchy. */
export interface Agency {
  readonly id: string;
  readonly name: string;
  readonly parentId?: string;
  /** Whose working-day calendar applies: CN (national) or e.g. CN-XZ with local holidays. */
  readonly jurisdiction?: string;
}
