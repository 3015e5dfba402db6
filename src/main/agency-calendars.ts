/**
 * The work calendar of an agency's jurisdiction (national, plus local holidays where it has them), for
 * the server: each jurisdiction's calendar read from the database at most once a minute — it changes
 * only when an administrator imports a year (at once in the process that imported it).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { calendarRepository, loadWorkCalendar } from '../features/work-calendar/index.ts';
import type { WorkCalendar } from '../shared/domain/work-calendar.ts';

function cachedCalendar(load: () => Promise<WorkCalendar>): () => Promise<WorkCalendar> {
  let cached: { at: number; calendar: Promise<WorkCalendar> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > 60_000) cached = { at: Date.now(), calendar: load() };
    return cached.calendar;
  };
}

export function agencyCalendars(
  db: Kysely<Database>,
  findAgency: (id: string) => Promise<{ readonly jurisdiction?: string } | undefined>,
): {
  calendarFor: (agencyId: string) => Promise<WorkCalendar>;
  /** Forgets every calendar read (a year was imported here; other processes see it within a minute). */
  forget: () => void;
} {
  const calendars = new Map<string, () => Promise<WorkCalendar>>();
  const calendarFor = async (agencyId: string) => {
    const jurisdiction = (await findAgency(agencyId))?.jurisdiction ?? 'CN';
    let load = calendars.get(jurisdiction);
    if (!load)
      calendars.set(
        jurisdiction,
        (load = cachedCalendar(() => loadWorkCalendar(calendarRepository(db), jurisdiction))),
      );
    return load();
  };
  return { calendarFor, forget: () => calendars.clear() };
}
