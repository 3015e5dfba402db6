/** The normative-document register (规章和行政规范性文件目录). */
import { normalizeLabel, type NormativeDocumentKind } from '../../annual-report/index.ts';
import type { NormativeDocument } from '../../proactive-disclosure/index.ts';
import { readSheet, type LedgerSheet, type RowReader, type SheetParse } from './ledger-sheet.ts';

const KINDS: Readonly<Record<string, NormativeDocumentKind>> = {
  regulation: 'regulation',
  normative_doc: 'normative_doc',
  规章: 'regulation',
  行政规范性文件: 'normative_doc',
  规范性文件: 'normative_doc',
};

function readDocument(row: RowReader): NormativeDocument | undefined {
  const id = row.required('id');
  const kindText = row.required('kind');
  const kind = kindText ? (KINDS[kindText] ?? KINDS[normalizeLabel(kindText)]) : undefined;
  if (kindText && !kind)
    row.fail(
      'kind',
      'unknown-document-kind',
      `不认识的文件类型“${kindText}”：应为 规章（regulation）或 行政规范性文件（normative_doc）`,
    );
  const title = row.required('title');
  const issuedOn = row.date('issued_on', { required: true });
  const repealedOn = row.date('repealed_on', { required: false });
  if (issuedOn && repealedOn && repealedOn < issuedOn)
    row.fail('repealed_on', 'repealed-before-issued', `废止日期 ${repealedOn} 早于制发日期 ${issuedOn}`);
  if (!id || !kind || !title || !issuedOn) return undefined;
  const documentNumber = row.optional('document_number');
  return {
    id,
    kind,
    title,
    issuedOn,
    ...(documentNumber ? { documentNumber } : {}),
    ...(repealedOn ? { repealedOn } : {}),
  };
}

export function parseDocumentSheet(sheet: LedgerSheet): SheetParse<NormativeDocument> {
  return readSheet(sheet, 'documents', readDocument);
}
