/**
 * The headings of tables 二, 三 and 四 as reports print them: a numeral (whatever one the page gives the
 * table — a 表三 headed “二、收到和处理…”), its mark (、 . ．), the table's words; white space allowed
 * between them (a PDF's text spaces them, a run-on page's text has none). The prose names the same words
 * without a numeral (本报告共分6个部分：总体情况、主动公开政府信息情况…): that is no heading.
 */
const WORDS = {
  t2: '主动公开政府信息情况',
  t3: '收到和处理政府信息公开申请情况',
  t4: '政府信息公开行政法?复议', // 行政法复议: a typo seen in print
} as const;

export type HeadedTable = keyof typeof WORDS;

/** A table's heading as a pattern (`flags`: 'g' to find them all; `atStart`: at the start of a line only). */
export function tableHeading(table: HeadedTable, { flags = '', atStart = false } = {}): RegExp {
  return new RegExp(`${atStart ? '^' : ''}[一二三四五六七八九十]\\s*[、.．]\\s*${WORDS[table]}`, flags);
}
