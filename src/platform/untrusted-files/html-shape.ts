/**
 * The shape of an HTML page, measured by a streaming parser in one linear pass before the page is built
 * into a tree (whose builder takes time growing with the square of the nesting): how many elements, how
 * deeply nested, how many table rows.
 */
import { Parser } from 'htmlparser2';
import { err, ok, type Result } from '../../shared/domain/result.ts';
import type { FileLimits } from './file-limits.ts';

export function measureHtml(
  html: string,
  limits: Pick<FileLimits, 'htmlElements' | 'htmlDepth' | 'tableRows'>,
): Result<{ elements: number; depth: number; rows: number }, string> {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let rows = 0;
  let refusal: string | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        elements++;
        depth++;
        if (name === 'tr') rows++;
        if (depth > deepest) deepest = depth;
        if (refusal) return;
        if (elements > limits.htmlElements) refusal = `网页元素过多（超过 ${limits.htmlElements} 个）`;
        else if (deepest > limits.htmlDepth) refusal = `网页嵌套层数过多（超过 ${limits.htmlDepth} 层）`;
        else if (rows > limits.tableRows) refusal = `表格行数过多（超过 ${limits.tableRows} 行）`;
        if (refusal) parser.pause();
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  parser.end();
  return refusal ? err(refusal) : ok({ elements, depth: deepest, rows });
}
