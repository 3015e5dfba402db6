/**
 * A government document on its way to the portal: drafted with its disclosure attribute, reviewed
 * (保密审查 and content review, 第十七条) by someone other than its drafter, approved or sent back with a
 * comment, then — only if 主动公开 — published. Every step is kept in the document's history.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { AttributeDecision } from './disclosure-attribute.ts';

export const DOCUMENT_STATUSES = [
  'draft',
  'in-review',
  'returned',
  'approved',
  'published',
  'unpublished',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface DocumentStep {
  readonly step:
    'drafted' | 'attribute-set' | 'submitted' | 'approved' | 'sent-back' | 'published' | 'unpublished';
  readonly by: string;
  readonly on: IsoDate;
  readonly comment?: string;
}

export interface PublicDocument {
  readonly id: string;
  readonly title: string;
  readonly documentNumber?: string;
  readonly indexNumber?: string;
  /** The day the information was formed or changed (第二十六条 counts from it). */
  readonly formedOn: IsoDate;
  readonly category: string;
  readonly drafter: string;
  readonly attribute?: AttributeDecision;
  readonly status: DocumentStatus;
  readonly publishedOn?: IsoDate;
  readonly history: readonly DocumentStep[];
  /** A policy interpretation (政策解读) names the document it interprets, and its form. */
  readonly interprets?: string;
  readonly interpretationForm?: InterpretationForm;
  /** Agencies that issue the document together with this one (联合发文). */
  readonly coIssuers?: readonly string[];
  /** The document this one forwards (转发), whose attribute it inherits unless decided anew. */
  readonly forwards?: { readonly agencyId: string; readonly documentId: string };
}

export const INTERPRETATION_FORMS = ['text', 'graphic', 'video'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];
export const INTERPRETATION_FORM_LABELS: Readonly<Record<InterpretationForm, string>> = {
  text: '文字解读',
  graphic: '图文解读',
  video: '视频解读',
};

export type DocumentCommand =
  | { readonly type: 'set-attribute'; readonly attribute: AttributeDecision }
  | { readonly type: 'submit-for-review' }
  | { readonly type: 'approve' }
  | { readonly type: 'send-back'; readonly comment: string }
  | { readonly type: 'publish' }
  | { readonly type: 'unpublish'; readonly comment: string };

export type DocumentRefusal =
  | { readonly code: 'attribute-missing' }
  | { readonly code: 'not-editable'; readonly status: DocumentStatus }
  | {
      readonly code: 'wrong-status';
      readonly status: DocumentStatus;
      readonly expected: readonly DocumentStatus[];
    }
  | { readonly code: 'reviewer-is-drafter' }
  | { readonly code: 'comment-required' }
  | { readonly code: 'not-for-proactive-disclosure'; readonly attribute: AttributeDecision['attribute'] }
  | { readonly code: 'published-before-formed'; readonly formedOn: IsoDate };

export function draftDocument(
  input: Omit<PublicDocument, 'status' | 'history' | 'publishedOn'>,
  on: IsoDate,
  comment?: string,
): PublicDocument {
  return {
    ...input,
    status: 'draft',
    history: [{ step: 'drafted', by: input.drafter, on, ...(comment ? { comment } : {}) }],
  };
}

function expect(document: PublicDocument, statuses: readonly DocumentStatus[]): DocumentRefusal | undefined {
  return statuses.includes(document.status)
    ? undefined
    : { code: 'wrong-status', status: document.status, expected: statuses };
}

/** Applies one step for `actor` on `on`, or refuses it with the reason. */
export function decideDocumentStep(
  document: PublicDocument,
  command: DocumentCommand,
  actor: string,
  on: IsoDate,
): Result<PublicDocument, DocumentRefusal> {
  const step = (
    name: DocumentStep['step'],
    changes: Partial<PublicDocument>,
    comment?: string,
  ): Result<PublicDocument, DocumentRefusal> =>
    ok({
      ...document,
      ...changes,
      history: [...document.history, { step: name, by: actor, on, ...(comment ? { comment } : {}) }],
    });
  switch (command.type) {
    case 'set-attribute':
      if (!['draft', 'returned'].includes(document.status))
        return err({ code: 'not-editable', status: document.status });
      return step('attribute-set', { attribute: command.attribute });
    case 'submit-for-review': {
      const refused = expect(document, ['draft', 'returned']);
      if (refused) return err(refused);
      if (!document.attribute) return err({ code: 'attribute-missing' });
      return step('submitted', { status: 'in-review' });
    }
    case 'approve': {
      const refused = expect(document, ['in-review']);
      if (refused) return err(refused);
      if (actor === document.drafter) return err({ code: 'reviewer-is-drafter' });
      return step('approved', { status: 'approved' });
    }
    case 'send-back': {
      const refused = expect(document, ['in-review']);
      if (refused) return err(refused);
      if (!command.comment.trim()) return err({ code: 'comment-required' });
      return step('sent-back', { status: 'returned' }, command.comment.trim());
    }
    case 'publish': {
      const refused = expect(document, ['approved', 'unpublished']);
      if (refused) return err(refused);
      if (document.attribute?.attribute !== 'proactive')
        return err({
          code: 'not-for-proactive-disclosure',
          attribute: document.attribute?.attribute ?? 'not-disclosed',
        });
      if (on < document.formedOn)
        return err({ code: 'published-before-formed', formedOn: document.formedOn });
      return step('published', { status: 'published', publishedOn: document.publishedOn ?? on });
    }
    case 'unpublish': {
      const refused = expect(document, ['published']);
      if (refused) return err(refused);
      if (!command.comment.trim()) return err({ code: 'comment-required' });
      return step('unpublished', { status: 'unpublished' }, command.comment.trim());
    }
    default: {
      const never: never = command;
      throw new Error(`unknown document command ${JSON.stringify(never)}`);
    }
  }
}

/** Only published 主动公开 documents may reach the portal, its search, its feed or its sitemap. */
export function isOnPortal(document: PublicDocument): boolean {
  return document.status === 'published' && document.attribute?.attribute === 'proactive';
}
