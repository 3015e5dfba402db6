/**
 * 规章 and 行政规范性文件 in the agency's register, with their lifecycle: issued (制发), amended (修改,
 * still in force), repealed (废止) or lapsed (失效, e.g. when its period of validity ends). Table 二,
 * 第二十条第（一）项 counts those issued and repealed in the year and those in force (现行有效) on
 * 31 December; a lapse ends a document's force without counting as a repeal (spec R7's hint).
 */
import type { CellSelector, DocumentTally, NormativeDocumentKind } from '../../annual-report/index.ts';
import { firstDayOfYear, lastDayOfYear, type IsoDate } from '../../../shared/domain/iso-date.ts';
import { err, ok, type Result } from '../../../shared/domain/result.ts';

export interface NormativeDocumentAmendment {
  readonly amendedOn: IsoDate;
  readonly documentNumber?: string;
  readonly note: string;
}

export interface NormativeDocument {
  readonly id: string;
  readonly kind: NormativeDocumentKind;
  readonly title: string;
  readonly documentNumber?: string;
  readonly issuedOn: IsoDate;
  readonly repealedOn?: IsoDate;
  /** The first day it is no longer in force because it lapsed. */
  readonly lapsedOn?: IsoDate;
  readonly amendments?: readonly NormativeDocumentAmendment[];
  /** Its page on the portal (a published public document), where interpretations link to. */
  readonly publicDocumentId?: string;
}

export type NormativeDocumentEvent =
  | { readonly type: 'amend'; readonly on: IsoDate; readonly documentNumber?: string; readonly note: string }
  | { readonly type: 'repeal'; readonly on: IsoDate }
  | { readonly type: 'lapse'; readonly on: IsoDate };

export type NormativeDocumentRefusal =
  | { readonly code: 'before-issue'; readonly issuedOn: IsoDate }
  | { readonly code: 'no-longer-in-force'; readonly endedOn: IsoDate }
  | { readonly code: 'note-required' };

/** The day the document stopped being in force, if it has. */
export function endOfForce(document: NormativeDocument): IsoDate | undefined {
  const ends = [document.repealedOn, document.lapsedOn].filter((d): d is IsoDate => d !== undefined);
  return ends.sort()[0];
}

export function isInForce(document: NormativeDocument, on: IsoDate): boolean {
  const end = endOfForce(document);
  return document.issuedOn <= on && (end === undefined || end > on);
}

/** Applies one lifecycle event, or refuses it: nothing happens before issue or after the end of force. */
export function decideNormativeEvent(
  document: NormativeDocument,
  event: NormativeDocumentEvent,
): Result<NormativeDocument, NormativeDocumentRefusal> {
  if (event.on < document.issuedOn) return err({ code: 'before-issue', issuedOn: document.issuedOn });
  const end = endOfForce(document);
  if (end !== undefined && event.on >= end) return err({ code: 'no-longer-in-force', endedOn: end });
  if (end !== undefined && event.type !== 'amend') return err({ code: 'no-longer-in-force', endedOn: end });
  switch (event.type) {
    case 'amend': {
      if (!event.note.trim()) return err({ code: 'note-required' });
      const amendment = {
        amendedOn: event.on,
        ...(event.documentNumber ? { documentNumber: event.documentNumber } : {}),
        note: event.note.trim(),
      };
      return ok({ ...document, amendments: [...(document.amendments ?? []), amendment] });
    }
    case 'repeal':
      return ok({ ...document, repealedOn: event.on });
    case 'lapse':
      return ok({ ...document, lapsedOn: event.on });
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
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
