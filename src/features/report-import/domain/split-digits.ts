/**
 * Table cells that a web page flattened into one run of digits ("713000074") are split back into their
 * numbers by the table's own arithmetic: every way of cutting the run into `parts` numbers without
 * leading zeros, kept only where `accept` holds. A sign (+/−) can only start the number of the signed
 * column (本年增/减), when the row has one.
 */
const MAX_CANDIDATES = 10_000;
/** A count in tables 三 and 四 has at most this many digits (ten million applications is none's). */
const COUNT_DIGITS = 7;
/** Any number of a table (a sum of money in 元 included) has at most this many characters. */
const NUMBER_CHARS = 16;

function cuts(text: string, parts: number, prefix: string[], out: string[][], signedPart?: number): void {
  if (out.length >= MAX_CANDIDATES) return;
  const fits = (part: string) => isNumberText(part) && (!/^[+-]/.test(part) || prefix.length === signedPart);
  if (parts === 1) {
    if (fits(text)) out.push([...prefix, text]);
    return;
  }
  // Each part still to come needs a character at least; no number is longer than NUMBER_CHARS.
  for (let end = 1; end <= Math.min(text.length - (parts - 1), NUMBER_CHARS); end++) {
    const head = text.slice(0, end);
    if (!fits(head)) continue;
    cuts(text.slice(end), parts - 1, [...prefix, head], out, signedPart);
  }
}

function isNumberText(text: string): boolean {
  return /^[+-]?(0|[1-9]\d*)(\.\d+)?$/.test(text);
}

/** An upper bound of the ways to cut `length` characters into `parts`: C(length − 1, parts − 1). */
function waysToCut(length: number, parts: number): number {
  let ways = 1;
  for (let i = 1; i < parts; i++) ways = (ways * (length - i)) / i;
  return ways;
}

/** Beyond this many ways to cut a run, it is left unread rather than searched (hostile or garbled input). */
const MAX_WAYS = 2_000_000;

export function splitDigits(
  run: string,
  parts: number,
  accept: (values: readonly number[]) => boolean = () => true,
  signedPart?: number,
): number[][] {
  const candidates: string[][] = [];
  if (waysToCut(run.length, parts) > MAX_WAYS) return [];
  cuts(run.replace(/[,\s]/g, '').replace(/[−–]/g, '-'), parts, [], candidates, signedPart);
  return candidates.map((c) => c.map(Number)).filter(accept);
}

/**
 * A row of counts whose last number is the sum of the others (a table 三 row: six applicant columns and
 * 总计), split with the sum first: each way of taking 总计 off the end, then the rest cut into numbers
 * that add up to it, a cut given up as soon as it passes the sum. The same readings as splitDigits with
 * isTable3Row, found without listing every cut.
 */
export function splitSumRow(run: string, parts: number): number[][] {
  const digits = run.replace(/[,\s]/g, '');
  if (!/^\d+$/.test(digits) || digits.length > parts * COUNT_DIGITS) return [];
  const out: number[][] = [];
  for (let length = 1; length <= Math.min(digits.length - (parts - 1), COUNT_DIGITS); length++) {
    const totalText = digits.slice(digits.length - length);
    if (!isNumberText(totalText)) continue;
    const total = Number(totalText);
    addUpTo(digits.slice(0, digits.length - length), parts - 1, total, [], (values) =>
      out.push([...values, total]),
    );
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

function addUpTo(
  text: string,
  parts: number,
  remaining: number,
  prefix: number[],
  found: (values: number[]) => void,
): void {
  if (parts === 1) {
    if (isNumberText(text) && Number(text) === remaining) found([...prefix, remaining]);
    return;
  }
  for (let end = 1; end <= Math.min(text.length - (parts - 1), COUNT_DIGITS); end++) {
    const head = text.slice(0, end);
    // A number never starts with 0 unless it is 0; a longer head is only larger.
    if (!isNumberText(head)) break;
    const value = Number(head);
    if (value > remaining) break;
    addUpTo(text.slice(end), parts - 1, remaining - value, [...prefix, value], found);
  }
}

/**
 * Rows of sum rows run together (table 四: three blocks of four results and 总计): each way of cutting
 * off a first block that reads as a sum row, then the rest the same way.
 */
export function splitSumBlocks(run: string, blocks: number, parts: number): number[][] {
  const digits = run.replace(/[,\s]/g, '');
  if (!/^\d+$/.test(digits) || digits.length > blocks * parts * COUNT_DIGITS) return [];
  if (blocks === 1) return splitSumRow(digits, parts);
  const out: number[][] = [];
  for (
    let length = parts;
    length <= Math.min(digits.length - (blocks - 1) * parts, parts * COUNT_DIGITS);
    length++
  )
    for (const first of splitSumRow(digits.slice(0, length), parts))
      for (const rest of splitSumBlocks(digits.slice(length), blocks - 1, parts)) {
        out.push([...first, ...rest]);
        if (out.length >= MAX_CANDIDATES) return out;
      }
  return out;
}

/** The seven numbers of a table 三 row: the six applicant columns add up to 总计. */
export const isTable3Row = (values: readonly number[]): boolean =>
  values.slice(0, 6).reduce((s, v) => s + v, 0) === values[6];

/** The 15 numbers of table 四: in each of its three blocks the four results add up to 总计. */
export const isTable4Row = (values: readonly number[]): boolean =>
  [0, 5, 10].every((b) => values.slice(b, b + 4).reduce((s, v) => s + v, 0) === values[b + 4]);
