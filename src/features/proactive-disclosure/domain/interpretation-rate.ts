/**
 * 政策解读: a normative document should be published with its interpretation. The rate counts, among the
 * normative documents issued in a year, those whose first interpretation was published within a
 * configurable number of working days of the document (0 = the same day, "同步").
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { addWorkingDays, type WorkCalendar } from '../../../shared/domain/work-calendar.ts';

export interface InterpretedDocument {
  readonly id: string;
  readonly issuedOn: IsoDate;
  /** Publication dates of the document's interpretations (text, graphic or video). */
  readonly interpretationsPublishedOn: readonly IsoDate[];
}

export interface InterpretationRate {
  readonly documents: number;
  readonly interpreted: number;
  /** 0–1, or undefined when no normative document was issued in the year. */
  readonly rate: number | undefined;
  readonly missing: readonly string[];
}

export function interpretationRate(
  documents: readonly InterpretedDocument[],
  year: number,
  calendar: WorkCalendar,
  withinWorkingDays = 3,
): InterpretationRate {
  const issued = documents.filter((d) => d.issuedOn.startsWith(`${year}-`));
  const missing: string[] = [];
  for (const document of issued) {
    const latest = addWorkingDays(calendar, document.issuedOn, withinWorkingDays).date;
    const timely = document.interpretationsPublishedOn.some((on) => on >= document.issuedOn && on <= latest);
    if (!timely) missing.push(document.id);
  }
  const interpreted = issued.length - missing.length;
  return {
    documents: issued.length,
    interpreted,
    rate: issued.length ? interpreted / issued.length : undefined,
    missing,
  };
}
