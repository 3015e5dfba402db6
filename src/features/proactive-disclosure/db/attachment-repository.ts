/** Attachments in the database: metadata listed without the bytes, the bytes read one file at a time. */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

export interface AttachmentInfo {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

const INFO = ['id', 'file_name', 'media_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'] as const;

function toInfo(row: {
  id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}): AttachmentInfo {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

export function attachmentRepository(db: Kysely<Database>) {
  return {
    async list(agencyId: string, documentId: string): Promise<AttachmentInfo[]> {
      const rows = await db
        .selectFrom('public_document_attachments')
        .select(INFO)
        .where('agency_id', '=', agencyId)
        .where('document_id', '=', documentId)
        .orderBy('id')
        .execute();
      return rows.map(toInfo);
    },

    /** Stores a file as the next numbered attachment (A01, A02, …) of the document. */
    async add(
      agencyId: string,
      documentId: string,
      file: { fileName: string; mediaType: string; content: Uint8Array },
      uploadedBy: string,
      uploadedAt: string,
    ): Promise<AttachmentInfo> {
      return db.transaction().execute(async (tx) => {
        const last = await tx
          .selectFrom('public_document_attachments')
          .select(sql<string>`max(id)`.as('id'))
          .where('agency_id', '=', agencyId)
          .where('document_id', '=', documentId)
          .executeTakeFirst();
        const id = `A${String(Number(last?.id?.slice(1) ?? 0) + 1).padStart(2, '0')}`;
        const row = {
          agency_id: agencyId,
          document_id: documentId,
          id,
          file_name: file.fileName,
          media_type: file.mediaType,
          size: file.content.length,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          content: Buffer.from(file.content),
          uploaded_by: uploadedBy,
          uploaded_at: uploadedAt,
        };
        await tx.insertInto('public_document_attachments').values(row).execute();
        return toInfo(row);
      });
    },

    async content(
      agencyId: string,
      documentId: string,
      id: string,
    ): Promise<{ info: AttachmentInfo; content: Buffer } | undefined> {
      const row = await db
        .selectFrom('public_document_attachments')
        .select([...INFO, 'content'])
        .where('agency_id', '=', agencyId)
        .where('document_id', '=', documentId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { info: toInfo(row), content: Buffer.from(row.content) } : undefined;
    },

    async remove(agencyId: string, documentId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('public_document_attachments')
        .where('agency_id', '=', agencyId)
        .where('document_id', '=', documentId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}

export type AttachmentRepository = ReturnType<typeof attachmentRepository>;
