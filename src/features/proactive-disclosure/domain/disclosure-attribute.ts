/**
 * 公开属性: every document is given one when it is drafted — 主动公开, 依申请公开 or 不予公开 — and the
 * last two only with their legal ground and a reason (条例 第十四条 must not be disclosed; 第十五条 third
 * parties' rights, unless they consent or the public interest requires; 第十六条 internal affairs and
 * process information may be withheld). A forwarded document (转发) keeps the attribute of the document it
 * forwards unless the forwarding agency decides anew.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';

export const DISCLOSURE_ATTRIBUTES = ['proactive', 'on-request', 'not-disclosed'] as const;
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];

export const ATTRIBUTE_LABELS: Readonly<Record<DisclosureAttribute, string>> = {
  proactive: '主动公开',
  'on-request': '依申请公开',
  'not-disclosed': '不予公开',
};

/** The articles that allow not publishing proactively. */
export const WITHHOLDING_ARTICLES = ['article-14', 'article-15', 'article-16'] as const;
export type WithholdingArticle = (typeof WITHHOLDING_ARTICLES)[number];

export const ARTICLE_LABELS: Readonly<Record<WithholdingArticle, string>> = {
  'article-14': '第十四条（国家秘密、法律行政法规禁止公开、危及“三安全一稳定”）',
  'article-15': '第十五条（商业秘密、个人隐私等第三方合法权益）',
  'article-16': '第十六条（内部事务信息、过程性信息、行政执法案卷）',
};

export interface AttributeDecision {
  readonly attribute: DisclosureAttribute;
  readonly article?: WithholdingArticle;
  readonly reason?: string;
}

export type AttributeRefusal =
  | { readonly code: 'attribute-missing' }
  | { readonly code: 'article-required'; readonly attribute: DisclosureAttribute }
  | { readonly code: 'reason-required'; readonly attribute: DisclosureAttribute }
  | { readonly code: 'article-not-applicable' };

export function decideAttribute(input: {
  attribute?: DisclosureAttribute;
  article?: WithholdingArticle;
  reason?: string;
}): Result<AttributeDecision, AttributeRefusal> {
  if (!input.attribute) return err({ code: 'attribute-missing' });
  if (input.attribute === 'proactive') {
    return input.article ? err({ code: 'article-not-applicable' }) : ok({ attribute: 'proactive' });
  }
  if (!input.article) return err({ code: 'article-required', attribute: input.attribute });
  const reason = input.reason?.trim();
  if (!reason) return err({ code: 'reason-required', attribute: input.attribute });
  return ok({ attribute: input.attribute, article: input.article, reason });
}

/** A forwarded document's attribute: the source's, unless the forwarding agency decided one itself. */
export function forwardedAttribute(
  source: AttributeDecision,
  ownDecision: AttributeDecision | undefined,
): AttributeDecision {
  return ownDecision ?? source;
}
