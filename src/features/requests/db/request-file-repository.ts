/** Files disclosed to an applicant, in the database: listed without the bytes, read one at a time. */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

export interface RequestFileInfo {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  /** When the applicant first downloaded it (电子送达). */
  readonly deliveredAt?: string;
}

const INFO = [
  'id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'uploaded_by',
  'uploaded_at',
  'delivered_at',
] as const;

function toInfo(row: {
  id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
  delivered_at: string | null;
}): RequestFileInfo {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    ...(row.delivered_at ? { deliveredAt: row.delivered_at } : {}),
  };
}

export function requestFileRepository(db: Kysely<Database>) {
  const of = (agencyId: string, requestId: string) =>
    db.selectFrom('request_files').where('agency_id', '=', agencyId).where('request_id', '=', requestId);
  return {
    async list(agencyId: string, requestId: string): Promise<RequestFileInfo[]> {
      return (await of(agencyId, requestId).select(INFO).orderBy('id').execute()).map(toInfo);
    },

    /** Stores a file as the next numbered one (F01, F02, …) of the case. */
    async add(
      agencyId: string,
      requestId: string,
      file: { fileName: string; mediaType: string; content: Uint8Array },
      uploadedBy: string,
      uploadedAt: string,
    ): Promise<RequestFileInfo> {
      return db.transaction().execute(async (tx) => {
        const last = await tx
          .selectFrom('request_files')
          .select(sql<string>`max(id)`.as('id'))
          .where('agency_id', '=', agencyId)
          .where('request_id', '=', requestId)
          .executeTakeFirst();
        const row = {
          agency_id: agencyId,
          request_id: requestId,
          id: `F${String(Number(last?.id?.slice(1) ?? 0) + 1).padStart(2, '0')}`,
          file_name: file.fileName,
          media_type: file.mediaType,
          size: file.content.length,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          content: Buffer.from(file.content),
          uploaded_by: uploadedBy,
          uploaded_at: uploadedAt,
          delivered_at: null,
        };
        await tx.insertInto('request_files').values(row).execute();
        return toInfo(row);
      });
    },

    async read(agencyId: string, requestId: string, id: string) {
      const row = await of(agencyId, requestId).selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { info: toInfo(row), content: Buffer.from(row.content) } : undefined;
    },

    /** Marks the first download; true only for the call that did (the delivery is recorded once). */
    async markDelivered(agencyId: string, requestId: string, id: string, at: string): Promise<boolean> {
      const updated = await db
        .updateTable('request_files')
        .set({ delivered_at: at })
        .where('agency_id', '=', agencyId)
        .where('request_id', '=', requestId)
        .where('id', '=', id)
        .where('delivered_at', 'is', null)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    },

    /** Removes a file not yet delivered; false when there is none such. */
    async remove(agencyId: string, requestId: string, id: string): Promise<boolean> {
      const deleted = await db
        .deleteFrom('request_files')
        .where('agency_id', '=', agencyId)
        .where('request_id', '=', requestId)
        .where('id', '=', id)
        .where('delivered_at', 'is', null)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows) === 1;
    },
  };
}

export type RequestFileRepository = ReturnType<typeof requestFileRepository>;
