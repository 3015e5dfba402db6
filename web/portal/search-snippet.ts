/**
 * Search results as people read them: the query's words (and their equivalents) marked in the title,
 * and a short passage of the text around the first of them.
 */
import { html, type SafeHtml } from './page-layout.ts';

function termPattern(terms: readonly string[]): RegExp | undefined {
  const usable = terms.filter((t) => t.trim() !== '');
  if (usable.length === 0) return undefined;
  const escaped = [...usable]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(${escaped.join('|')})`, 'giu');
}

/** The text with every term marked (<mark>), everything else escaped. */
export function highlight(text: string, terms: readonly string[]): SafeHtml {
  const pattern = termPattern(terms);
  if (!pattern) return html`${text}`;
  const parts = text.split(pattern);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<mark>${part}</mark>` : html`${part}`))}`;
}

/** About `radius` characters either side of the first term in `text`, marked; the start when none occurs. */
export function snippet(text: string, terms: readonly string[], radius = 40): SafeHtml {
  const flat = text.replace(/\s+/g, ' ').trim();
  const pattern = termPattern(terms);
  const at = pattern ? flat.search(pattern) : -1;
  const start = at < 0 ? 0 : Math.max(0, at - radius);
  const end = Math.min(flat.length, (at < 0 ? 0 : at) + radius * 2);
  const passage = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  return highlight(passage, terms);
}
