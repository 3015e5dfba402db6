/**
 * Filing a whole tree for a year — an agency and every agency below it — level by level, leaves first,
 * as sets: the filings of the year and the year before read in one statement each, every open agency's
 * facts read together (statements grouped by agency), then each level decided in memory with the same
 * steps as filing one agency (records-filing.ts) and stored in one transaction with its audit entries.
 * An agency already filed is left as it is and summed by its parent; one that cannot be filed (a rule
 * failing, a warning unexplained) is named with its reason, and so are the parents it holds back.
 * Part of the filing service (filing-service.ts), which spreads it into its own operations.
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import type { AnnualReport } from '../../annual-report/index.ts';
import type { Agency } from '../../agencies/index.ts';
import { FilingConflictError, type FiledReport, type ReplyIndicators } from '../db/supervision-repository.ts';
import type { FilingDependencies, SupervisionRefusal } from './filing-service.ts';
import {
  answeredCorrection,
  composePreparation,
  draftFromRecords,
  filedEntry,
  numbered,
  previousCellsOf,
  sumIndicators,
} from './records-filing.ts';

export interface TreeFiling {
  /** The versions filed now, leaves first. */
  readonly filed: readonly FiledReport[];
  /** Agencies whose report of the year was already filed (and summed as filed). */
  readonly alreadyFiled: ReadonlyArray<{ readonly agencyId: string; readonly version: number }>;
  /** Agencies that could not be filed, with the reason, leaves first. */
  readonly refused: ReadonlyArray<{ readonly agency: Agency; readonly refusal: SupervisionRefusal }>;
}

type PreviousCells = Pick<AnnualReport, 'format' | 'cells'>;

/** The tree below an agency by depth: the agency, its children, their children… (each in name order). */
function levelsBelow(
  root: Agency,
  all: readonly Agency[],
): { levels: Agency[][]; childrenOf: Map<string, Agency[]> } {
  const childrenOf = new Map<string, Agency[]>();
  for (const agency of all)
    if (agency.parentId)
      childrenOf.set(agency.parentId, [...(childrenOf.get(agency.parentId) ?? []), agency]);
  const levels: Agency[][] = [[root]];
  const seen = new Set([root.id]);
  for (;;) {
    const next = levels
      .at(-1)!
      .flatMap((a) => childrenOf.get(a.id) ?? [])
      .filter((a) => !seen.has(a.id));
    if (next.length === 0) break;
    for (const a of next) seen.add(a.id);
    levels.push(next);
  }
  return { levels, childrenOf };
}

export function fileBelow(
  deps: FilingDependencies,
  shared: {
    agencyOr(agencyId: string): Promise<Result<Agency, SupervisionRefusal>>;
    checkYear(year: number): SupervisionRefusal | undefined;
  },
) {
  const { store } = deps;

  const buildOwnReports =
    deps.buildOwnReports ??
    (async (agencies: readonly Agency[], year: number, previous: ReadonlyMap<string, PreviousCells>) =>
      new Map(
        await Promise.all(
          agencies.map(async (a) => [a.id, await deps.buildOwnReport(a, year, previous.get(a.id))] as const),
        ),
      ));

  const replyCountsMany =
    deps.replyCountsMany ??
    (async (agencyIds: readonly string[], year: number) =>
      new Map<string, ReplyIndicators | undefined>(
        await Promise.all(agencyIds.map(async (id) => [id, await deps.replyCounts?.(id, year)] as const)),
      ));

  /** One at a time where the dependencies cannot store a level together. */
  const fileTogether =
    deps.fileTogether ??
    (async (filings: ReadonlyArray<{ filed: FiledReport; correctionId?: string }>) => {
      const taken: string[] = [];
      for (const { filed, correctionId } of filings) {
        try {
          await store.file(filed, correctionId);
        } catch (error) {
          if (!(error instanceof FilingConflictError)) throw error;
          taken.push(filed.agencyId);
          continue;
        }
        await deps.audit(filedEntry(filed, correctionId));
      }
      return taken;
    });

  return {
    /** Files the agency's report and every report below it not yet filed, leaves first. */
    async fileWithBelow(
      agencyId: string,
      year: number,
      actor: string,
      /** Per agency, the explanations of its warnings. */
      explanations: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
    ): Promise<Result<TreeFiling, SupervisionRefusal>> {
      const badYear = shared.checkYear(year);
      if (badYear) return err(badYear);
      const found = await shared.agencyOr(agencyId);
      if (!found.ok) return found;
      const { levels, childrenOf } = levelsBelow(found.value, await deps.agencies.list());
      const ids = levels.flat().map((a) => a.id);
      const [latestNow, latestBefore] = await Promise.all([
        store.latestMany(ids, year),
        store.latestMany(ids, year - 1),
      ]);
      const open = levels.flat().filter((a) => latestNow.get(a.id)?.status !== 'filed');
      const previous = new Map(
        open.flatMap((a) => {
          const cells = previousCellsOf(latestBefore.get(a.id));
          return cells ? [[a.id, cells] as const] : [];
        }),
      );
      const openIds = open.map((a) => a.id);
      const [own, replies] = await Promise.all([
        buildOwnReports(open, year, previous),
        replyCountsMany(openIds, year),
      ]);

      const current = new Map(latestNow);
      const filed: FiledReport[] = [];
      const alreadyFiled: Array<{ agencyId: string; version: number }> = [];
      const refused: Array<{ agency: Agency; refusal: SupervisionRefusal }> = [];
      for (const level of [...levels].reverse()) {
        const batch: Array<{ agency: Agency; filed: FiledReport; correctionId?: string }> = [];
        for (const agency of level) {
          const latest = current.get(agency.id);
          if (latest?.status === 'filed') {
            alreadyFiled.push({ agencyId: agency.id, version: latest.version });
            continue;
          }
          const before = latestBefore.get(agency.id);
          const prepared = composePreparation({
            agency,
            own: own.get(agency.id)!,
            ...(before ? { previous: before } : {}),
            ...(latest ? { latest } : {}),
            children: (childrenOf.get(agency.id) ?? []).map((child) => {
              const filing = current.get(child.id);
              return { agency: child, ...(filing ? { latest: filing } : {}) };
            }),
          });
          const draft = draftFromRecords(prepared, explanations[agency.id] ?? {}, {});
          if (!draft.ok) {
            refused.push({ agency, refusal: draft.error });
            continue;
          }
          const indicators = sumIndicators(
            replies.get(agency.id),
            draft.value.children.map((c) => current.get(c.agencyId)?.indicators),
          );
          const correction =
            latest?.status === 'reopened'
              ? answeredCorrection(latest, await store.corrections(agency.id, year))
              : undefined;
          batch.push({
            agency,
            filed: numbered(
              { ...draft.value, ...(indicators ? { indicators } : {}) },
              { agencyId: agency.id, year, latest, actor, now: deps.now(), today: deps.today() },
            ),
            ...(correction ? { correctionId: correction.id } : {}),
          });
        }
        const taken = new Set(await fileTogether(batch));
        for (const { agency, filed: version } of batch) {
          if (!taken.has(agency.id)) {
            current.set(agency.id, version);
            filed.push(version);
            continue;
          }
          // Another filing took the number meanwhile: its parent sums what is stored.
          refused.push({ agency, refusal: { code: 'concurrent-filing' } });
          const stored = await store.latest(agency.id, year);
          if (stored) current.set(agency.id, stored);
        }
      }
      return ok({ filed, alreadyFiled, refused });
    },
  };
}
