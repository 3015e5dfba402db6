/** Composes each feature's repository into the annual report's fact source over one database. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import {
  assembleFacts,
  type ProactiveActivity,
  type ReportFactSource,
} from '../features/annual-report/index.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';
import { proceedingRepository } from '../features/reviews/db/proceeding-repository.ts';
import { normativeDocumentRepository } from '../features/proactive-disclosure/db/normative-document-repository.ts';
import { figuresRepository } from '../features/proactive-disclosure/db/figures-repository.ts';
import { disclosureSettingsRepository } from '../features/proactive-disclosure/db/disclosure-settings-repository.ts';
import { feeTally, feeTallyMany } from '../features/requests/db/fee-tally.ts';
import { publicationTally } from '../features/proactive-disclosure/db/publication-tally.ts';
import { ofOne } from '../platform/db/by-agency.ts';
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
  const publications = publicationTally(db);

  /** Section 一's 主动公开 figures of each agency: publications, interpretations with their rate, messages. */
  const proactiveActivityMany = async (
    agencyIds: readonly string[],
    year: number,
  ): Promise<Map<string, ProactiveActivity>> => {
    const issuedOf = await documents.issuedInYearMany(agencyIds, year);
    const pagesOf = new Map(
      [...issuedOf].map(([id, issued]) => [
        id,
        issued.flatMap((d) => (d.publicDocumentId ? [d.publicDocumentId] : [])),
      ]),
    );
    const [byCategory, interpretations, messages, settings] = await Promise.all([
      publications.publishedByCategoryMany(agencyIds, year),
      publications.interpretationFactsMany(agencyIds, year, pagesOf),
      messageRepository(db).countYearMany(agencyIds, year),
      disclosureSettingsRepository(db).findMany(agencyIds),
    ]);
    const out = new Map<string, ProactiveActivity>();
    for (const agencyId of agencyIds) {
      const issued = issuedOf.get(agencyId) ?? [];
      const within = settings.get(agencyId)!.settings.interpretationWithinDays;
      const interpreted = interpretations.get(agencyId)!;
      // The calendar counts working days from each document issued: read only where some were.
      const rate =
        issued.length === 0
          ? { documents: 0, interpreted: 0 }
          : interpretationRate(
              issued.map((d) => ({
                id: d.id,
                issuedOn: d.issuedOn,
                interpretationsPublishedOn: d.publicDocumentId
                  ? (interpreted.datesOf.get(d.publicDocumentId) ?? [])
                  : [],
              })),
              year,
              await calendarFor(agencyId),
              within,
            );
      const received = messages.get(agencyId)!;
      out.set(agencyId, {
        publications: byCategory.get(agencyId)!,
        interpretations: {
          published: interpreted.published,
          documents: rate.documents,
          interpreted: rate.interpreted,
          withinWorkingDays: within,
        },
        messages: {
          received: received.received,
          answered: received.answered,
          answeredOnTime: received.answeredOnTime,
        },
      });
    }
    return out;
  };

  return {
    tallyRequests: (agencyId, year) => requests.tally(agencyId, year),
    tallyProceedings: (agencyId, year, counting) => proceedings.tally(agencyId, year, counting),
    tallyDocuments: (agencyId, year) => documents.tally(agencyId, year),
    figures: (agencyId, year) => figures.find(agencyId, year),
    proactiveActivity: (agencyId, year) => ofOne(agencyId, (ids) => proactiveActivityMany(ids, year)),
    processingFees: (agencyId, year) => feeTally(db, agencyId, year),
    workActivity: (agencyId, year) => workRecordRepository(db).activity(agencyId, year),
    factsOfMany: async (agencyIds, year, counting, known) => {
      const [requestTallies, proceedingTallies, documentTallies, figuresOf, proactive, fees, work] =
        await Promise.all([
          known?.requests ?? requests.tallyMany(agencyIds, year),
          proceedings.tallyMany(agencyIds, year, counting),
          documents.tallyMany(agencyIds, year),
          figures.findMany(agencyIds, year),
          proactiveActivityMany(agencyIds, year),
          feeTallyMany(db, agencyIds, year),
          workRecordRepository(db).activityMany(agencyIds, year),
        ]);
      return new Map(
        agencyIds.map((id) => [
          id,
          assembleFacts({
            requests: requestTallies.get(id)!,
            proceedings: proceedingTallies.get(id)!,
            documents: documentTallies.get(id)!,
            figures: figuresOf.get(id),
            proactive: proactive.get(id),
            fees: fees.get(id),
            work: work.get(id),
          }),
        ]),
      );
    },
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
