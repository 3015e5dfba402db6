/** The first and last day of a report year, as bound parameters. */
export function yearBounds(year: number): { start: string; end: string } {
  return { start: `${String(year).padStart(4, '0')}-01-01`, end: `${String(year).padStart(4, '0')}-12-31` };
}

/** Rows per INSERT: stays well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
export const INSERT_BATCH_ROWS = 500;

export function chunk<T>(items: readonly T[], size: number = INSERT_BATCH_ROWS): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
