/**
 * The legal basis of each reply, by table-三 result row (application-lifecycle.md §10). It is what the
 * reply letter cites; the officer may make it more precise, never leave it out.
 */
import type { OutcomeRow } from '../../annual-report/index.ts';
import type { ReplyVariant } from './reply-content.ts';

const OGI = '《中华人民共和国政府信息公开条例》';

export const OUTCOME_LEGAL_BASIS: Readonly<Record<OutcomeRow, string>> = {
  r3_1: `${OGI}第三十六条第（一）项、第（二）项`,
  r3_2: `${OGI}第三十七条`,
  r3_3_1: `${OGI}第十四条、第三十六条第（三）项（属于国家秘密）`,
  r3_3_2: `${OGI}第十四条、第三十六条第（三）项（法律、行政法规禁止公开）`,
  r3_3_3: `${OGI}第十四条、第三十六条第（三）项（公开后可能危及国家安全、公共安全、经济安全、社会稳定）`,
  r3_3_4: `${OGI}第十五条、第三十二条、第三十六条第（三）项`,
  r3_3_5: `${OGI}第十六条第一款、第三十六条第（三）项`,
  r3_3_6: `${OGI}第十六条第二款、第三十六条第（三）项（过程性信息）`,
  r3_3_7: `${OGI}第十六条第二款、第三十六条第（三）项（行政执法案卷信息）`,
  r3_3_8: `${OGI}第三十六条第（七）项`,
  r3_4_1: `${OGI}第三十六条第（四）项、第（五）项`,
  r3_4_2: `${OGI}第三十八条`,
  r3_4_3: `${OGI}第三十条`,
  r3_5_1: `${OGI}第三十九条第一款`,
  r3_5_2: `${OGI}第三十六条第（六）项`,
  r3_5_3: `${OGI}第三十九条第二款`,
  r3_5_4: `${OGI}第三十五条`,
  // No article names this case; 第二条 defines 政府信息 as what the agency made or obtained [P].
  r3_5_5: `${OGI}第二条`,
  r3_6_1: `${OGI}第三十条`,
  r3_6_2: '《政府信息公开信息处理费管理办法》',
  // The usual 其他 reply: a request to correct records about oneself, handled under 第四十一条.
  r3_6_3: `${OGI}第四十一条`,
};

/** The basis of the variant an outcome offers (第三十六条（一）/（二）, （四）/（五）). */
export const VARIANT_LEGAL_BASIS: Readonly<Record<ReplyVariant, string>> = {
  'already-public': `${OGI}第三十六条第（一）项`,
  provided: `${OGI}第三十六条第（二）项`,
  'not-held': `${OGI}第三十六条第（四）项`,
  'not-competent': `${OGI}第三十六条第（五）项`,
};

/** The basis a reply cites: the officer's, unless it is the outcome's default and a variant says more. */
export function preciseLegalBasis(outcome: OutcomeRow, given: string, variant?: ReplyVariant): string {
  return variant && given === OUTCOME_LEGAL_BASIS[outcome] ? VARIANT_LEGAL_BASIS[variant] : given;
}
