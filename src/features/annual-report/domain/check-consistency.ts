/**
 * Runs every consistency rule (勾稽关系, annual-report-format.md §6) on a report's cells and returns one
 * result per rule instance; the check never stops at the first failure.
 */
import type { AnnualReport, CheckResult, Severity } from './annual-report.ts';
import {
  previousYearCellsOf,
  ruleSeverity,
  sumRuleInstances,
  TEXT_FIGURE_CELLS,
  type SumRuleInstance,
  type TextFigure,
} from './consistency-rules.ts';
import { reportFormat, type CellId, type ReportFormat } from './report-format.ts';

export interface CheckContext {
  /** The same agency's report for the previous year (R6, R7). */
  readonly previous?: Pick<AnnualReport, 'format' | 'cells'>;
  /** Figures the narrative states (R8), as read from the text. */
  readonly statedFigures?: Readonly<Partial<Record<TextFigure, number>>>;
  /** Cells printed blank, "-" or "/" and read as 0 (R9). */
  readonly blankCells?: readonly CellId[];
  /** 信息处理费 actually collected in the year and the fee notices issued (R10). */
  readonly processingFees?: {
    readonly collectedCount: number;
    readonly collectedYuan: number;
    readonly noticesIssued?: number;
  };
}

let previousYear: readonly CellId[] | undefined;
/** The cells of last year's report that any rule compares with, in either format (worked out once). */
export function previousYearCells(): readonly CellId[] {
  previousYear ??= [
    ...new Set(
      (['2021', '2019'] as const).flatMap((id) => previousYearCellsOf(sumRuleInstances(reportFormat(id)))),
    ),
  ];
  return previousYear;
}

export const RULE_TITLES: Readonly<Record<string, string>> = {
  R1: '本列：第一项加第二项之和等于第三项加第四项之和',
  R2: '（七）总计等于各项办理结果之和',
  R3: '总计等于自然人与法人或其他组织各列之和',
  R4: '总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  R5: '计数为非负整数，收费金额为非负数（单位：万元）',
  R6: '本年“上年结转”等于上年“结转下年度继续办理”',
  R7: '现行有效件数等于上年现行有效件数加本年制发减本年废止',
  R8: '正文所述数字与表格一致',
  R9: '表格每一格填写数字（无则填0）',
  R10: '收取信息处理费应在“六、其他需要报告的事项”中报告',
};

type Cells = Readonly<Record<CellId, number>>;

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const TITLES = new Map<string, string>();
/** A rule instance's title: its rule's (R3.r1 → R3's), worked out once. */
function titleOf(rule: string): string {
  let title = TITLES.get(rule);
  if (title === undefined) TITLES.set(rule, (title = RULE_TITLES[rule.split('.')[0] ?? ''] ?? rule));
  return title;
}

function result(
  rule: string,
  severity: Severity,
  status: CheckResult['status'],
  sides: { lhs: number | null; rhs: number | null },
  cells: readonly string[],
  detail: string,
): CheckResult {
  const delta = sides.lhs !== null && sides.rhs !== null ? round(sides.lhs - sides.rhs) : null;
  const title = titleOf(rule);
  return {
    rule,
    severity,
    status,
    lhs: sides.lhs,
    rhs: sides.rhs,
    delta,
    cells,
    message: detail ? `${title}：${detail}` : title,
  };
}

/** A side's reference parsed: `-` subtracts, `prev:` reads last year's report. */
interface SideRef {
  readonly ref: string;
  readonly id: CellId;
  readonly negative: boolean;
  readonly fromPrevious: boolean;
}

const PARSED = new WeakMap<readonly string[], readonly SideRef[]>();
/** A side's references parsed once per side (the rules' sides are the same arrays report after report). */
function parsedSide(refs: readonly string[]): readonly SideRef[] {
  let parsed = PARSED.get(refs);
  if (!parsed) {
    parsed = refs.map((ref) => {
      const negative = ref.startsWith('-');
      const bare = negative ? ref.slice(1) : ref;
      const fromPrevious = bare.startsWith('prev:');
      return { ref: bare, id: fromPrevious ? bare.slice(5) : bare, negative, fromPrevious };
    });
    PARSED.set(refs, parsed);
  }
  return parsed;
}

function sumSide(refs: readonly string[], cells: Cells, previous: Cells | undefined): number | string {
  const parsed = parsedSide(refs);
  let total = 0;
  for (let i = 0; i < parsed.length; i++) {
    const { ref, id, negative, fromPrevious } = parsed[i]!;
    const value = fromPrevious ? previous?.[id] : cells[id];
    if (value === undefined || !Number.isFinite(value)) return ref;
    total += negative ? -value : value;
  }
  return round(total);
}

