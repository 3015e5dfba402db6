/**
 * A section's text as written, paragraph by paragraph, without the markup a conversion left in it: a
 * report saved as Markdown from a PDF or a web page carries `**bold**`, `__bold__` and `#` headings,
 * which a printed report never shows.
 */
export function plainText(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/gu, '$1')
    .replace(/__(.+?)__/gu, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gmu, '')
    .replace(/\*\*/gu, '');
}

/** The paragraphs of a written section, markup removed, empty ones left out. */
export function writtenParagraphs(text: string): string[] {
  return plainText(text)
    .split(/\n+/u)
    .map((p) => p.trim())
    .filter(Boolean);
}
