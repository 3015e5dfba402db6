/** The normative-document register in the database, tallied for table 二 in one query. */
import { byAgency, ofOne, perAgencies } from '../../../platform/db/by-agency.ts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, NormativeDocumentTable } from '../../../platform/db/schema.ts';
import { chunk, yearBounds } from '../../../platform/db/report-period.ts';
import type { CellSelector, DocumentTally, NormativeDocumentKind } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { NormativeDocument, NormativeDocumentAmendment } from '../domain/normative-document.ts';

type NormativeDocumentRow = Selectable<NormativeDocumentTable>;

function toRow(agencyId: string, d: NormativeDocument, importId: string | null): NormativeDocumentRow {
  return {
    agency_id: agencyId,
    id: d.id,
    kind: d.kind,
    title: d.title,
    document_number: d.documentNumber ?? null,
    issued_on: d.issuedOn,
    repealed_on: d.repealedOn ?? null,
    ledger_import_id: importId,
    lapsed_on: d.lapsedOn ?? null,
    amendments: JSON.stringify(d.amendments ?? []),
    public_document_id: d.publicDocumentId ?? null,
  };
}

function toDomain(row: NormativeDocumentRow): NormativeDocument {
  const amendments = JSON.parse(row.amendments) as NormativeDocumentAmendment[];
  return {
    id: row.id,
    kind: row.kind as NormativeDocumentKind,
    title: row.title,
    issuedOn: row.issued_on as IsoDate,
    ...(row.document_number ? { documentNumber: row.document_number } : {}),
    ...(row.repealed_on ? { repealedOn: row.repealed_on as IsoDate } : {}),
    ...(row.lapsed_on ? { lapsedOn: row.lapsed_on as IsoDate } : {}),
    ...(amendments.length ? { amendments } : {}),
    ...(row.public_document_id ? { publicDocumentId: row.public_document_id } : {}),
  };
}

export function normativeDocumentRepository(db: Kysely<Database>) {
  /** Each agency's tally, one grouped statement per AGENCIES_PER_STATEMENT agencies. */
  const tallyMany = (agencyIds: readonly string[], year: number): Promise<Map<string, DocumentTally[]>> =>
    perAgencies(agencyIds, async (ids) => {
      const { start, end } = yearBounds(year);
      const rows = await db
        .selectFrom('normative_documents')
        .select([
          'agency_id',
          'kind',
          sql<number>`sum(case when issued_on >= ${start} and issued_on <= ${end} then 1 else 0 end)`.as(
            'made',
          ),
          sql<number>`sum(case when repealed_on >= ${start} and repealed_on <= ${end} then 1 else 0 end)`.as(
            'repealed',
          ),
          sql<number>`sum(case when issued_on <= ${end} and (repealed_on is null or repealed_on > ${end}) and (lapsed_on is null or lapsed_on > ${end}) then 1 else 0 end)`.as(
            'in_force',
          ),
        ])
        .where('agency_id', 'in', ids)
        .groupBy(['agency_id', 'kind'])
        .execute();
      return new Map(
        [...byAgency(ids, rows)].map(([id, of]) => [
          id,
          (['regulation', 'normative_doc'] as const).map((kind) => {
            const row = of.find((r) => r.kind === kind);
            return {
              kind,
              made: Number(row?.made ?? 0),
              repealed: Number(row?.repealed ?? 0),
              inForce: Number(row?.in_force ?? 0),
            };
          }),
        ]),
      );
    });
  return {
    async save(
      agencyId: string,
      documents: readonly NormativeDocument[],
      importId: string | null = null,
    ): Promise<void> {
      for (const rows of chunk(documents.map((d) => toRow(agencyId, d, importId)))) {
        await db
          .insertInto('normative_documents')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['agency_id', 'id']).doUpdateSet((eb) => ({
              kind: eb.ref('excluded.kind'),
              title: eb.ref('excluded.title'),
              document_number: eb.ref('excluded.document_number'),
              issued_on: eb.ref('excluded.issued_on'),
              repealed_on: eb.ref('excluded.repealed_on'),
              ledger_import_id: eb.ref('excluded.ledger_import_id'),
            })),
          )
          .execute();
      }
    },

    async list(agencyId: string): Promise<NormativeDocument[]> {
      const rows = await db
        .selectFrom('normative_documents')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('id')
        .execute();
      return rows.map(toDomain);
    },

    async tally(agencyId: string, year: number): Promise<DocumentTally[]> {
      return ofOne(agencyId, (ids) => tallyMany(ids, year));
    },

    tallyMany,

    /** The documents each agency issued in the year (section 一's interpretation rate), by id. */
    issuedInYearMany: (
      agencyIds: readonly string[],
      year: number,
    ): Promise<Map<string, NormativeDocument[]>> =>
      perAgencies(agencyIds, async (ids) => {
        const { start, end } = yearBounds(year);
        const rows = await db
          .selectFrom('normative_documents')
          .selectAll()
          .where('agency_id', 'in', ids)
          .where('issued_on', '>=', start)
          .where('issued_on', '<=', end)
          .orderBy('agency_id')
          .orderBy('id')
          .execute();
        return new Map([...byAgency(ids, rows)].map(([id, of]) => [id, of.map(toDomain)]));
      }),

    async idsBehind(
      agencyId: string,
      selector: Extract<CellSelector, { source: 'documents' }>,
      year: number,
    ): Promise<string[]> {
      const { start, end } = yearBounds(year);
      let query = db
        .selectFrom('normative_documents')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('kind', '=', selector.kind);
      if (selector.measure === 'made')
        query = query.where('issued_on', '>=', start).where('issued_on', '<=', end);
      else if (selector.measure === 'repealed')
        query = query.where('repealed_on', '>=', start).where('repealed_on', '<=', end);
      else
        query = query
          .where('issued_on', '<=', end)
          .where((eb) => eb.or([eb('repealed_on', 'is', null), eb('repealed_on', '>', end)]))
          .where((eb) => eb.or([eb('lapsed_on', 'is', null), eb('lapsed_on', '>', end)]));
      return (await query.orderBy('id').execute()).map((r) => r.id);
    },

    async find(agencyId: string, id: string): Promise<NormativeDocument | undefined> {
      const row = await db
        .selectFrom('normative_documents')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toDomain(row) : undefined;
    },

    /** Registers one document; false when the id is taken. */
    async register(agencyId: string, document: NormativeDocument): Promise<boolean> {
      const result = await db
        .insertInto('normative_documents')
        .values(toRow(agencyId, document, null))
        .onConflict((oc) => oc.columns(['agency_id', 'id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    /** Records a lifecycle change decided on `before`; false when someone changed it meanwhile. */
    async update(agencyId: string, before: NormativeDocument, after: NormativeDocument): Promise<boolean> {
      const {
        agency_id: _agency,
        id: _id,
        ledger_import_id: _import,
        ...changes
      } = toRow(agencyId, after, null);
      const result = await db
        .updateTable('normative_documents')
        .set(changes)
        .where('agency_id', '=', agencyId)
        .where('id', '=', before.id)
        .where('amendments', '=', JSON.stringify(before.amendments ?? []))
        .where((eb) =>
          before.repealedOn ? eb('repealed_on', '=', before.repealedOn) : eb('repealed_on', 'is', null),
        )
        .where((eb) =>
          before.lapsedOn ? eb('lapsed_on', '=', before.lapsedOn) : eb('lapsed_on', 'is', null),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type NormativeDocumentRepository = ReturnType<typeof normativeDocumentRepository>;
