/**
 * 第二十六条: information to be disclosed proactively is published within 20 working days of being formed
 * or changed, unless a law or regulation sets another period; an agency may set a stricter local limit.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { addWorkingDays, type WorkCalendar } from '../../../shared/domain/work-calendar.ts';

export const STATUTORY_PUBLICATION_WORKING_DAYS = 20;

export type Timeliness =
  | { readonly kind: 'published-on-time'; readonly dueOn: IsoDate; readonly publishedOn: IsoDate }
  | { readonly kind: 'published-late'; readonly dueOn: IsoDate; readonly publishedOn: IsoDate }
  | { readonly kind: 'pending'; readonly dueOn: IsoDate }
  | { readonly kind: 'overdue'; readonly dueOn: IsoDate };

export interface PublicationLimits {
  /** The agency's own limit, if stricter than the statutory 20 working days. */
  readonly localWorkingDays?: number;
}

export function publicationDueOn(
  formedOn: IsoDate,
  calendar: WorkCalendar,
  limits: PublicationLimits = {},
): IsoDate {
  const days = Math.min(
    STATUTORY_PUBLICATION_WORKING_DAYS,
    limits.localWorkingDays ?? STATUTORY_PUBLICATION_WORKING_DAYS,
  );
  return addWorkingDays(calendar, formedOn, days).date;
}

export function timelinessOf(
  formedOn: IsoDate,
  publishedOn: IsoDate | undefined,
  today: IsoDate,
  calendar: WorkCalendar,
  limits: PublicationLimits = {},
): Timeliness {
  const dueOn = publicationDueOn(formedOn, calendar, limits);
  if (publishedOn)
    return { kind: publishedOn <= dueOn ? 'published-on-time' : 'published-late', dueOn, publishedOn };
  return { kind: today > dueOn ? 'overdue' : 'pending', dueOn };
}

/** The share of a year's published documents that were on time, 0–1; undefined when none was published. */
export function onTimeShare(timeliness: readonly Timeliness[]): number | undefined {
  const published = timeliness.filter((t) => t.kind === 'published-on-time' || t.kind === 'published-late');
  if (published.length === 0) return undefined;
  return published.filter((t) => t.kind === 'published-on-time').length / published.length;
}