const REFS = new WeakMap<SumRuleInstance, readonly string[]>();
/** Both sides' references of a rule instance, as its checks list them (one array per instance). */
function refsOf(instance: SumRuleInstance): readonly string[] {
  let refs = REFS.get(instance);
  if (!refs) REFS.set(instance, (refs = Object.freeze([...instance.lhs, ...instance.rhs])));
  return refs;
}

function checkSumRule(
  instance: SumRuleInstance,
  cells: Cells,
  previous: Cells | undefined,
  sameFormat = true,
): CheckResult {
  const refs = refsOf(instance);
  // R7 compares table 二 concepts that the 2019 format does not have (spec §9).
  if (instance.id.startsWith('R7') && previous && !sameFormat)
    return result(
      instance.id,
      instance.severity,
      'not-applicable',
      { lhs: null, rhs: null },
      refs,
      '上年报告为另一种格式，不适用',
    );
  if (instance.usesPreviousYear && !previous) {
    return result(
      instance.id,
      instance.severity,
      'not-applicable',
      { lhs: null, rhs: null },
      refs,
      '没有上年度报告，未检查',
    );
  }
  const lhs = sumSide(instance.lhs, cells, previous);
  const rhs = sumSide(instance.rhs, cells, previous);
  if (typeof lhs === 'string' || typeof rhs === 'string') {
    const missing = typeof lhs === 'string' ? lhs : rhs;
    return result(
      instance.id,
      instance.severity,
      'incomplete',
      { lhs: null, rhs: null },
      refs,
      `缺少单元格 ${missing}`,
    );
  }
  const status = lhs === rhs ? 'pass' : 'fail';
  return result(
    instance.id,
    instance.severity,
    status,
    { lhs, rhs },
    refs,
    status === 'pass' ? '' : `左边 ${lhs}，右边 ${rhs}，相差 ${round(lhs - rhs)}`,
  );
}

function isValidValue(format: ReportFormat, cell: CellId, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (format.signedCells.has(cell)) return Number.isInteger(value);
  if (format.decimalCells.has(cell)) return value >= 0;
  return Number.isInteger(value) && value >= 0;
}

/** R5, one instance per table: every count a non-negative integer, the fee amount a non-negative number. */
function checkValues(format: ReportFormat, cells: Cells): CheckResult[] {
  const severity = ruleSeverity('R5');
  return (['t2', 't3', 't4'] as const).map((tableId) => {
    const ids = format.tables[tableId].cells;
    let bad: CellId[] | undefined;
    for (let i = 0; i < ids.length; i++) {
      const value = cells[ids[i]!];
      if (value !== undefined && !isValidValue(format, ids[i]!, value)) (bad ??= []).push(ids[i]!);
    }
    if (!bad) return result(`R5.${tableId}`, severity, 'pass', { lhs: null, rhs: null }, [], '');
    const detail = bad.map((c) => `${c} = ${cells[c]}`).join('；');
    return result(`R5.${tableId}`, severity, 'fail', { lhs: null, rhs: null }, bad, detail);
  });
}

function checkStatedFigures(cells: Cells, stated: CheckContext['statedFigures']): CheckResult[] {
  const severity = ruleSeverity('R8');
  return (Object.keys(TEXT_FIGURE_CELLS) as TextFigure[]).map((figure) => {
    const refs = TEXT_FIGURE_CELLS[figure];
    const said = stated?.[figure];
    if (said === undefined)
      return result(
        `R8.${figure}`,
        severity,
        'not-applicable',
        { lhs: null, rhs: null },
        refs,
        '正文未提及，未检查',
      );
    const table = sumSide(refs, cells, undefined);
    if (typeof table === 'string')
      return result(
        `R8.${figure}`,
        severity,
        'incomplete',
        { lhs: said, rhs: null },
        refs,
        `缺少单元格 ${table}`,
      );
    return result(
      `R8.${figure}`,
      severity,
      said === table ? 'pass' : 'fail',
      { lhs: said, rhs: table },
      refs,
      said === table ? '' : `正文 ${said}，表格 ${table}${withCarriedNote(figure, said, table, cells)}`,
    );
  });
}

/**
 * A text that counts as received (收到/受理 749 件) what the agency had on hand — this year's new with last
 * year's carried over — still differs from the table's 新收, but the reader is told where its figure comes from.
 */
function withCarriedNote(figure: TextFigure, said: number, table: number, cells: Cells): string {
  if (figure !== 'received') return '';
  const carried = sumSide(['t3.r2.total'], cells, undefined);
  return typeof carried === 'number' && carried > 0 && said === table + carried
    ? `（正文的数字是本年新收 ${table} 与上年结转 ${carried} 之和）`
    : '';
}

