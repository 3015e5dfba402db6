/**
 * The consistency rules (勾稽关系) R1–R10 of annual-report-format.md §6, read from the format's JSON
 * twin and expanded into instances for a given format. Sum rules are data: `lhs` and `rhs` are lists of
 * cell references, `prev:` meaning the same agency's report for the previous year and `-` subtraction.
 */
import spec from './format-2021.json' with { type: 'json' };
import type { Severity } from './annual-report.ts';
import type { ReportFormat } from './report-format.ts';

export interface SumRuleInstance {
  readonly id: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly lhs: readonly string[];
  readonly rhs: readonly string[];
  readonly usesPreviousYear: boolean;
}

type SpecRule = {
  id: string;
  severity: string;
  description: string;
  template?: { forEach: Record<string, string[]>; lhs: string[]; rhs: string[] };
  instances?: Array<{ id: string; lhs: string[]; rhs: string[] }>;
  pairs?: Array<{ text: string; cell: string[] }>;
};

export const SPEC_RULES = spec.rules as unknown as readonly SpecRule[];

export function ruleSeverity(ruleId: string): Severity {
  const severity = SPEC_RULES.find((r) => r.id === ruleId)?.severity;
  if (severity !== 'error' && severity !== 'warning' && severity !== 'info')
    throw new Error(`no severity for ${ruleId}`);
  return severity;
}

function expandTemplate(rule: SpecRule): Array<{ id: string; lhs: string[]; rhs: string[] }> {
  const template = rule.template;
  if (!template) return rule.instances ?? [];
  const [variable, values] = Object.entries(template.forEach)[0] ?? ['', []];
  const fill = (ref: string, value: string) => ref.replaceAll(`{${variable}}`, value);
  return values.map((value) => ({
    id: `${rule.id}.${value}`,
    lhs: template.lhs.map((ref) => fill(ref, value)),
    rhs: template.rhs.map((ref) => fill(ref, value)),
  }));
}

/** The 2019 trial format prints （六）其他处理 as one row: r3_6_1…3 fold into r3_6. */
function adaptToFormat(refs: readonly string[], format: ReportFormat): string[] {
  if (format.id === '2021') return [...refs];
  return [...new Set(refs.map((ref) => ref.replace(/\.r3_6_\d\./, '.r3_6.')))];
}

function cellOfRef(ref: string): string {
  return ref.replace(/^-/, '').replace(/^prev:/, '');
}

/** Whether a reference is to last year's report (`prev:`, subtracted or not). */
const ofPreviousYear = (ref: string) => ref.replace(/^-/, '').startsWith('prev:');

/**
 * The cells of last year's report the instances compare with (R6's 结转下年度, R7's 现行有效件数): all a
 * reader of last year's report for the checks needs.
 */
export function previousYearCellsOf(instances: readonly SumRuleInstance[]): string[] {
  return instances.flatMap((rule) => [...rule.lhs, ...rule.rhs].filter(ofPreviousYear).map(cellOfRef));
}

const INSTANCES = new Map<ReportFormat['id'], readonly SumRuleInstance[]>();

/** Every sum-rule instance (R1–R4, R6, R7) that applies to the format (worked out once per format). */
export function sumRuleInstances(format: ReportFormat): readonly SumRuleInstance[] {
  let instances = INSTANCES.get(format.id);
  if (!instances) INSTANCES.set(format.id, (instances = buildInstances(format)));
  return instances;
}

function buildInstances(format: ReportFormat): SumRuleInstance[] {
  const known = new Set(format.cellIds);
  const instances: SumRuleInstance[] = [];
  for (const rule of SPEC_RULES) {
    if (!['R1', 'R2', 'R3', 'R4', 'R6', 'R7'].includes(rule.id)) continue;
    const seen = new Set<string>();
    for (const raw of expandTemplate(rule)) {
      const id = format.id === '2019' ? raw.id.replace(/^R3\.r3_6_\d$/, 'R3.r3_6') : raw.id;
      if (seen.has(id)) continue;
      seen.add(id);
      const lhs = adaptToFormat(raw.lhs, format);
      const rhs = adaptToFormat(raw.rhs, format);
      if (![...lhs, ...rhs].every((ref) => known.has(cellOfRef(ref)))) continue;
      instances.push({
        id,
        rule: rule.id,
        severity: ruleSeverity(rule.id),
        lhs,
        rhs,
        usesPreviousYear: [...lhs, ...rhs].some(ofPreviousYear),
      });
    }
  }
  return instances;
}

/** The R8 pairs: what the narrative states and the table cells it must equal. */
export const TEXT_FIGURE_CELLS = {
  received: ['t3.r1.total'],
  carriedIn: ['t3.r2.total'],
  completed: ['t3.r3_7.total'],
  carriedOut: ['t3.r4.total'],
  reviews: ['t4.review.total'],
  lawsuits: ['t4.lit_direct.total', 't4.lit_after_review.total'],
} as const;
export type TextFigure = keyof typeof TEXT_FIGURE_CELLS;
