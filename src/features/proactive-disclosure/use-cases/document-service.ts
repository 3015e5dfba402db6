/** Drafting, reviewing and publishing documents: load → decide (domain) → save, with a named actor. */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import {
  decideAttribute,
  forwardedAttribute,
  type AttributeDecision,
  type AttributeRefusal,
  type DisclosureAttribute,
  type WithholdingArticle,
} from '../domain/disclosure-attribute.ts';
import {
  decideDocumentStep,
  draftDocument,
  type DocumentCommand,
  type DocumentRefusal,
  type InterpretationForm,
  type PublicDocument,
} from '../domain/public-document.ts';
import type { DocumentRepository, PortalFilter, StoredDocument } from '../db/document-repository.ts';
import { addWorkingDays, type WorkCalendar } from '../../../shared/domain/work-calendar.ts';
import { onTimeShare, timelinessOf, type Timeliness } from '../domain/publication-deadline.ts';
import {
  DEFAULT_DISCLOSURE_SETTINGS,
  INTERPRETATION_CATEGORY,
  hasCategory,
  type DisclosureSettings,
} from '../domain/disclosure-settings.ts';

export interface DocumentDraft {
  readonly title: string;
  readonly documentNumber?: string;
  readonly indexNumber?: string;
  readonly formedOn: IsoDate;
  readonly category: string;
  readonly body: string;
  readonly attribute?: { attribute: DisclosureAttribute; article?: WithholdingArticle; reason?: string };
  /** Why the document was drafted, kept in its first history step (e.g. 第四十四条 from a request). */
  readonly origin?: string;
  /** For a policy interpretation: the document it interprets, and its form. */
  readonly interprets?: string;
  readonly interpretationForm?: InterpretationForm;
  readonly coIssuers?: readonly string[];
  /** A forwarded document inherits the source's attribute when no attribute is given. */
  readonly forwards?: { readonly agencyId: string; readonly documentId: string };
}

export type DocumentServiceError =
  | DocumentRefusal
  | AttributeRefusal
  | { readonly code: 'document-not-found'; readonly id: string }
  | { readonly code: 'unknown-category'; readonly category: string }
  | { readonly code: 'interpretation-needs-document' }
  | { readonly code: 'interpreted-document-not-found'; readonly id: string }
  | { readonly code: 'forwarded-document-not-found'; readonly agencyId: string; readonly id: string };

export interface TimelinessReport {
  readonly year: number;
  /** Share of the year's published 主动公开 documents that were on time (0–1), undefined when none. */
  readonly onTimeShare: number | undefined;
  readonly publishedLate: ReadonlyArray<{ id: string; title: string; dueOn: IsoDate; publishedOn: IsoDate }>;
  /** Not yet published: overdue, or due within `warnWorkingDays`. */
  readonly overdue: ReadonlyArray<{ id: string; title: string; dueOn: IsoDate }>;
  readonly dueSoon: ReadonlyArray<{ id: string; title: string; dueOn: IsoDate }>;
}

