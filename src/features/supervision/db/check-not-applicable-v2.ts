/**
 * Version 2 of the checks' templates of stored filed reports: version 1 (check-templates-v1.ts) and, for a
 * check the rules could not apply, its usual sentence — FROZEN, written once (2026-12-07) and never
 * edited. A report built from records states no figures in prose (R8 not applicable, six times), and most
 * agencies' first year here has no report of the year before (R6, R7) and no fee records (R10): these
 * sentences were a third of every filed version. A check whose sentence differs is stored with it.
 * Looked up by the rule instance (R10.reported), else by its rule (R6).
 */
// prettier-ignore
export const NOT_APPLICABLE_V2: Readonly<Record<string, string>> = {
  R6: '本年“上年结转”等于上年“结转下年度继续办理”：没有上年度报告，未检查',
  R7: '现行有效件数等于上年现行有效件数加本年制发减本年废止：没有上年度报告，未检查',
  R8: '正文所述数字与表格一致：正文未提及，未检查',
  'R10.reported': '收取信息处理费应在“六、其他需要报告的事项”中报告：没有信息处理费记录，未检查',
  'R10.fee_notices': '收取信息处理费应在“六、其他需要报告的事项”中报告：没有收费通知记录，未检查',
};
