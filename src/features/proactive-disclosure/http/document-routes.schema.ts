import { z } from '../../../platform/validation.ts';
import { isoDate, agencyParams } from '../../requests/http/request-routes.schema.ts';
import { DISCLOSURE_ATTRIBUTES, WITHHOLDING_ARTICLES } from '../domain/disclosure-attribute.ts';
import { INTERPRETATION_FORMS } from '../domain/public-document.ts';

export { agencyParams };

export const documentParams = agencyParams.extend({
  id: z.string().regex(/^DOC-\d{4}-\d{5,7}$/, '文件编号形如 DOC-2025-00001'),
});

export const attributeSchema = z.object({
  attribute: z.enum(DISCLOSURE_ATTRIBUTES),
  article: z.enum(WITHHOLDING_ARTICLES).optional(),
  reason: z.string().trim().max(1000).optional(),
});

export const draftBody = z.object({
  title: z.string().trim().min(2, '请填写标题').max(300),
  documentNumber: z.string().trim().max(100).optional(),
  indexNumber: z.string().trim().max(100).optional(),
  formedOn: isoDate,
  category: z.string().trim().min(1, '请选择公开目录类别').max(100),
  body: z.string().max(500_000),
  attribute: attributeSchema.optional(),
  interprets: z
    .string()
    .regex(/^DOC-\d{4}-\d{5,7}$/, '所解读的文件编号形如 DOC-2025-00001')
    .optional(),
  interpretationForm: z.enum(INTERPRETATION_FORMS).optional(),
  coIssuers: z.array(z.string().trim().min(1).max(100)).max(20, '联合发文机关不超过20个').optional(),
  forwards: z
    .object({
      agencyId: agencyParams.shape.agencyId,
      documentId: z.string().regex(/^DOC-\d{4}-\d{5,7}$/, '文件编号形如 DOC-2025-00001'),
    })
    .optional(),
});

export const stepBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set-attribute'), attribute: attributeSchema }),
  z.object({ type: z.literal('submit-for-review') }),
  z.object({ type: z.literal('approve') }),
  z.object({ type: z.literal('send-back'), comment: z.string().max(2000) }),
  z.object({ type: z.literal('publish') }),
  z.object({ type: z.literal('unpublish'), comment: z.string().max(2000) }),
]);

export const timelinessQuery = z.object({ year: z.coerce.number().int().min(2019).max(2100) });
