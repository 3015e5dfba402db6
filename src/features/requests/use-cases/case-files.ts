/**
 * 电子送达: the files an agency discloses in reply, attached by the case worker with the same checks as a
 * document's attachments (the kinds agencies publish, content matching the name, zips inflated and
 * counted off the event loop), downloaded by the applicant from the status page once the reply is
 * recorded — the first download of each file recorded in the case's history as its delivery.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { checkAttachment, type AttachmentRefusal } from '../../proactive-disclosure/domain/attachment.ts';
import type { RequestFileInfo, RequestFileRepository } from '../db/request-file-repository.ts';
import type { CaseService } from './case-service.ts';

export type CaseFileError =
  | AttachmentRefusal
  | { readonly code: 'case-not-found' }
  | { readonly code: 'file-not-found' }
  | { readonly code: 'files-not-allowed'; readonly status: string }
  | { readonly code: 'file-delivered' }
  | { readonly code: 'attachment-unreadable'; readonly reason: string };

const ZIPPED = new Set([
  'application/ofd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/** Files go with a disclosure: a case still open, or replied 予以公开 / 部分公开. */
const CLOSED_WITHOUT_DISCLOSURE = ['closed-clarification-overdue', 'closed-fee-overdue', 'withdrawn'];

export function caseFiles(deps: {
  files: RequestFileRepository;
  cases: Pick<CaseService, 'view' | 'recordDelivery'>;
  inspectZip: (content: Uint8Array, account: string) => Promise<string | undefined>;
  now: () => string;
}) {
  return {
    async attach(
      agencyId: string,
      id: string,
      file: { fileName: string; content: Uint8Array },
      actor: string,
    ): Promise<Result<RequestFileInfo, CaseFileError>> {
      const view = await deps.cases.view(agencyId, id);
      if (!view) return err({ code: 'case-not-found' });
      const c = view.case;
      const disclosing = c.status !== 'replied' || c.outcome === 'r3_1' || c.outcome === 'r3_2';
      if (CLOSED_WITHOUT_DISCLOSURE.includes(c.status) || !disclosing)
        return err({ code: 'files-not-allowed', status: c.status });
      const checked = checkAttachment(
        file.fileName,
        file.content,
        (await deps.files.list(agencyId, id)).length,
      );
      if (!checked.ok) return checked;
      if (ZIPPED.has(checked.value.mediaType)) {
        const wrong = await deps.inspectZip(file.content, actor);
        if (wrong) return err({ code: 'attachment-unreadable', reason: wrong });
      }
      return ok(
        await deps.files.add(
          agencyId,
          id,
          { fileName: checked.value.fileName, mediaType: checked.value.mediaType, content: file.content },
          actor,
          deps.now(),
        ),
      );
    },

    list: (agencyId: string, id: string) => deps.files.list(agencyId, id),

    read: (agencyId: string, id: string, fileId: string) => deps.files.read(agencyId, id, fileId),

    async remove(agencyId: string, id: string, fileId: string): Promise<Result<true, CaseFileError>> {
      const file = await deps.files.read(agencyId, id, fileId);
      if (!file) return err({ code: 'file-not-found' });
      if (file.info.deliveredAt || !(await deps.files.remove(agencyId, id, fileId)))
        return err({ code: 'file-delivered' });
      return ok(true);
    },

    /** The files the applicant may download: once the reply discloses them. */
    async forApplicant(agencyId: string, id: string, status: string): Promise<RequestFileInfo[]> {
      return status === 'replied' ? deps.files.list(agencyId, id) : [];
    },

    /** The applicant's download: the file, its first download recorded as the delivery. */
    async deliver(agencyId: string, id: string, fileId: string, status: string) {
      if (status !== 'replied') return undefined;
      const file = await deps.files.read(agencyId, id, fileId);
      if (!file) return undefined;
      if (await deps.files.markDelivered(agencyId, id, fileId, deps.now()))
        await deps.cases.recordDelivery(agencyId, id, { id: file.info.id, fileName: file.info.fileName });
      return file;
    },
  };
}

export type CaseFiles = ReturnType<typeof caseFiles>;
