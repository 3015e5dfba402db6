/**
 * A text's bytes in a legacy two-byte Chinese encoding (GB18030's two-byte table, Big5): TextEncoder only
 * writes UTF-8, so each character goes through the decoder's table backwards. `unknown`: the bytes for a
 * character the table lacks (else an error names it).
 */
export function encodeWith(label: string, text: string, unknown?: readonly number[]): number[] {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char) ?? unknown;
      if (!pair) throw new Error(`no ${label} two-byte code for ${char}`);
      bytes.push(...pair);
    }
  }
  return bytes;
}
