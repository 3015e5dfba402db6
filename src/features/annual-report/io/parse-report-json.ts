/**
 * Reads a report JSON (the contract of annual-report/domain/annual-report.ts) from untrusted input:
 * the shape is checked here, the law by the consistency rules.
 */
import { z } from '../../../platform/validation.ts';
import type { AnnualReport } from '../domain/annual-report.ts';
import { reportFormat } from '../domain/report-format.ts';

const reportSchema = z.object({
  format: z.enum(['2021', '2019']),
  year: z.number().int().min(2008).max(2100),
  agency: z.object({ name: z.string().min(1) }),
  cells: z.record(z.string(), z.number().nullable()),
  sections: z.record(z.string(), z.string()).optional(),
});

export type ReportJsonParse =
  | {
      readonly ok: true;
      readonly report: Omit<AnnualReport, 'checks'>;
      readonly unknownCells: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly string[] };

export function parseReportJson(text: string): ReportJsonParse {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`不是有效的 JSON：${(error as Error).message}`] };
  }
  return parseReportInput(input);
}

/** The same for an already-parsed value (an HTTP body). */
export function parseReportInput(input: unknown): ReportJsonParse {
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '（根）'}：${issue.message}`),
    };
  }
  const known = new Set(reportFormat(parsed.data.format).cellIds);
  const cells: Record<string, number> = {};
  const unknownCells: string[] = [];
  for (const [id, value] of Object.entries(parsed.data.cells)) {
    if (!known.has(id)) unknownCells.push(id);
    else if (value !== null) cells[id] = value;
  }
  const { format, year, agency, sections } = parsed.data;
  return {
    ok: true,
    report: { format, year, agency, cells, ...(sections ? { sections } : {}) },
    unknownCells,
  };
}
