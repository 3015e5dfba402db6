/**
 * Chinese text as search tokens: jieba's search segmentation (cutForSearch, which also yields the short
 * words inside long ones), so that a two-character word such as 低保 is a token of 城乡低保标准. Tokens
 * are NFKC-normalised, lower-cased, and keep only those with a letter or a digit.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

export function searchTokens(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  const tokens = segmenter()
    .cutForSearch(normalized, true)
    .map((t) => t.trim())
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  return [...new Set(tokens)];
}
