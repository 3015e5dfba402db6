/** Terminal output helpers for the CLI: checks as lines, problems as lines, exit codes. */
import type { CheckResult } from '../../features/annual-report/domain/annual-report.ts';
import { formatProblem, type LedgerProblem } from '../../features/ledger-import/domain/ledger-problem.ts';

export const EXIT = { ok: 0, checkErrors: 1, badInput: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
  }
}

const MARK: Record<CheckResult['status'], string> = {
  pass: '✓',
  fail: '✗',
  incomplete: '?',
  'not-applicable': '-',
};
const SEVERITY: Record<CheckResult['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

export function formatCheck(check: CheckResult): string {
  const sides =
    check.lhs !== null && check.rhs !== null ? `  ${check.lhs} / ${check.rhs}（差 ${check.delta}）` : '';
  return `${MARK[check.status]} ${check.rule.padEnd(22)} ${SEVERITY[check.severity]}  ${check.message}${sides}`;
}

export function summarizeChecks(checks: readonly CheckResult[]): string {
  const count = (status: CheckResult['status'], severity?: CheckResult['severity']) =>
    checks.filter((c) => c.status === status && (!severity || c.severity === severity)).length;
  return `勾稽关系检查 ${checks.length} 项：通过 ${count('pass')}，未通过 ${count('fail')}（错误 ${count('fail', 'error')}、警告 ${count('fail', 'warning')}、提示 ${count('fail', 'info')}），数据不全 ${count('incomplete')}，未检查 ${count('not-applicable')}`;
}

export function printChecks(
  checks: readonly CheckResult[],
  all: boolean,
  write: (line: string) => void,
): void {
  for (const check of checks)
    if (all || check.status === 'fail' || check.status === 'incomplete') write(formatCheck(check));
  write(summarizeChecks(checks));
}

export function printProblems(problems: readonly LedgerProblem[], write: (line: string) => void): void {
  for (const problem of problems)
    write(`${problem.severity === 'error' ? '错误' : '警告'} ${formatProblem(problem)}`);
}

/**
 * A command's action, loaded only when the command runs: `--help` and every other command never load
 * what one command needs (the renderers, the file readers, the database drivers).
 */
export function lazyAction<M>(
  load: () => Promise<M>,
  name: keyof M,
  io: { exitCode: number },
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const action = (await load())[name] as unknown as (io: unknown) => (...a: unknown[]) => unknown;
    await action(io)(...args);
  };
}
