/**
 * Table 三's rows of numbers with their label words: on the row's own line, or broken over the lines
 * around it as PDFs print them (the words above, the words below), and whether the block of label lines
 * above names several rows (a converter that prints the labels of several rows above them all).
 */
import { STARTS_A_ROW, type FoundRow } from './place-table3-rows.ts';
import { numbersOfLine, ROW_LABEL_WORDS, type LineNumber } from './text-numbers.ts';

/** The label lines above a row looked at for other rows' labels. */
const MAX_BLOCK_LINES = 8;
/** A sub-row's number in a label (1. 属于国家秘密), not a decimal. */
const ROW_NUMBER = /(?<![\d.])\d{1,2}\.(?!\d)/g;

/** A table heading or a header line: where the label lines of a row stop. */
const NOT_A_LABEL = /^(?:[一二三四五六七八九十]+\.|##|-{3})|申请人情况|自然人/;

/** Each row of numbers with its label words: on its own line, or broken over the lines around it. */
export function withLabels(
  rows: readonly LineNumber[][],
  lines: readonly string[],
  from: number,
  /** The numbers already read of the lines from `from` on (line `from` + i at i). */
  numbersByLine: readonly LineNumber[][],
): FoundRow[] {
  // Each line's words and whether it holds numbers, worked out once.
  const wordsOf = new Map<number, string>();
  const numbered = new Map<number, boolean>();
  const words = (line: number) => {
    let w = wordsOf.get(line);
    if (w === undefined) wordsOf.set(line, (w = ROW_LABEL_WORDS(lines[line - 1] ?? '')));
    return w;
  };
  const hasNumbers = (line: number) => {
    let has = numbered.get(line);
    if (has === undefined)
      numbered.set(
        line,
        (has = (numbersByLine[line - from] ?? numbersOfLine(lines[line - 1] ?? '', line)).length > 0),
      );
    return has;
  };
  return rows.map((numbers) => {
    const line = numbers[0]!.line;
    const before: string[] = [];
    for (let l = line - 1; l > from && before.length < 2 && !hasNumbers(l); l--) {
      const w = words(l);
      if (NOT_A_LABEL.test(w) && !/^[一二四]\./.test(w)) break;
      before.unshift(w);
    }
    // Two rows' labels above the numbers (the upper one's numbers lost): the nearer one names them.
    const nearest = before.findLastIndex((w) => STARTS_A_ROW.test(w));
    if (nearest > 0) before.splice(0, nearest);
    // The whole block of label lines above (up to the row of numbers before): a converter that prints
    // the labels of several rows above them all leaves more than one row's number (2. … 3. …) in it.
    let above = before.join('');
    for (let l = line - 1 - before.length, n = 0; l > from && n < MAX_BLOCK_LINES && !hasNumbers(l); l--, n++)
      above = words(l) + above;
    const after = line + 1 <= lines.length && !hasNumbers(line + 1) ? words(line + 1) : '';
    // The evidence: the row's line, with the label lines above and below it when its own has no label.
    const shown = [
      ...(words(line) ? [] : lines.slice(line - 1 - before.length, line - 1)),
      lines[line - 1] ?? '',
      ...(words(line) || !after ? [] : [lines[line] ?? '']),
    ];
    const evidence = shown.map((l) => l.replace(/\s+/g, ' ').trim()).join(' / ');
    return {
      numbers,
      own: words(line),
      before: before.join(''),
      after,
      evidence,
      severalAbove: (above.match(ROW_NUMBER) ?? []).length > 1,
    };
  });
}