export function documentService(deps: {
  documents: DocumentRepository;
  today: () => IsoDate;
  calendarFor?: (agencyId: string) => Promise<WorkCalendar>;
  settingsFor?: (agencyId: string) => Promise<DisclosureSettings>;
}) {
  const settingsOf = (agencyId: string) =>
    deps.settingsFor ? deps.settingsFor(agencyId) : Promise.resolve(DEFAULT_DISCLOSURE_SETTINGS);
  /** The category must be in the agency's catalogue; an interpretation names an existing document. */
  const checkPlacement = async (
    agencyId: string,
    input: DocumentDraft,
  ): Promise<DocumentServiceError | undefined> => {
    if (!hasCategory(await settingsOf(agencyId), input.category))
      return { code: 'unknown-category', category: input.category };
    const isInterpretation = input.category === INTERPRETATION_CATEGORY;
    if (isInterpretation !== (input.interprets !== undefined))
      return { code: 'interpretation-needs-document' };
    if (input.interprets && !(await deps.documents.find(agencyId, input.interprets)))
      return { code: 'interpreted-document-not-found', id: input.interprets };
    return undefined;
  };
  return {
    /**
     * `mayReadDrafts(agency)` says whether the actor may see that agency's unpublished documents: a
     * document of an agency outside the actor's scope can be forwarded only once published, so that
     * forwarding never reveals another agency's drafts (whether they exist, or their attribute).
     */
    async draft(
      agencyId: string,
      input: DocumentDraft,
      actor: string,
      mayReadDrafts: (agencyId: string) => Promise<boolean>,
    ): Promise<Result<PublicDocument, DocumentServiceError>> {
      const own = input.attribute ? decideAttribute(input.attribute) : undefined;
      if (own && !own.ok) return own;
      const misplaced = await checkPlacement(agencyId, input);
      if (misplaced) return err(misplaced);
      let attribute = own?.value;
      if (input.forwards) {
        const source = await deps.documents.find(input.forwards.agencyId, input.forwards.documentId);
        const visible =
          source &&
          (source.document.status === 'published' || (await mayReadDrafts(input.forwards.agencyId)));
        if (!source || !visible)
          return err({
            code: 'forwarded-document-not-found',
            agencyId: input.forwards.agencyId,
            id: input.forwards.documentId,
          });
        if (source.document.attribute) attribute = forwardedAttribute(source.document.attribute, own?.value);
      }
      const year = input.formedOn.slice(0, 4);
      const next = (await deps.documents.lastNumber(agencyId, `DOC-${year}-`)) + 1;
      return this.create(agencyId, input, actor, attribute, year, next);
    },

    /** Numbers the document DOC-<year>-<n>; if another drafter took the number meanwhile, takes the next. */
    async create(
      agencyId: string,
      input: DocumentDraft,
      actor: string,
      attribute: AttributeDecision | undefined,
      year: string,
      next: number,
    ): Promise<Result<PublicDocument, DocumentServiceError>> {
      for (let attempt = 0; ; attempt++) {
        const document = draftDocument(
          {
            id: `DOC-${year}-${String(next).padStart(5, '0')}`,
            title: input.title,
            ...(input.documentNumber ? { documentNumber: input.documentNumber } : {}),
            ...(input.indexNumber ? { indexNumber: input.indexNumber } : {}),
            formedOn: input.formedOn,
            category: input.category,
            drafter: actor,
            ...(attribute ? { attribute } : {}),
            ...(input.interprets
              ? { interprets: input.interprets, interpretationForm: input.interpretationForm ?? 'text' }
              : {}),
            ...(input.coIssuers?.length ? { coIssuers: input.coIssuers } : {}),
            ...(input.forwards ? { forwards: input.forwards } : {}),
          },
          deps.today(),
          input.origin,
        );
        try {
          await deps.documents.create(agencyId, document, input.body);
          return ok(document);
        } catch (error) {
          if (
            attempt >= 4 ||
            !/unique|duplicate|PRIMARYKEY/i.test(
              String((error as Error).message) + String((error as { code?: string }).code),
            )
          )
            throw error;
          next++;
        }
      }
    },

    async step(
      agencyId: string,
      id: string,
      command: DocumentCommand,
      actor: string,
    ): Promise<Result<StoredDocument, DocumentServiceError>> {
      const stored = await deps.documents.find(agencyId, id);
      if (!stored) return err({ code: 'document-not-found', id });
      const decided = decideDocumentStep(stored.document, command, actor, deps.today());
      if (!decided.ok) return decided;
      await deps.documents.save(agencyId, decided.value, stored.body, stored.version);
      return ok({ document: decided.value, body: stored.body, version: stored.version + 1 });
    },

    /** 第二十六条 timeliness of the agency's 主动公开 documents formed in `year`. */
    async timeliness(agencyId: string, year: number, warnWorkingDays = 5): Promise<TimelinessReport> {
      if (!deps.calendarFor) throw new Error('documentService needs calendarFor for timeliness');
      const calendar = await deps.calendarFor(agencyId);
      const limits = { localWorkingDays: (await settingsOf(agencyId)).publicationLimitDays };
      const today = deps.today();
      const warnUntil = addWorkingDays(calendar, today, warnWorkingDays).date;
      const proactive = (await deps.documents.list(agencyId)).filter(
        (s) => s.document.attribute?.attribute === 'proactive' && s.document.formedOn.startsWith(`${year}-`),
      );
      const rows = proactive.map((s) => ({
        document: s.document,
        timeliness: timelinessOf(s.document.formedOn, s.document.publishedOn, today, calendar, limits),
      }));
      const pick = (kind: Timeliness['kind']) => rows.filter((r) => r.timeliness.kind === kind);
      return {
        year,
        onTimeShare: onTimeShare(rows.map((r) => r.timeliness)),
        publishedLate: pick('published-late').map((r) => ({
          id: r.document.id,
          title: r.document.title,
          dueOn: r.timeliness.dueOn,
          publishedOn: r.document.publishedOn!,
        })),
        overdue: pick('overdue').map((r) => ({
          id: r.document.id,
          title: r.document.title,
          dueOn: r.timeliness.dueOn,
        })),
        dueSoon: pick('pending')
          .filter((r) => r.timeliness.dueOn <= warnUntil)
          .map((r) => ({ id: r.document.id, title: r.document.title, dueOn: r.timeliness.dueOn })),
      };
    },

    find: (agencyId: string, id: string) => deps.documents.find(agencyId, id),
    interpretationsOf: (agencyId: string, id: string) => deps.documents.interpretationsOf(agencyId, id),
    countPublishedByCategory: (agencyId: string) => deps.documents.countPublishedByCategory(agencyId),
    settingsFor: settingsOf,
    list: (agencyId: string) => deps.documents.list(agencyId),
    published: (agencyId: string, filter: PortalFilter) => deps.documents.published(agencyId, filter),
  };
}

export type DocumentService = ReturnType<typeof documentService>;
