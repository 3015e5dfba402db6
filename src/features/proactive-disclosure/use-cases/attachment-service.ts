/** Attaching files to a document while it is drafted, removing them, and reading them back. */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { checkAttachment, type AttachmentRefusal } from '../domain/attachment.ts';
import { isOnPortal, type DocumentStatus } from '../domain/public-document.ts';
import type { DocumentRepository } from '../db/document-repository.ts';
import type { AttachmentInfo, AttachmentRepository } from '../db/attachment-repository.ts';

export type AttachmentServiceError =
  | AttachmentRefusal
  | { readonly code: 'document-not-found'; readonly id: string }
  | { readonly code: 'attachment-not-found'; readonly id: string }
  | { readonly code: 'not-editable'; readonly status: DocumentStatus }
  /** A Word, Excel or OFD file whose zip is broken or would inflate past the limit on a reader's machine. */
  | { readonly code: 'attachment-unreadable'; readonly reason: string };

/** The media types that are zips (DOCX, XLSX, OFD): inflated and counted before they are published. */
const ZIPPED = new Set([
  'application/ofd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

const EDITABLE: readonly DocumentStatus[] = ['draft', 'returned'];

export function attachmentService(deps: {
  documents: DocumentRepository;
  attachments: AttachmentRepository;
  now: () => string;
  /** Inflates a zip off the event loop and says what is wrong with it, if anything (the file sandbox). */
  inspectZip: (content: Uint8Array, account: string) => Promise<string | undefined>;
}) {
  /** The document, if it exists and can still take or lose attachments (before review). */
  const editable = async (
    agencyId: string,
    documentId: string,
  ): Promise<AttachmentServiceError | undefined> => {
    const stored = await deps.documents.find(agencyId, documentId);
    if (!stored) return { code: 'document-not-found', id: documentId };
    if (!EDITABLE.includes(stored.document.status))
      return { code: 'not-editable', status: stored.document.status };
    return undefined;
  };

  return {
    async attach(
      agencyId: string,
      documentId: string,
      file: { fileName: string; content: Uint8Array },
      actor: string,
    ): Promise<Result<AttachmentInfo, AttachmentServiceError>> {
      const refused = await editable(agencyId, documentId);
      if (refused) return err(refused);
      const existing = await deps.attachments.list(agencyId, documentId);
      const checked = checkAttachment(file.fileName, file.content, existing.length);
      if (!checked.ok) return checked;
      if (ZIPPED.has(checked.value.mediaType)) {
        const wrong = await deps.inspectZip(file.content, actor);
        if (wrong) return err({ code: 'attachment-unreadable', reason: wrong });
      }
      return ok(
        await deps.attachments.add(
          agencyId,
          documentId,
          { ...checked.value, content: file.content },
          actor,
          deps.now(),
        ),
      );
    },

    async remove(
      agencyId: string,
      documentId: string,
      id: string,
    ): Promise<Result<true, AttachmentServiceError>> {
      const refused = await editable(agencyId, documentId);
      if (refused) return err(refused);
      if (!(await deps.attachments.remove(agencyId, documentId, id)))
        return err({ code: 'attachment-not-found', id });
      return ok(true);
    },

    list: (agencyId: string, documentId: string) => deps.attachments.list(agencyId, documentId),

    /** A file for staff, or — with `publicOnly` — only when its document is on the portal. */
    async download(agencyId: string, documentId: string, id: string, publicOnly: boolean) {
      if (publicOnly) {
        const stored = await deps.documents.find(agencyId, documentId);
        if (!stored || !isOnPortal(stored.document)) return undefined;
      }
      return deps.attachments.content(agencyId, documentId, id);
    },
  };
}

export type AttachmentService = ReturnType<typeof attachmentService>;
