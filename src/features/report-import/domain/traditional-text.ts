/**
 * A report in traditional characters — a mainland report as a Hong Kong or Taiwan mirror republishes it,
 * or a Big5 file — is read in simplified characters, the format's own: OpenCC's conversion character by
 * character (its conversion of Taiwan's phrases back would also turn 執行 into 运行), then the two
 * phrases a Taiwan mirror puts in the format's own words turned back: 資訊 (信息) and 規範性檔案 (规范性文件).
 */
import { Converter } from 'opencc-js/t2cn';

/** Characters of the format's words that differ in traditional writing, and their simplified forms. */
const TRADITIONAL = /[開請處況報議訟結數總]/g;
const SIMPLIFIED = /[开请处况报议讼结数总]/g;
/** At least this many of them before a text is taken for traditional. */
const AT_LEAST = 10;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Whether the format's words are written in traditional characters here (more of them than simplified). */
export function isTraditional(text: string): boolean {
  // Every report names 公開 and 申請: without either, none of the scans below.
  if (!text.includes('開') || !text.includes('請')) return false;
  const traditional = count(text, TRADITIONAL);
  return traditional >= AT_LEAST && traditional > count(text, SIMPLIFIED);
}

let toSimplified: ((text: string) => string) | undefined;

/** The text in simplified characters, line for line. */
export function simplified(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 'tw', to: 'cn' }));
  return convert(text).replaceAll('资讯', '信息').replaceAll('规范性档案', '规范性文件');
}
