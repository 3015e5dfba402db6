/** Request schemas of the report routes: they turn untrusted input into typed values and document the API. */
import { z } from '../../../platform/validation.ts';
import { EXPORT_FORMATS } from '../export/render-report.ts';

export const agencyYearParams = z.object({
  agencyId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, '机关编号只能含小写字母、数字和连字符'),
  year: z.coerce.number().int().min(2008).max(2100),
});

export const cellParams = agencyYearParams.extend({
  cellId: z.string().regex(/^t[234]\.[a-z0-9_]+\.[a-z_]+$/, '单元格编号形如 t3.r1.natural'),
});

export const reportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('json'),
  t4Counting: z.enum(['filed-in-year', 'decided-or-pending']).default('filed-in-year'),
});

export const checkBody = z.object({ report: z.unknown(), previous: z.unknown().optional() });
