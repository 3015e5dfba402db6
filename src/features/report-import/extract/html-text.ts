/**
 * A report page's text in one linear pass over its HTML (htmlparser2's tokenizer, no document tree): each
 * table row one line of tab-separated cells (a cell's own text with its white space collapsed, a table
 * inside a cell run into that cell), every other block its own line, a line break a new line; scripts,
 * styles and the head left out. The page is measured in the same pass — elements, nesting, table rows —
 * and refused, the pass stopped, as soon as it passes a limit (a page from outside is hostile).
 */
import { Parser } from 'htmlparser2';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { FileLimits } from '../../../platform/untrusted-files/file-limits.ts';

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

/**
 * htmlparser2's parser with attributes passed over: the text needs none, and an exported page carries a
 * style on every cell (collecting them was a fifth of the pass).
 */
class TextParser extends Parser {
  override onattribname(): void {}
  override onattribdata(): void {}
  override onattribentity(): void {}
  override onattribend(_quote: unknown, endIndex: number): void {
    this.endIndex = endIndex;
  }
}

export function htmlToText(
  html: string,
  limits: Pick<FileLimits, 'htmlElements' | 'htmlDepth' | 'tableRows'>,
): Result<string, string> {
  const out: string[] = [];
  let skipping = 0;
  let elements = 0;
  let depth = 0;
  let rows = 0;
  let refusal: string | undefined;
  // The row being read: its cells so far, the cell open (its text), how deep a table inside it goes.
  let row: string[] | undefined;
  let cell: string | undefined;
  let nested = 0;
  const parser = new TextParser(
    {
      // The name alone (no attributes object built for each element).
      onopentagname(name) {
        elements++;
        depth++;
        if (name === 'tr') rows++;
        if (!refusal) {
          if (elements > limits.htmlElements) refusal = `网页元素过多（超过 ${limits.htmlElements} 个）`;
          else if (depth > limits.htmlDepth) refusal = `网页嵌套层数过多（超过 ${limits.htmlDepth} 层）`;
          else if (rows > limits.tableRows) refusal = `表格行数过多（超过 ${limits.tableRows} 行）`;
          if (refusal) parser.pause();
        }
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
        depth--;
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
  if (refusal) return err(refusal);
  parser.end();
  if (refusal) return err(refusal);
  if (cell !== undefined && row) row.push(cell.replace(/\s+/g, ' ').trim());
  if (row) out.push(row.join('\t'));
  return ok(
    out
      .join('')
      .split('\n')
      // A row's empty cells at its end are kept (tabs): a page may leave a row's last cells blank.
      .map((line) => line.replace(/[ \u00a0]+/g, ' ').replace(/^\s+| +$/g, ''))
      .filter((line) => line.trim().length > 0)
      .join('\n'),
  );
}
