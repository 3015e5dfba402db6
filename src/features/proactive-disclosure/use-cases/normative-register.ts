/**
 * The register of 规章 and 行政规范性文件: registering a document as issued, its amendments, repeal or
 * lapse (each recorded in the audit log), which are in force on any date, and the compilation (汇编) of
 * those in force with their text from the portal.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { lockedYearOf, type YearLock, type YearLockedRefusal } from '../../../shared/domain/year-lock.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { NormativeDocumentKind } from '../../annual-report/index.ts';
import {
  decideNormativeEvent,
  isInForce,
  type NormativeDocument,
  type NormativeDocumentEvent,
  type NormativeDocumentRefusal,
} from '../domain/normative-document.ts';
import { normativeDocumentRepository } from '../db/normative-document-repository.ts';
import { documentRepository } from '../db/document-repository.ts';

export interface NormativeDocumentInput {
  readonly kind: NormativeDocumentKind;
  readonly title: string;
  readonly documentNumber?: string;
  readonly issuedOn: IsoDate;
  readonly publicDocumentId?: string;
}

export type RegisterError =
  | NormativeDocumentRefusal
  | { readonly code: 'normative-document-not-found'; readonly id: string }
  | { readonly code: 'public-document-not-found'; readonly id: string }
  | { readonly code: 'concurrent-change' }
  | YearLockedRefusal;

export interface RegisterEntry extends NormativeDocument {
  readonly inForce: boolean;
}

export interface CompilationEntry {
  readonly document: NormativeDocument;
  /** The text of its published page, when it has one. */
  readonly body?: string;
}

/** `yearLock`: filed years are locked — no document is registered, repealed or lapsed with a date in one. */
export function normativeRegister(db: Kysely<Database>, now: () => string, yearLock?: YearLock) {
  const register = normativeDocumentRepository(db);
  const documents = documentRepository(db);
  /** Writes a change and its audit entry together, or neither; false when the write did not apply. */
  const writeAudited = (
    write: (repository: typeof register) => Promise<boolean>,
    entry: { agencyId: string; actor: string; action: string; subject: string; detail: object },
  ) =>
    db.transaction().execute(async (tx) => {
      if (!(await write(normativeDocumentRepository(tx)))) return false;
      await appendAudit(tx, { ...entry, at: now(), detail: { ...entry.detail } });
      return true;
    });
  const checkPage = async (agencyId: string, id: string | undefined) =>
    id && !(await documents.find(agencyId, id))
      ? { code: 'public-document-not-found' as const, id }
      : undefined;

  return {
    async list(agencyId: string, on: IsoDate): Promise<RegisterEntry[]> {
      return (await register.list(agencyId)).map((d) => ({ ...d, inForce: isInForce(d, on) }));
    },

    find: (agencyId: string, id: string) => register.find(agencyId, id),

    /** Numbers the document GZ-<year>-<n> (规章) or GF-<year>-<n> (规范性文件) in the register. */
    async register(
      agencyId: string,
      input: NormativeDocumentInput,
      actor: string,
    ): Promise<Result<NormativeDocument, RegisterError>> {
      const missing = await checkPage(agencyId, input.publicDocumentId);
      if (missing) return err(missing);
      const locked = await lockedYearOf(yearLock, agencyId, [input.issuedOn]);
      if (locked) return err(locked);
      const prefix = `${input.kind === 'regulation' ? 'GZ' : 'GF'}-${input.issuedOn.slice(0, 4)}-`;
      const taken = (await register.list(agencyId)).filter((d) => d.id.startsWith(prefix)).length;
      for (let n = taken + 1; ; n++) {
        const document: NormativeDocument = { id: `${prefix}${String(n).padStart(3, '0')}`, ...input };
        const entry = { agencyId, actor, action: 'normative-document-registered', subject: document.id };
        if (await writeAudited((r) => r.register(agencyId, document), { ...entry, detail: document }))
          return ok(document);
      }
    },

    async record(
      agencyId: string,
      id: string,
      event: NormativeDocumentEvent,
      actor: string,
    ): Promise<Result<NormativeDocument, RegisterError>> {
      const before = await register.find(agencyId, id);
      if (!before) return err({ code: 'normative-document-not-found', id });
      const decided = decideNormativeEvent(before, event);
      if (!decided.ok) return decided;
      const locked = await lockedYearOf(yearLock, agencyId, [event.on]);
      if (locked) return err(locked);
      const entry = {
        agencyId,
        actor,
        action: `normative-document-${event.type}`,
        subject: id,
        detail: event,
      };
      if (!(await writeAudited((r) => r.update(agencyId, before, decided.value), entry)))
        return err({ code: 'concurrent-change' });
      return decided;
    },

    /** Links the document to its page on the portal (where interpretations point). */
    async link(
      agencyId: string,
      id: string,
      publicDocumentId: string,
      actor: string,
    ): Promise<Result<NormativeDocument, RegisterError>> {
      const before = await register.find(agencyId, id);
      if (!before) return err({ code: 'normative-document-not-found', id });
      const missing = await checkPage(agencyId, publicDocumentId);
      if (missing) return err(missing);
      const after = { ...before, publicDocumentId };
      const entry = {
        agencyId,
        actor,
        action: 'normative-document-linked',
        subject: id,
        detail: { publicDocumentId },
      };
      if (!(await writeAudited((r) => r.update(agencyId, before, after), entry)))
        return err({ code: 'concurrent-change' });
      return ok(after);
    },

    /** Those in force on `on`, regulations first, each in order of issue, with their published text. */
    async compilation(agencyId: string, on: IsoDate): Promise<CompilationEntry[]> {
      const inForce = (await register.list(agencyId))
        .filter((d) => isInForce(d, on))
        .sort((a, b) =>
          a.kind === b.kind ? a.issuedOn.localeCompare(b.issuedOn) : a.kind === 'regulation' ? -1 : 1,
        );
      return Promise.all(
        inForce.map(async (document) => {
          const page = document.publicDocumentId
            ? await documents.find(agencyId, document.publicDocumentId)
            : undefined;
          return { document, ...(page && page.document.status === 'published' ? { body: page.body } : {}) };
        }),
      );
    },
  };
}

export type NormativeRegister = ReturnType<typeof normativeRegister>;
