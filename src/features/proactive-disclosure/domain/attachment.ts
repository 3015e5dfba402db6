/**
 * 附件: files attached to a document while it is drafted. Only the kinds agencies publish are taken — PDF,
 * OFD, Word, Excel, JPEG, PNG and MP4 (a short video interpretation) — up to 20 MB each and 20 per document, and the content must be what its
 * name says (checked by the file's first bytes), so that nothing executable reaches the portal.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENTS_PER_DOCUMENT = 20;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const KINDS: Readonly<
  Record<string, { readonly mediaType: string; readonly magic: readonly number[]; readonly offset?: number }>
> = {
  pdf: { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  ofd: { mediaType: 'application/ofd', magic: ZIP },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  doc: { mediaType: 'application/msword', magic: OLE },
  xls: { mediaType: 'application/vnd.ms-excel', magic: OLE },
  jpg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // An ISO media file names its brand box ("ftyp") after the 4-byte box size.
  mp4: { mediaType: 'video/mp4', magic: [0x66, 0x74, 0x79, 0x70], offset: 4 },
};
export const ATTACHMENT_EXTENSIONS = Object.keys(KINDS);

export type AttachmentRefusal =
  | { readonly code: 'attachment-empty' }
  | { readonly code: 'attachment-too-large'; readonly limitBytes: number }
  | { readonly code: 'attachment-type-not-allowed'; readonly extension: string }
  | { readonly code: 'attachment-content-mismatch'; readonly extension: string }
  | { readonly code: 'attachment-name-invalid' }
  | { readonly code: 'too-many-attachments'; readonly limit: number };

export interface CheckedAttachment {
  readonly fileName: string;
  readonly mediaType: string;
}

/** Keeps the base name only, without path or control characters; at most 200 characters. */
function cleanName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return Array.from(base.replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '').trim())
    .slice(-200)
    .join('');
}

export function checkAttachment(
  fileName: string,
  content: Uint8Array,
  attachedAlready: number,
): Result<CheckedAttachment, AttachmentRefusal> {
  if (attachedAlready >= ATTACHMENTS_PER_DOCUMENT)
    return err({ code: 'too-many-attachments', limit: ATTACHMENTS_PER_DOCUMENT });
  const name = cleanName(fileName);
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!name || name.startsWith('.')) return err({ code: 'attachment-name-invalid' });
  const kind = KINDS[extension];
  if (!kind) return err({ code: 'attachment-type-not-allowed', extension });
  if (content.length === 0) return err({ code: 'attachment-empty' });
  if (content.length > ATTACHMENT_MAX_BYTES)
    return err({ code: 'attachment-too-large', limitBytes: ATTACHMENT_MAX_BYTES });
  if (!kind.magic.every((byte, i) => content[(kind.offset ?? 0) + i] === byte))
    return err({ code: 'attachment-content-mismatch', extension });
  return ok({ fileName: name, mediaType: kind.mediaType });
}
