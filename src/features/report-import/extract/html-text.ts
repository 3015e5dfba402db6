/**
 * A report page's text in one pass over its HTML (htmlparser2's tokenizer, no document tree): each table
 * row one line of tab-separated cells (a cell's own text with its white space collapsed, a table inside
 * a cell run into that cell), every other block its own line, a line break a new line; scripts, styles
 * and the head left out. A page is measured (html-shape.ts) before it comes here.
 */
import { Parser } from 'htmlparser2';

const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'section',
  'article',
  'table',
  'caption',
  'title',
  'tr',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'head', 'template']);

export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  // The row being read: its cells so far, the cell open (its text), how deep a table inside it goes.
  let row: string[] | undefined;
  let cell: string | undefined;
  let nested = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        if (skipping) return;
        if (cell !== undefined) {
          if (name === 'table') nested++;
          else if (name === 'br' || (name === 'td' || name === 'th' ? nested > 0 : BLOCKS.has(name)))
            cell += ' ';
          return;
        }
        if (name === 'tr') {
          out.push('\n');
          row = [];
        } else if ((name === 'td' || name === 'th') && row) cell = '';
        else if (name === 'br') out.push('\n');
        else if (BLOCKS.has(name)) out.push('\n');
      },
      ontext(text) {
        if (skipping) return;
        if (cell !== undefined) cell += text;
        else out.push(text);
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping) return;
        if (cell !== undefined) {
          if (name === 'table') nested = Math.max(0, nested - 1);
          else if ((name === 'td' || name === 'th') && nested === 0) {
            row!.push(cell.replace(/\s+/g, ' ').trim());
            cell = undefined;
          } else if (nested > 0 || BLOCKS.has(name)) cell += ' ';
          return;
        }
        if (name === 'tr' && row) {
          out.push(row.join('\t'), '\n');
          row = undefined;
        } else if (BLOCKS.has(name)) out.push('\n');
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  if (cell !== undefined && row) row.push(cell.replace(/\s+/g, ' ').trim());
  if (row) out.push(row.join('\t'));
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
