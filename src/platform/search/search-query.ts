/**
 * A search as the portal runs it: the query's words, each with the forms people use for the same thing
 * (低保 ↔ 最低生活保障, 医保, 社保, 公积金, …: abbreviations.json, which an administrator extends with
 * GONGKAI_SEARCH_ABBREVIATIONS, a JSON file of the same shape), and the terms to highlight in results.
 * Every group must match; a group matches when one of its alternatives does (all of its tokens).
 */
import { readFileSync } from 'node:fs';
import { inProject } from '../project-root.ts';
import { searchTokens } from './search-tokens.ts';

/** One alternative: tokens that must all occur. */
export type Alternative = readonly string[];

export interface SearchQuery {
  /** All must match; within one, any alternative. */
  readonly groups: readonly (readonly Alternative[])[];
  /** The words as typed and their equivalents, for highlighting (longest first). */
  readonly terms: readonly string[];
}

type Equivalents = ReadonlyArray<readonly string[]>;

let loaded: Equivalents | undefined;

function parseEquivalents(text: string, source: string): Equivalents {
  const data = JSON.parse(text) as unknown;
  if (!Array.isArray(data) || !data.every((e) => Array.isArray(e) && e.every((f) => typeof f === 'string')))
    throw new Error(`${source}: 应为字符串数组的数组，如 [["低保", "最低生活保障"]]`);
  return (data as string[][]).map((forms) => forms.map((f) => f.normalize('NFKC').trim()).filter(Boolean));
}

/** The built-in equivalents, and the administrator's (read once). */
export function equivalents(): Equivalents {
  if (loaded) return loaded;
  const builtIn = parseEquivalents(
    readFileSync(inProject('src', 'platform', 'search', 'abbreviations.json'), 'utf8'),
    'abbreviations.json',
  );
  const extra = process.env.GONGKAI_SEARCH_ABBREVIATIONS;
  loaded = extra ? [...builtIn, ...parseEquivalents(readFileSync(extra, 'utf8'), extra)] : builtIn;
  return loaded;
}

/** For tests: forget what was read (after changing the environment). */
export function resetEquivalents(): void {
  loaded = undefined;
}

const sortedForms = new WeakMap<Equivalents, ReadonlyArray<{ form: string; entry: readonly string[] }>>();

/** Every form of every entry, longest first (城乡居民医保 is taken before 医保); sorted once per table. */
function formsOf(table: Equivalents) {
  let forms = sortedForms.get(table);
  if (!forms) {
    forms = table
      .flatMap((entry) => entry.map((form) => ({ form: form.toLowerCase(), entry })))
      .sort((a, b) => b.form.length - a.form.length);
    sortedForms.set(table, forms);
  }
  return forms;
}

export function searchQuery(text: string, table: Equivalents = equivalents()): SearchQuery {
  let rest = text.normalize('NFKC').toLowerCase();
  const groups: Alternative[][] = [];
  const terms = new Set<string>();
  for (const { form, entry } of formsOf(table)) {
    if (!rest.includes(form)) continue;
    rest = rest.split(form).join(' ');
    const alternatives = entry.map((f) => searchTokens(f)).filter((tokens) => tokens.length > 0);
    groups.push(dedupe(alternatives));
    for (const f of entry) terms.add(f);
  }
  for (const token of searchTokens(rest)) {
    groups.push([[token]]);
    terms.add(token);
  }
  return { groups, terms: [...terms].sort((a, b) => b.length - a.length) };
}

function dedupe(alternatives: Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alternatives.filter((a) => {
    const key = a.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
