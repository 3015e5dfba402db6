/**
 * The report's own words, besides its tables: the agency and year its title states, and the prose of
 * sections 一, 五 and 六 (a PDF's broken lines joined back into paragraphs, a web page's footer left out,
 * a converter's markup removed).
 */
import { plainText } from '../../annual-report/domain/section-text.ts';
import { normalizeLabel, type SectionId } from '../../annual-report/index.ts';

/** Where a page's own text ends and the website around it begins (an HTML page's footer). */
const PAGE_FOOTER =
  /抄送：|来源：|附件下载|版权所有|网站标识码|ICP备|主办单位：|主办：|技术支持：|打印本页|关闭窗口|【打印】|【关闭】/;
const SECTION_TEXT_MAX = 20_000;

/** A page number printed alone on its line: “— 7 —”, “- 7 -”, “第 7 页”. */
const PAGE_NUMBER = /^(?:[—\-－–\s]*\d+[—\-－–\s]*|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)$/;
/** A line that opens a paragraph or is a heading: （一）, (二), 1., 一是. */
const PARAGRAPH_MARK = /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[一二三四五六七八九十]+是)/;

/**
 * Lines back into paragraphs: a PDF breaks a paragraph wherever the page is full, so a line that does not
 * end a sentence runs on into the next, unless that one opens a paragraph or this one is a heading.
 */
function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const line of lines) {
    if (open && !PARAGRAPH_MARK.test(line)) out[out.length - 1] += line;
    else out.push(line);
    const heading = PARAGRAPH_MARK.test(line) && line.length <= 40 && !/[。；]/.test(line);
    open = !heading && !/[。！？：；…”」）)]$/.test(out[out.length - 1]!);
  }
  return out;
}

/** Sections in a page's text run together on one line: by their headings within the line. */
function readFlattenedSections(text: string): Partial<Record<SectionId, string>> {
  const flat = text.replace(/\s+/g, ' ');
  const between = (start: RegExp, end?: RegExp) => {
    const from = start.exec(flat);
    if (!from) return undefined;
    const rest = flat.slice(from.index + from[0].length);
    const to = end?.exec(rest);
    const footer = PAGE_FOOTER.exec(rest);
    const stop = Math.min(to ? to.index : rest.length, footer ? footer.index : rest.length);
    return rest
      .slice(0, stop)
      .trim()
      .split(/\s+(?=[（(][一二三四五六七八九十]+[）)])/)
      .join('\n')
      .slice(0, SECTION_TEXT_MAX);
  };
  const sections: Partial<Record<SectionId, string>> = {};
  const s1 = between(/一\s*[、.．]\s*总体情况/, /二\s*[、.．]\s*主动公开政府信息情况/);
  const s5 = between(
    /五\s*[、.．]\s*(?:政府信息公开(?:工作)?)?存在的主要问题及改进情况/,
    /六\s*[、.．]\s*其他需要报告的事项/,
  );
  const s6 = between(/六\s*[、.．]\s*其他需要报告的事项/, /\n|标题:|发布时间:/);
  if (s1) sections.s1 = s1;
  if (s5) sections.s5 = s5;
  if (s6) sections.s6 = s6;
  return sections;
}

/**
 * The prose of sections 一 (before table 二), 五 and 六 (after table 四), by their headings
 * (“五、存在的主要问题及改进情况”, “五、政府信息公开存在的主要问题及改进情况”…): every line up to the next
 * heading, blank lines dropped, a web page's footer left out.
 */
export function readSections(
  lines: readonly string[],
  t2: number,
  t4: number,
): Partial<Record<SectionId, string>> | undefined {
  // Each short line normalised once, whichever heading it is tried for.
  const normalized = new Map<number, string>();
  const heading = (numeral: string, word: RegExp, from: number, to: number) => {
    for (let i = Math.max(from, 0); i < to; i++) {
      // A heading is short: a long line is prose, never normalised to be tried.
      if ((lines[i]?.length ?? 0) > 80) continue;
      let flat = normalized.get(i);
      if (flat === undefined) normalized.set(i, (flat = normalizeLabel(lines[i] ?? '')));
      if (flat.startsWith(`${numeral}.`) && word.test(flat) && flat.length <= 40) return i;
    }
    return -1;
  };
  const textBetween = (from: number, to: number) => {
    const kept: string[] = [];
    for (let i = from + 1; i < to; i++) {
      const line = (lines[i] ?? '').trim();
      if (PAGE_FOOTER.test(line)) break;
      if (line && !PAGE_NUMBER.test(line)) kept.push(line);
    }
    return plainText(paragraphs(kept).join('\n')).slice(0, SECTION_TEXT_MAX);
  };
  const s1 = t2 > 0 ? heading('一', /总体情况/, 0, t2) : -1;
  const s5 = t4 >= 0 ? heading('五', /问题/, t4 + 1, lines.length) : -1;
  const s6 = heading('六', /其他/, Math.max(s5, t4 + 1, 0), lines.length);
  const sections: Partial<Record<SectionId, string>> = {};
  if (s1 >= 0) sections.s1 = textBetween(s1, t2);
  if (s5 >= 0) sections.s5 = textBetween(s5, s6 > s5 ? s6 : lines.length);
  if (s6 >= 0) sections.s6 = textBetween(s6, lines.length);
  // Headings inside a line: a web page's text with its paragraphs run together.
  if (s1 < 0 && s5 < 0 && s6 < 0) Object.assign(sections, readFlattenedSections(lines.join('\n')));
  for (const id of Object.keys(sections) as SectionId[]) if (!sections[id]) delete sections[id];
  return Object.keys(sections).length > 0 ? sections : undefined;
}

/** Agency and year as the title states them: "2025年某机关政府信息公开工作年度报告" or "某机关2022年度…". */
export function statedSubject(text: string): { agency?: string; year?: number } {
  // The first 2,000 characters of the first 15 lines run together (the whole text is not split to find
  // them: the 30 more taken are for the line breaks removed).
  let end = -1;
  for (let n = 0; n < 15; n++) if ((end = text.indexOf('\n', end + 1)) < 0) break;
  const head = (end < 0 ? text : text.slice(0, end))
    .slice(0, 2030)
    .replace(/\r?\n/g, '')
    .slice(0, 2000)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^.*?标题:/, '');
  const match = /([^\d。，,]*?)(?<!\d)(20\d{2})年度?([^\d。，,]*?)政府信息公开(?:工作)?年度报告/.exec(head);
  if (!match) return {};
  // A markdown title's marks (# 某县人民政府 2025 年…) are not the agency's name.
  const clean = (name: string | undefined) => (name ?? '').replace(/^#+/, '').replace(/^(正文|标题:?)/, '');
  const agency = clean(match[1]) || clean(match[3]);
  return { year: Number(match[2]), ...(agency ? { agency } : {}) };
}
