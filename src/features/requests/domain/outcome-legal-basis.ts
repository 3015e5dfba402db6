/**
 * The legal basis of each reply, by table-三 result row (application-lifecycle.md §10). It is what the
 * reply letter cites; the officer may make it more precise, never leave it out.
 */
import type { OutcomeRow } from '../../annual-report/index.ts';

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
  r3_5_5: `${OGI}（申请确认或重新出具已获取的信息，不属于政府信息公开申请）`,
  r3_6_1: `${OGI}第三十条`,
  r3_6_2: '《政府信息公开信息处理费管理办法》',
  r3_6_3: `${OGI}`,
};
