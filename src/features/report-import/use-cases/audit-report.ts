/** The audit of one published report: its tables read from the text, then every consistency rule. */
import { checkConsistency, type CheckResult } from '../../annual-report/index.ts';
import { readReportText, type TextReading } from '../domain/read-report-text.ts';

export interface ReportAudit {
  readonly reading: TextReading;
  /** The rules R1–R10 over the cells read; cells not read make a rule `incomplete`, never `pass`. */
  readonly checks: readonly CheckResult[];
}

export function auditReportText(text: string): ReportAudit {
  const reading = readReportText(text);
  const checks =
    reading.format && Object.keys(reading.cells).length > 0
      ? checkConsistency({ format: reading.format, cells: reading.cells })
      : [];
  return { reading, checks };
}
