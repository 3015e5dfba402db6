/**
 * A file that holds more than one annual report — a county's compilation of its departments' reports (汇编),
 * a page that prints last year's report under this year's — read as one would take the numbers of one
 * report into the cells of another. Each report prints the headings of tables 二, 三 and 四 in that order;
 * a table 二 heading after a table 四 heading begins the next report (from its title or its 一、 heading
 * where those lie between). The first report is what is read; the others are counted and named.
 */
import { statedSubject } from './read-report-words.ts';
import { tableHeading } from './table-headings.ts';

/**
 * The tables' headings (table-headings.ts), looked for in the text with its white space taken out (a PDF's
 * text may space a heading's characters: 二 、主 动 公 开 …).
 */
const HEADING = {
  t2: tableHeading('t2', { flags: 'g' }),
  t3: tableHeading('t3', { flags: 'g' }),
  t4: tableHeading('t4', { flags: 'g' }),
} as const;
/** What a text must hold twice to hold two reports, spaced or not: table 二's words. */
const TABLE2_WORDS = /主\s*动\s*公\s*开\s*政\s*府\s*信\s*息\s*情\s*况/g;

/** A report's title (its agency's name before or after its year), looked for before its table 二. */
const TITLE = /[^。；，《》]{0,40}?\d{4}年度?[^。；，《》\d]{0,30}?政府信息公开(?:工作)?年度报告/g;
/** A report's first section heading. */
const SECTION_ONE = /一[、.．](?:总体情况|概述)/g;
/** The last report's closing sections (五、存在的主要问题…, 六、其他需要报告的事项). */
const CLOSING = /[五六][、.．](?:存在的主要问题|其他需要报告)/g;

/** The text without its white space, and where each of its characters stands in the text. */
function withoutSpace(text: string): { compact: string; at: number[] } {
  let compact = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13) || code === 0x3000 || code === 0xa0) continue;
    compact += text[i];
    at.push(i);
  }
  return { compact, at };
}

export interface FirstReport {
  /** The first report's text (the whole text where it holds one). */
  readonly text: string;
  /** The further reports by agency and year (else their first words), in order; empty where none. */
  readonly others: readonly string[];
}

const positions = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m.index);

export function firstReport(text: string): FirstReport {
  const at = beginningsOf(text);
  if (at.length < 2) return { text, others: [] };
  return {
    text: text.slice(0, at[1]),
    others: at.slice(1).map((from, i) => nameOf(text.slice(from, at[i + 2]))),
  };
}

/** Each report of the text, in order (the whole text where it holds one): what a batch reads one by one. */
export function reportsIn(text: string): string[] {
  const at = beginningsOf(text);
  return at.length < 2 ? [text] : at.map((from, i) => text.slice(from, at[i + 1]));
}

/** Where each report of the text begins (one report: [0]). */
function beginningsOf(text: string): number[] {
  // Most texts hold table 二's words once: nothing more to look for.
  if ((text.match(TABLE2_WORDS) ?? []).length < 2) return [0];
  const { compact, at } = withoutSpace(text);
  const t2s = positions(compact, HEADING.t2);
  if (t2s.length < 2) return [0];
  const t3s = positions(compact, HEADING.t3);
  const t4s = positions(compact, HEADING.t4);
  // Each report: a table 二 heading with a 三 and a 四 after it, before the next report's 二.
  const starts: Array<{ t2: number; t4: number }> = [];
  for (const t2 of t2s) {
    if (t2 <= (starts.at(-1)?.t4 ?? -1)) continue;
    const t3 = t3s.find((p) => p > t2);
    const t4 = t3 === undefined ? undefined : t4s.find((p) => p > t3);
    if (t4 === undefined) break;
    starts.push({ t2, t4 });
  }
  return starts.map((s, i) => (i === 0 ? 0 : at[beginningOf(compact, s.t2, starts[i - 1]!.t4)]!));
}

/**
 * Where the report whose table 二 heading is at `t2` begins, after the last report's table 四 heading: at
 * its title — the first after the last report's closing sections and before its own 一、 heading —, else at
 * that 一、 heading, else at its table 二.
 */
function beginningOf(text: string, t2: number, previousT4: number): number {
  const between = text.slice(previousT4, t2);
  const one = positions(between, SECTION_ONE).at(-1);
  const closed = Math.max(0, ...positions(between, CLOSING));
  const title = positions(between, TITLE).find((at) => at >= closed && (one === undefined || at < one));
  const at = title ?? one;
  return at === undefined ? t2 : previousT4 + at;
}

/** A further report by its agency and year as its title states them, else by its first words. */
function nameOf(text: string): string {
  const { agency, year } = statedSubject(text);
  if (year !== undefined) return `${agency ?? ''}${year}年`;
  return text.slice(0, 80).replace(/\s+/g, ' ').trim().slice(0, 40);
}

/** What the reading says of the reports it left: how many, and which (the first five). */
export function severalReportsNote(others: readonly string[]): string {
  const named = others
    .slice(0, 5)
    .map((name) => `“${name}”`)
    .join('、');
  return `这份文件里不止一份年度报告：第一份之后还有 ${others.length} 份（${named}${others.length > 5 ? '等' : ''}），只读了第一份；批量核查会逐份读出`;
}
