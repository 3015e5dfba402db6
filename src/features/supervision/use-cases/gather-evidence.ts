/** The evaluator evidence of an agency-year, gathered from the records each feature keeps. */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { Agency } from '../../agencies/index.ts';
import type { InterpretationFacts, MessageFacts } from '../../annual-report/index.ts';
import type { ReplyTimeliness } from '../../requests/index.ts';
import type { SupervisionRepository } from '../db/supervision-repository.ts';
import type { EvaluatorEvidence } from '../domain/evaluator-evidence.ts';
import { deadlineFor, legalDeadline } from '../domain/reporting-season.ts';

export interface EvidenceSources {
  readonly findAgency: (id: string) => Promise<Agency | undefined>;
  /** The agencies above, nearest first. */
  readonly ancestors: (id: string) => Promise<readonly string[]>;
  readonly replies: (agencyId: string, year: number) => Promise<readonly ReplyTimeliness[]>;
  readonly publication: (
    agencyId: string,
    year: number,
  ) => Promise<{ onTimeShare: number | undefined; publishedLate: number; overdue: number }>;
  readonly proactive: (
    agencyId: string,
    year: number,
  ) => Promise<{ interpretations: InterpretationFacts; messages: MessageFacts } | undefined>;
  readonly store: Pick<SupervisionRepository, 'versions' | 'season' | 'corrections'>;
  readonly today: () => IsoDate;
}

export async function gatherEvidence(
  sources: EvidenceSources,
  agencyId: string,
  year: number,
): Promise<EvaluatorEvidence | undefined> {
  const agency = await sources.findAgency(agencyId);
  if (!agency) return undefined;
  const [replies, publication, proactive, versions, corrections, ancestors] = await Promise.all([
    sources.replies(agencyId, year),
    sources.publication(agencyId, year),
    sources.proactive(agencyId, year),
    sources.store.versions(agencyId, year),
    sources.store.corrections(agencyId, year),
    sources.ancestors(agencyId),
  ]);
  // The season of the nearest supervising office that ran one for the year sets the deadline.
  let season;
  for (const id of ancestors) if ((season = await sources.store.season(id, year))) break;
  const level = agency.level ?? 'department';
  return {
    agency: { id: agency.id, name: agency.name },
    year,
    generatedOn: sources.today(),
    replies: { replied: replies.length, onTime: replies.filter((r) => r.onTime).length },
    publication,
    interpretation: {
      documents: proactive?.interpretations.documents ?? 0,
      interpreted: proactive?.interpretations.interpreted ?? 0,
      withinWorkingDays: proactive?.interpretations.withinWorkingDays ?? 0,
    },
    messages: proactive?.messages ?? { received: 0, answered: 0, answeredOnTime: 0 },
    report: {
      deadline: season ? deadlineFor(season, level) : legalDeadline(level, year),
      deadlineSource: season ? 'season' : 'law',
      ...(versions[0] ? { firstFiledOn: versions[0].filedOn, latestVersion: versions.at(-1)!.version } : {}),
      corrections: corrections.filter((c) => c.decision === 'approved').length,
    },
  };
}
