/**
 * Whether a report may be filed (报送). Refused while any error-level rule fails (R1–R5) or while the
 * carry-over rule R6 fails against last year's filed report — the issue makes R6 blocking at filing,
 * where the spec lists it as a warning for reports in general. Every other failing warning must be
 * explained in a comment before filing; hints (info) need none.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { CheckResult } from '../../annual-report/index.ts';

export interface FailingRule {
  readonly rule: string;
  readonly message: string;
  readonly cells: readonly string[];
}

export type FilingRefusal =
  | { readonly code: 'report-has-errors'; readonly failures: readonly FailingRule[] }
  | { readonly code: 'warnings-unexplained'; readonly warnings: readonly FailingRule[] };

const failing = (c: CheckResult): FailingRule => ({ rule: c.rule, message: c.message, cells: c.cells });

export function isBlocking(check: CheckResult): boolean {
  return check.status === 'fail' && (check.severity === 'error' || check.rule.startsWith('R6'));
}

/** The warnings to explain, and the explanations kept (only those of failing warnings, trimmed). */
export function decideFiling(
  checks: readonly CheckResult[],
  explanations: Readonly<Record<string, string>>,
): Result<Readonly<Record<string, string>>, FilingRefusal> {
  const blocking = checks.filter(isBlocking);
  if (blocking.length > 0) return err({ code: 'report-has-errors', failures: blocking.map(failing) });
  const warnings = checks.filter((c) => c.status === 'fail' && c.severity === 'warning' && !isBlocking(c));
  const kept: Record<string, string> = {};
  const missing: FailingRule[] = [];
  for (const warning of warnings) {
    const comment = (explanations[warning.rule] ?? '').trim();
    if (comment.length < 4) missing.push(failing(warning));
    else kept[warning.rule] = comment.slice(0, 2000);
  }
  if (missing.length > 0) return err({ code: 'warnings-unexplained', warnings: missing });
  return ok(kept);
}

export function filingRefusalMessage(refusal: FilingRefusal): string {
  switch (refusal.code) {
    case 'report-has-errors':
      return `报告未通过 ${refusal.failures.length} 项必须通过的勾稽关系（${refusal.failures
        .slice(0, 5)
        .map((f) => f.rule)
        .join('、')}${refusal.failures.length > 5 ? ' 等' : ''}），不能报送`;
    case 'warnings-unexplained':
      return `有 ${refusal.warnings.length} 项警告未说明（${refusal.warnings
        .map((w) => w.rule)
        .join('、')}），请逐项填写说明后再报送`;
  }
}
