/**
 * 索引号: every published document has one. Where the drafter gave none, the agency's rule makes it:
 * its prefix (公开设置, usually the agency's 统一社会信用代码 or 组织机构代码; its id until set), the
 * year and the document's serial — DOC-2025-00012 → 11370000004609134E/2025-00012. The serial is the
 * document's own number, so the generated 索引号 never changes and never collides within the agency.
 */
import type { PublicDocument } from './public-document.ts';

export function generatedIndexNumber(documentId: string, prefix: string): string {
  const serial = /^DOC-(\d{4})-(\d+)$/.exec(documentId);
  return serial ? `${prefix}/${serial[1]}-${serial[2]}` : `${prefix}/${documentId}`;
}

export function indexNumberOf(document: Pick<PublicDocument, 'id' | 'indexNumber'>, prefix: string): string {
  return document.indexNumber?.trim() || generatedIndexNumber(document.id, prefix);
}
