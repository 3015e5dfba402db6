/**
 * CSV fields as spreadsheets will open them: quoted when they hold a comma, a quote or a line break, and
 * a text that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return)
 * prefixed with an apostrophe, so that an agency name or a file name from outside cannot run as one
 * (OWASP's CSV injection). Numbers are written as they are.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number>): string {
  return `${values.map(csvField).join(',')}\n`;
}
