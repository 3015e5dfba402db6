/** Composes each feature's repository into the annual report's fact source over one database. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { ProactiveActivity, ReportFactSource } from '../features/annual-report/index.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';
import { proceedingRepository } from '../features/reviews/db/proceeding-repository.ts';
import { normativeDocumentRepository } from '../features/proactive-disclosure/db/normative-document-repository.ts';
import { figuresRepository } from '../features/proactive-disclosure/db/figures-repository.ts';
import { documentRepository } from '../features/proactive-disclosure/db/document-repository.ts';
import { disclosureSettingsRepository } from '../features/proactive-disclosure/db/disclosure-settings-repository.ts';
import { feeTally } from '../features/requests/db/fee-tally.ts';
import { workRecordRepository } from '../features/work-records/db/work-record-repository.ts';
import { interpretationRate } from '../features/proactive-disclosure/domain/interpretation-rate.ts';
import { messageRepository } from '../features/public-messages/db/message-repository.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { calendarRepository, loadWorkCalendar } from '../features/work-calendar/index.ts';
import type { WorkCalendar } from '../shared/domain/work-calendar.ts';

/** The work calendar of an agency's jurisdiction, read from the database each time (CLI, tests). */
export function storedCalendarFor(db: Kysely<Database>): (agencyId: string) => Promise<WorkCalendar> {
  return async (agencyId) =>
    loadWorkCalendar(
      calendarRepository(db),
      (await agencyRepository(db).find(agencyId))?.jurisdiction ?? 'CN',
    );
}

/**
 * `calendarFor` lets the server pass its cached calendars; without it (CLI, tests) the agency's calendar
 * is loaded from the database when section 一's interpretation rate needs it.
 */
export function databaseFactSource(
  db: Kysely<Database>,
  calendarFor: (agencyId: string) => Promise<WorkCalendar> = storedCalendarFor(db),
): ReportFactSource {
  const requests = requestRepository(db);
  const proceedings = proceedingRepository(db);
  const documents = normativeDocumentRepository(db);
  const figures = figuresRepository(db);
  const publications = documentRepository(db);

  /** Section 一's 主动公开 figures: publications, interpretations with their rate, messages. */
  const proactiveActivity = async (agencyId: string, year: number): Promise<ProactiveActivity> => {
    const issued = (await documents.list(agencyId)).filter((d) => d.issuedOn.startsWith(`${year}-`));
    const pages = issued.flatMap((d) => (d.publicDocumentId ? [d.publicDocumentId] : []));
    const [byCategory, interpretations, messages, settings, calendar] = await Promise.all([
      publications.publishedByCategory(agencyId, year),
      publications.interpretationFacts(agencyId, year, pages),
      messageRepository(db).countYear(agencyId, year),
      disclosureSettingsRepository(db).find(agencyId),
      calendarFor(agencyId),
    ]);
    const within = settings.settings.interpretationWithinDays;
    const rate = interpretationRate(
      issued.map((d) => ({
        id: d.id,
        issuedOn: d.issuedOn,
        interpretationsPublishedOn: d.publicDocumentId
          ? (interpretations.datesOf.get(d.publicDocumentId) ?? [])
          : [],
      })),
      year,
      calendar,
      within,
    );
    return {
      publications: byCategory,
      interpretations: {
        published: interpretations.published,
        documents: rate.documents,
        interpreted: rate.interpreted,
        withinWorkingDays: within,
      },
      messages: {
        received: messages.received,
        answered: messages.answered,
        answeredOnTime: messages.answeredOnTime,
      },
    };
  };

  return {
    tallyRequests: (agencyId, year) => requests.tally(agencyId, year),
    tallyProceedings: (agencyId, year, counting) => proceedings.tally(agencyId, year, counting),
    tallyDocuments: (agencyId, year) => documents.tally(agencyId, year),
    figures: (agencyId, year) => figures.find(agencyId, year),
    proactiveActivity,
    processingFees: (agencyId, year) => feeTally(db, agencyId, year),
    workActivity: (agencyId, year) => workRecordRepository(db).activity(agencyId, year),
    recordsBehind: async (agencyId, selector, year, counting) => {
      switch (selector.source) {
        case 'requests':
          return requests.idsBehind(agencyId, selector, year);
        case 'proceedings':
          return proceedings.idsBehind(agencyId, selector, year, counting);
        case 'documents':
          return documents.idsBehind(agencyId, selector, year);
        case 'figures':
          return [];
      }
    },
  };
}
