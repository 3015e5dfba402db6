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
import { previousYearCells, type AnnualReport, type KnownFacts } from '../../annual-report/index.ts';
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
  tablesOf,
} from './records-filing.ts';

export interface TreeFiling {
  /** The versions filed now, in the order filed (what was filed is in the store). */
  readonly filed: ReadonlyArray<Pick<FiledReport, 'agencyId' | 'version' | 'origin'>>;
  /** Agencies whose report of the year was already filed (and summed as filed). */
  readonly alreadyFiled: ReadonlyArray<{ readonly agencyId: string; readonly version: number }>;
  /** Agencies that could not be filed, with the reason, leaves first. */
  readonly refused: ReadonlyArray<{ readonly agency: Agency; readonly refusal: SupervisionRefusal }>;
}

type PreviousCells = Pick<AnnualReport, 'format' | 'cells'>;

/** Leaves read, decided and stored together: bounds what is held in memory at once. */
const LEAVES_PER_PART = 500;

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
    (async (
      agencies: readonly Agency[],
      year: number,
      previous: ReadonlyMap<string, PreviousCells>,
      _known?: KnownFacts,
    ) =>
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
      // Of each filed version, the tables only: what a parent and the next year read.
      const current = await store.latestTablesMany(ids, year);
      const open = levels.flat().filter((a) => current.get(a.id)?.status !== 'filed');
      // What table 三 counts, for every open agency of the tree in one read (a province: one scan), under
      // way while the rest is read.
      const tallying = deps.requestTalliesMany?.(
        open.map((a) => a.id),
        year,
      );
      tallying?.catch(() => undefined); // awaited below; a failure is thrown there, not left unhandled
      const [latestBefore, reopened] = await Promise.all([
        // Of last year's versions only the cells the rules compare with (R6's 结转, R7's 现行有效).
        store.latestTablesMany(ids, year - 1, previousYearCells()),
        // An open agency with a version of the year (re-opened by a correction) re-files from it: read whole.
        store.latestMany(
          open.filter((a) => current.has(a.id)).map((a) => a.id),
          year,
        ),
      ]);
      const previous = new Map(
        open.flatMap((a) => {
          const cells = previousCellsOf(latestBefore.get(a.id));
          return cells ? [[a.id, cells] as const] : [];
        }),
      );
      const filed: Array<Pick<FiledReport, 'agencyId' | 'version' | 'origin'>> = [];
      const alreadyFiled: Array<{ agencyId: string; version: number }> = [];
      const refused: Array<{ agency: Agency; refusal: SupervisionRefusal }> = [];

      /** Decides each agency of a group (its children decided before) and stores the group together. */
      const fileGroup = async (
        group: readonly Agency[],
        own: ReadonlyMap<string, AnnualReport>,
        replies: ReadonlyMap<string, ReplyIndicators | undefined>,
      ) => {
        const batch: Array<{ agency: Agency; filed: FiledReport; correctionId?: string }> = [];
        for (const agency of group) {
          const tables = current.get(agency.id);
          if (tables?.status === 'filed') {
            alreadyFiled.push({ agencyId: agency.id, version: tables.version });
            continue;
          }
          const latest = reopened.get(agency.id);
          const before = latestBefore.get(agency.id);
          const prepared = composePreparation({
            agency,
            own: own.get(agency.id)!,
            ...(before ? { previousTables: before } : {}),
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
            // What a parent reads of it; the rest of the report is in the store.
            current.set(agency.id, tablesOf(version));
            filed.push({ agencyId: version.agencyId, version: version.version, origin: version.origin });
            continue;
          }
          // Another filing took the number meanwhile: its parent sums what is stored.
          refused.push({ agency, refusal: { code: 'concurrent-filing' } });
          const stored = await store.latest(agency.id, year);
          if (stored) current.set(agency.id, tablesOf(stored));
        }
      };
      const known: KnownFacts | undefined = tallying && { requests: await tallying };
      const readFor = async (group: readonly Agency[]) => {
        const [own, replies] = await Promise.all([
          buildOwnReports(group, year, previous, known),
          replyCountsMany(
            group.map((a) => a.id),
            year,
          ),
        ]);
        return { own, replies };
      };

      // The agencies with none below them depend on nothing: read, decided and stored part by part, so
      // that a province's thousands of reports are never all in memory. Then the agencies above them,
      // level by level, deepest first, each once its children are decided.
      const isOpen = new Set(open.map((a) => a.id));
      const isLeaf = (a: Agency) => !childrenOf.get(a.id)?.length;
      const deepestFirst = [...levels].reverse();
      const leaves = deepestFirst.flat().filter(isLeaf);
      // The next part's facts are read while this part is decided and stored: the database works on
      // them while this process builds (leaves depend on nothing filed meanwhile).
      const perPart = deps.leavesPerPart ?? LEAVES_PER_PART;
      const partOf = (i: number) => leaves.slice(i, i + perPart);
      const readPart = (i: number) => {
        const reading = readFor(partOf(i).filter((a) => isOpen.has(a.id)));
        reading.catch(() => undefined); // awaited below; a failure is thrown there, not left unhandled
        return reading;
      };
      let reading = leaves.length > 0 ? readPart(0) : undefined;
      for (let i = 0; i < leaves.length; i += perPart) {
        const { own, replies } = await reading!;
        reading = i + perPart < leaves.length ? readPart(i + perPart) : undefined;
        await fileGroup(partOf(i), own, replies);
      }
      const above = deepestFirst.map((level) => level.filter((a) => !isLeaf(a)));
      const { own, replies } = await readFor(above.flat().filter((a) => isOpen.has(a.id)));
      for (const level of above) await fileGroup(level, own, replies);
      return ok({ filed, alreadyFiled, refused });
    },
  };
}
