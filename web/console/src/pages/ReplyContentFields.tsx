import { useState } from 'react';
import {
  OUTCOME_VARIANTS,
  REPLY_CONTENT_LABELS,
  replyContentFields,
  VARIANT_LABELS,
  WITHHOLDING_GROUNDS,
  type ReplyContent,
  type ReplyVariant,
} from '../../../../src/features/requests/domain/reply-content.ts';
import { VARIANT_LEGAL_BASIS } from '../../../../src/features/requests/domain/outcome-legal-basis.ts';
import { fullOutcomeLabel, type OutcomeRowCode } from '../labels.ts';

/** What the officer writes in each field: the letter prints it as the reply's facts. */
const HINTS: Partial<Record<keyof ReplyContent, string>> = {
  disclosed: '如：《示范市2024年度部门预算》（示财〔2024〕3号）全文',
  provision: '不填则按申请人选择的方式（如电子邮件、邮寄、自行领取）写明',
  whereToObtain: '如：本机关门户网站“政策文件”栏目；不动产登记中心（地址、电话）',
  withheld: '如：附件三中企业的工艺参数',
  reasons: '写明具体理由，告知书原文照录',
  competentAgency: '如：示范市自然资源局（地址、电话）',
  earlierReply: '如：本机关2024年3月5日示范局依申请公开〔2024〕第3号答复',
  overObjectionReason: '第三方不同意公开，本机关仍决定公开的理由',
};

/**
 * The reply's content for the chosen outcome: the fields its letter needs (domain/reply-content.ts
 * decides which), sent as `content`. Changing the variant also sets the article it rests on.
 */
export function ReplyContentFields({
  outcome,
  thirdPartyObjected,
}: {
  outcome: OutcomeRowCode | '';
  thirdPartyObjected: boolean;
}) {
  const variants = outcome ? OUTCOME_VARIANTS[outcome] : undefined;
  const [variant, setVariant] = useState<ReplyVariant | undefined>(undefined);
  const [ground, setGround] = useState<string>('');
  if (!outcome) return null;
  const chosen = variant && variants?.includes(variant) ? variant : undefined;
  const fields = replyContentFields(
    outcome,
    { ...(chosen ? { variant: chosen } : {}), ...(ground ? { withheldGround: ground as never } : {}) },
    thirdPartyObjected,
  );
  return (
    <fieldset className="reply-content">
      <legend>答复告知书的内容</legend>
      {fields.map(({ field, required }) => {
        const id = `content-${field}`;
        const label = `${REPLY_CONTENT_LABELS[field]}${required ? '' : '（选填）'}`;
        if (field === 'variant')
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{label}</label>
              <select
                id={id}
                name="content.variant"
                required
                value={chosen ?? ''}
                onChange={(e) => {
                  const next = e.target.value as ReplyVariant;
                  setVariant(next);
                  const basis = document.getElementById('field-legalBasis') as HTMLTextAreaElement | null;
                  if (basis) basis.value = VARIANT_LEGAL_BASIS[next];
                }}
              >
                <option value="" disabled>
                  请选择
                </option>
                {variants?.map((v) => (
                  <option key={v} value={v}>
                    {VARIANT_LABELS[v]}
                  </option>
                ))}
              </select>
            </div>
          );
        if (field === 'withheldGround')
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{label}</label>
              <select
                id={id}
                name="content.withheldGround"
                required
                value={ground}
                onChange={(e) => setGround(e.target.value)}
              >
                <option value="" disabled>
                  请选择
                </option>
                {WITHHOLDING_GROUNDS.map((row) => (
                  <option key={row} value={row}>
                    {fullOutcomeLabel(row)}
                  </option>
                ))}
              </select>
            </div>
          );
        return (
          <div className="field" key={field}>
            <label htmlFor={id}>{label}</label>
            <textarea
              id={id}
              name={`content.${field}`}
              rows={2}
              required={required}
              placeholder={HINTS[field]}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
