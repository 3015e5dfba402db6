/**
 * A document's body: plain text (paragraphs separated by line breaks), or formatted HTML as pasted from
 * an editor — then reduced to a safe set of elements (paragraphs, headings, lists, tables, emphasis,
 * links to http(s) and mail) with every script, handler, style and other URL removed (sanitize-html).
 */
import sanitizeHtml from 'sanitize-html';

const HTML_TAG =
  /<\/?(p|div|br|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|strong|em|b|i|u|a|blockquote|span)\b[^>]*>/i;

export function isHtmlBody(body: string): boolean {
  return HTML_TAG.test(body);
}

const SAFE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'ul',
    'ol',
    'li',
    'blockquote',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'a',
    'span',
    'div',
    'sub',
    'sup',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
    h1: 'h2',
  },
  disallowedTagsMode: 'discard',
};

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The body as HTML safe to put on a page. */
export function safeBodyHtml(body: string): string {
  if (isHtmlBody(body)) return sanitizeHtml(body, SAFE);
  return body
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escape(p)}</p>`)
    .join('');
}

/** The body's text, one paragraph per line (for the search index, the 汇编 and feeds). */
export function bodyText(body: string): string {
  if (!isHtmlBody(body)) return body;
  const marked = body.replace(/<\/(p|div|li|h[1-6]|tr|blockquote|table)>|<br\s*\/?>/gi, '$&\n');
  return sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
