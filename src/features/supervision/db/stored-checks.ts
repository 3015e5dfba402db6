/**
 * A filed report as stored (its cells as values in order: stored-cells.ts). Its checks: three quarters of
 * a filed report were its 63 checks, each repeating
 * its rule's severity, cells and sentence. Stored, a check is its rule, status and two sides, with only
 * what differs from its rule's template (frozen, versioned tables: check-templates-v1.ts, and in version 2
 * also the usual sentence of a check not applied, check-not-applicable-v2.ts) — a failed check's own
 * sentence, a rule's other cells. Read back, the check is exactly what was filed, by the version it was
 * stored with; a report stored before (checks in full) reads as it was.
 */
import type { AnnualReport, CheckResult } from '../../annual-report/index.ts';
import { CHECK_TEMPLATES_V1 } from './check-templates-v1.ts';
import { NOT_APPLICABLE_V2 } from './check-not-applicable-v2.ts';
import { restoredCells, storedCells, type StoredCells } from './stored-cells.ts';

type Template = { readonly severity: string; readonly cells: readonly string[]; readonly message: string };
type Differences = Partial<Pick<CheckResult, 'severity' | 'cells' | 'message' | 'delta'>>;
/** rule, status, lhs, rhs, and what differs from the template (when anything does). */
type StoredCheck =
  | readonly [string, CheckResult['status'], number | null, number | null]
  | readonly [string, CheckResult['status'], number | null, number | null, Differences];

export interface StoredChecks {
  readonly templates: string;
  readonly checks: readonly StoredCheck[];
}

/**
 * Each version's tables: the rules' templates, and a check's usual sentence when its rule could not be
 * applied (none in version 1).
 */
const VERSIONS: Readonly<
  Record<
    string,
    {
      readonly templates: Readonly<Record<string, Readonly<Record<string, Template>>>>;
      readonly notApplicable: Readonly<Record<string, string>>;
    }
  >
> = {
  v1: { templates: CHECK_TEMPLATES_V1, notApplicable: {} },
  v2: { templates: CHECK_TEMPLATES_V1, notApplicable: NOT_APPLICABLE_V2 },
};
const CURRENT = 'v2' as const;

/** The sentence a check of `rule` with `status` has when nothing about it differs from the templates. */
function usualMessage(
  version: string,
  rule: string,
  status: CheckResult['status'],
  template: Template | undefined,
): string | undefined {
  if (status === 'not-applicable') {
    const sentences = VERSIONS[version]!.notApplicable;
    const sentence = sentences[rule] ?? sentences[rule.split('.')[0]!];
    if (sentence !== undefined) return sentence;
  }
  return template?.message;
}

/** What the rules compute as a check's delta: its two sides apart, when both are known. */
function deltaOf(lhs: number | null, rhs: number | null): number | null {
  return lhs !== null && rhs !== null ? Math.round((lhs - rhs) * 1e6) / 1e6 : null;
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function storeCheck(check: CheckResult, template: Template | undefined, version: string): StoredCheck {
  const message = usualMessage(version, check.rule, check.status, template);
  // Nothing allocated for a check as its template has it (nearly all of a province's 190,000).
  let differences: { -readonly [K in keyof Differences]: Differences[K] } | undefined;
  if (check.severity !== template?.severity) (differences ??= {}).severity = check.severity;
  if (!template || !sameCells(check.cells, template.cells)) (differences ??= {}).cells = check.cells;
  if (check.message !== message) (differences ??= {}).message = check.message;
  if (check.delta !== deltaOf(check.lhs, check.rhs)) (differences ??= {}).delta = check.delta;
  return differences
    ? [check.rule, check.status, check.lhs, check.rhs, differences]
    : [check.rule, check.status, check.lhs, check.rhs];
}

function restoreCheck(stored: StoredCheck, template: Template | undefined, version: string): CheckResult {
  const [rule, status, lhs, rhs] = stored;
  const differences: Differences = stored[4] ?? {};
  return {
    rule,
    severity: (differences.severity ?? template?.severity) as CheckResult['severity'],
    status,
    lhs,
    rhs,
    delta: 'delta' in differences ? differences.delta! : deltaOf(lhs, rhs),
    cells: differences.cells ?? template?.cells ?? [],
    message: differences.message ?? usualMessage(version, rule, status, template) ?? '',
  };
}

/** A report as its row stores it: the checks slim (`storedChecks`), the cells as values in order (`storedCells`). */
export type StoredReport = Omit<AnnualReport, 'checks' | 'cells'> & {
  readonly storedChecks: StoredChecks;
  readonly storedCells?: StoredCells;
  readonly cells?: AnnualReport['cells'];
};

/**
 * The report as its row stores it: the checks slim, the cells as values in order where the order knows
 * them (`version`: the templates' version, the current one but in tests of reports stored before).
 */
export function storedReport(report: AnnualReport, version: 'v1' | 'v2' = CURRENT): StoredReport {
  const { checks, cells, ...rest } = report;
  const templates = VERSIONS[version]!.templates[report.format];
  const inOrder = storedCells(report.format, cells);
  return {
    ...rest,
    ...(inOrder ? { storedCells: inOrder } : { cells }),
    storedChecks: {
      templates: version,
      checks: checks.map((c) => storeCheck(c, templates?.[c.rule], version)),
    },
  };
}

/**
 * The report a row holds, its checks and cells whole again (a report stored before — checks in full,
 * cells by name — as it is).
 */
export function restoredReport(stored: AnnualReport | StoredReport): AnnualReport {
  if (!('storedChecks' in stored)) return stored;
  const { storedChecks, storedCells: inOrder, cells, ...rest } = stored;
  const templates = VERSIONS[storedChecks.templates]?.templates;
  if (!templates)
    throw new Error(`filed report stored with unknown check templates ${storedChecks.templates}`);
  return {
    ...rest,
    cells: inOrder ? restoredCells(rest.format, inOrder) : (cells ?? {}),
    checks: storedChecks.checks.map((c) =>
      restoreCheck(c, templates[rest.format]?.[c[0]], storedChecks.templates),
    ),
  };
}
