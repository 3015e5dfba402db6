/**
 * What a published report file would file, before it is filed: the format and year it states, how many
 * cells were read, and each cell not read — named as the printed table names it, with the lines of the
 * text around it — for the office to read and type; and the rules its figures fail.
 */
import { z } from '../../../platform/validation.ts';
import { cellLabel, reportFormat } from '../../annual-report/index.ts';
import type { FileAudit } from '../../report-import/use-cases/audit-report.ts';

/** Values typed for the cells not read: `{ "t2.regulations.made": 3 }`. */
export const typedCells = z.record(z.string().max(60), z.number().finite().min(-1e9).max(1e12)).default({});

export function previewOfImport(audit: FileAudit) {
  const { reading } = audit;
  const format = reading.format;
  return {
    format: format ?? null,
    year: reading.year ?? null,
    agency: reading.agency ?? null,
    read: Object.keys(reading.cells).length,
    total: format ? reportFormat(format).cellIds.length : 0,
    unread: format
      ? reading.unread.map((cell) => ({
          cell,
          label: cellLabel(format, cell),
          context: audit.unreadContext[cell] ?? '',
          ...(reading.ambiguous[cell] ? { candidates: reading.ambiguous[cell] } : {}),
        }))
      : [],
    /** What the reading says of the file: rows run together and how they were split, rows set aside. */
    notes: reading.problems,
    /** Rows the format does not have (local additions), not counted in the filed report. */
    extraRows: reading.extraRows.map((r) => ({ table: r.table, label: r.label, line: r.line })),
    failing: audit.checks
      .filter((c) => c.status === 'fail')
      .map((c) => ({ rule: c.rule, severity: c.severity, message: c.message })),
  };
}
