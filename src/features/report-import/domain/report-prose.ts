/**
 * The running text of a published report — everything but its tables — and what it states: the figures
 * R8 compares with the tables (新收, 上年结转, 办结, 结转下年度, 行政复议, 行政诉讼), and, against the previous
 * year's text, the share of sentences repeated (digits aside: a year's figures change, copied prose does not).
 */
import type { TextFigure } from '../../annual-report/index.ts';

const TABLES_START = /二[、.．]\s*主动公开政府信息情况/;
const TABLES_END = /五[、.．][^。\n]{0,30}?(主要问题|改进情况)/;

/** The report's text without its three tables. */
export function proseOf(text: string): string {
  const flat = text.normalize('NFKC');
  const start = flat.search(TABLES_START);
  if (start < 0) return flat;
  const rest = flat.slice(start);
  const end = rest.search(TABLES_END);
  return flat.slice(0, start) + (end >= 0 ? rest.slice(end) : '');
}

const PATTERNS: ReadonlyArray<readonly [TextFigure, RegExp]> = [
  ['received', /(?:新收|收到|受理)(?:各类)?(?:政府信息公开)?申请(?:共计|共|合计)?(\d+)件/],
  ['carriedIn', /上年(?:度)?结转(?:政府信息公开申请)?(?:共计|共)?(\d+)件/],
  ['completed', /(?:本年|全年)?(?:共)?办结(?:政府信息公开申请)?(?:共计|共)?(\d+)件/],
  ['carriedOut', /结转(?:至)?下(?:一)?年度?(?:继续办理)?(?:共计|共)?(\d+)件/],
  ['reviews', /行政复议(?:案件)?(?:共计|共)?(\d+)件/],
  ['lawsuits', /行政诉讼(?:案件)?(?:共计|共)?(\d+)件/],
];

/** The R8 figures the prose states, each the first time it is stated. */
export function statedFigures(prose: string): Partial<Record<TextFigure, number>> {
  const compact = prose.replace(/\s+/g, '');
  const figures: Partial<Record<TextFigure, number>> = {};
  for (const [figure, pattern] of PATTERNS) {
    const match = pattern.exec(compact);
    if (match) figures[figure] = Number(match[1]);
  }
  return figures;
}

function sentences(prose: string): string[] {
  return prose
    .replace(/\s+/g, '')
    .split(/[。；;！!？?]/)
    .map((s) => s.replace(/\d+(\.\d+)?/g, '#'))
    .filter((s) => s.length >= 12);
}

/** The share (0–1) of this year's prose, by characters, in sentences found word for word last year. */
export function repeatedShare(prose: string, previousProse: string): number {
  const current = sentences(prose);
  const before = new Set(sentences(previousProse));
  const total = current.reduce((n, s) => n + s.length, 0);
  if (total === 0) return 0;
  return current.filter((s) => before.has(s)).reduce((n, s) => n + s.length, 0) / total;
}
