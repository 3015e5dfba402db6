/** Composes each feature's repository into the annual report's fact source over one database. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { ReportFactSource } from '../features/annual-report/index.ts';
import { requestRepository } from '../features/requests/db/request-repository.ts';
import { proceedingRepository } from '../features/reviews/db/proceeding-repository.ts';
import { normativeDocumentRepository } from '../features/proactive-disclosure/db/normative-document-repository.ts';
import { figuresRepository } from '../features/proactive-disclosure/db/figures-repository.ts';
import { documentRepository } from '../features/proactive-disclosure/db/document-repository.ts';

export function databaseFactSource(db: Kysely<Database>): ReportFactSource {
  const requests = requestRepository(db);
  const proceedings = proceedingRepository(db);
  const documents = normativeDocumentRepository(db);
  const figures = figuresRepository(db);
  const publications = documentRepository(db);
  return {
    tallyRequests: (agencyId, year) => requests.tally(agencyId, year),
    tallyProceedings: (agencyId, year, counting) => proceedings.tally(agencyId, year, counting),
    tallyDocuments: (agencyId, year) => documents.tally(agencyId, year),
    figures: (agencyId, year) => figures.find(agencyId, year),
    tallyPublications: (agencyId, year) => publications.publishedByCategory(agencyId, year),
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
