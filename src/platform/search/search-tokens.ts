/**
 * Chinese text as search tokens: jieba's search segmentation (cutForSearch, which also yields the short
 * words inside long ones), so that a two-character word such as 低保 is a token of 城乡低保标准. Tokens
 * are NFKC-normalised, lower-cased, and keep only those with a letter or a digit.
 */
import { createRequire } from 'node:module';
import type * as JiebaModule from '@node-rs/jieba';
import type { Jieba } from '@node-rs/jieba';

let jieba: Jieba | undefined;

/** jieba and its dictionary, loaded when text is first segmented (about 50 MB once loaded). */
function segmenter(): Jieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const { Jieba: Segmenter } = require('@node-rs/jieba') as typeof JiebaModule;
  const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  jieba = Segmenter.withDict(dict);
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