function checkBlanks(blankCells: readonly CellId[] | undefined, cells: Cells): CheckResult {
  const severity = ruleSeverity('R9');
  if (!blankCells) return result('R9', severity, 'pass', { lhs: null, rhs: null }, [], '');
  const status = blankCells.length === 0 ? 'pass' : 'fail';
  // A blank read as anything but 0 is a 总计 printed empty beside its row's cells: read as their sum.
  const summed = blankCells.filter((cell) => (cells[cell] ?? 0) !== 0).length;
  const zeros = blankCells.length - summed;
  const said = [
    ...(zeros > 0 ? [`${zeros} 格为空白或“-”“/”，按 0 读取`] : []),
    ...(summed > 0 ? [`${summed} 格总计为空白，按其行各格之和读取`] : []),
  ].join('；');
  return result(
    'R9',
    severity,
    status,
    { lhs: blankCells.length, rhs: 0 },
    blankCells,
    status === 'pass' ? '' : said,
  );
}

function checkProcessingFees(
  cells: Cells,
  sectionSix: string | undefined,
  fees: CheckContext['processingFees'],
): CheckResult[] {
  const severity = ruleSeverity('R10');
  const checks: CheckResult[] = [];
  if (!fees) {
    checks.push(
      result(
        'R10.reported',
        severity,
        'not-applicable',
        { lhs: null, rhs: null },
        [],
        '没有信息处理费记录，未检查',
      ),
    );
  } else {
    const mentioned = sectionSix !== undefined && /信息处理费/.test(sectionSix);
    const status = fees.collectedCount === 0 || mentioned || sectionSix === undefined ? 'pass' : 'fail';
    checks.push(
      result(
        'R10.reported',
        severity,
        status,
        { lhs: fees.collectedYuan, rhs: null },
        [],
        status === 'pass'
          ? ''
          : `本年收取信息处理费 ${fees.collectedYuan} 元（${fees.collectedCount} 件），第六部分未提及`,
      ),
    );
  }
  const unpaid = cells['t3.r3_6_2.total'];
  if (unpaid === undefined || fees?.noticesIssued === undefined) {
    checks.push(
      result(
        'R10.fee_notices',
        severity,
        'not-applicable',
        { lhs: unpaid ?? null, rhs: null },
        ['t3.r3_6_2.total'],
        '没有收费通知记录，未检查',
      ),
    );
  } else {
    const status = unpaid === 0 || fees.noticesIssued > 0 ? 'pass' : 'fail';
    checks.push(
      result(
        'R10.fee_notices',
        severity,
        status,
        { lhs: unpaid, rhs: fees.noticesIssued },
        ['t3.r3_6_2.total'],
        status === 'pass' ? '' : `逾期未缴费不再处理 ${unpaid} 件，但没有发出收费通知`,
      ),
    );
  }
  return checks;
}

export function checkConsistency(
  report: Pick<AnnualReport, 'format' | 'cells' | 'sections'>,
  context: CheckContext = {},
): CheckResult[] {
  const format = reportFormat(report.format);
  const previous = context.previous?.cells;
  const sameFormat = context.previous?.format === report.format;
  const checks: CheckResult[] = [];
  for (const instance of sumRuleInstances(format))
    checks.push(checkSumRule(instance, report.cells, previous, sameFormat));
  checks.push(
    ...checkValues(format, report.cells),
    ...checkStatedFigures(report.cells, context.statedFigures),
    checkBlanks(context.blankCells, report.cells),
    ...checkProcessingFees(report.cells, report.sections?.s6, context.processingFees),
  );
  // Listed by rule number; the sort is stable, so each rule keeps its own order.
  return checks.sort((a, b) => ruleOrder(a.rule) - ruleOrder(b.rule));
}

/**
 * Only the rules that read the report's words — R8 (the figures its text states) and R10 (a fee
 * collected is reported in section 六) — as checkConsistency lists them, without the table rules.
 */
export function checkTextRules(
  report: Pick<AnnualReport, 'format' | 'cells' | 'sections'>,
  context: Pick<CheckContext, 'statedFigures' | 'processingFees'> = {},
): CheckResult[] {
  return [
    ...checkStatedFigures(report.cells, context.statedFigures),
    ...checkProcessingFees(report.cells, report.sections?.s6, context.processingFees),
  ];
}

const ORDER = new Map<string, number>();
/** R3.r1 → 3: checks listed by rule number (worked out once per rule instance). */
function ruleOrder(rule: string): number {
  let order = ORDER.get(rule);
  if (order === undefined) ORDER.set(rule, (order = parseInt(rule.slice(1), 10)));
  return order;
}
