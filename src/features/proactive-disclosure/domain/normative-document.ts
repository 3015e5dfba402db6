/**
 * 规章 and 行政规范性文件 in the agency's register: table 二, 第二十条第（一）项 counts those issued
 * (制发) and repealed (废止) in the year and those in force (现行有效) on 31 December.
 */
import type { CellSelector, DocumentTally, NormativeDocumentKind } from '../../annual-report/index.ts';
import { firstDayOfYear, lastDayOfYear, type IsoDate } from '../../../shared/domain/iso-date.ts';

export interface NormativeDocument {
  readonly id: string;
  readonly kind: NormativeDocumentKind;
  readonly title: string;
  readonly documentNumber?: string;
  readonly issuedOn: IsoDate;
  readonly repealedOn?: IsoDate;
}

export function isInForce(document: NormativeDocument, on: IsoDate): boolean {
  return document.issuedOn <= on && (document.repealedOn === undefined || document.repealedOn > on);
}

function isWithin(date: IsoDate | undefined, year: number): boolean {
  return date !== undefined && date >= firstDayOfYear(year) && date <= lastDayOfYear(year);
}

export function tallyDocuments(documents: Iterable<NormativeDocument>, year: number): DocumentTally[] {
  const tallies = {
    regulation: { made: 0, repealed: 0, inForce: 0 },
    normative_doc: { made: 0, repealed: 0, inForce: 0 },
  };
  const end = lastDayOfYear(year);
  for (const document of documents) {
    const tally = tallies[document.kind];
    if (isWithin(document.issuedOn, year)) tally.made += 1;
    if (isWithin(document.repealedOn, year)) tally.repealed += 1;
    if (isInForce(document, end)) tally.inForce += 1;
  }
  return (['regulation', 'normative_doc'] as const).map((kind) => ({ kind, ...tallies[kind] }));
}

export function isCountedInTable2(
  document: NormativeDocument,
  selector: Extract<CellSelector, { source: 'documents' }>,
  year: number,
): boolean {
  if (document.kind !== selector.kind) return false;
  switch (selector.measure) {
    case 'made':
      return isWithin(document.issuedOn, year);
    case 'repealed':
      return isWithin(document.repealedOn, year);
    case 'in-force':
      return isInForce(document, lastDayOfYear(year));
    default: {
      const never: never = selector.measure;
      throw new Error(`unknown measure ${String(never)}`);
    }
  }
}
