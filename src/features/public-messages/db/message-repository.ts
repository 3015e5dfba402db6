/** Public messages in the database; an answer is written only over an unanswered message. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, PublicMessageTable } from '../../../platform/db/schema.ts';
import { lastNumberInUse } from '../../../platform/db/last-number.ts';
import { byAgency, ofOne, perAgencies } from '../../../platform/db/by-agency.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { PublicMessage } from '../domain/public-message.ts';

function toDomain(row: Selectable<PublicMessageTable>): PublicMessage {
  return {
    id: row.id,
    subject: row.subject,
    body: row.body,
    authorName: row.author_name,
    authorContact: row.author_contact,
    receivedOn: row.received_on as IsoDate,
    dueOn: row.due_on as IsoDate,
    ...(row.answer ? { answer: row.answer } : {}),
    ...(row.answered_on ? { answeredOn: row.answered_on as IsoDate } : {}),
    ...(row.answered_by ? { answeredBy: row.answered_by } : {}),
    published: Number(row.published) === 1,
  };
}

export interface MessageCounts {
  readonly received: number;
  readonly answered: number;
  readonly answeredOnTime: number;
  readonly published: number;
}

export function messageRepository(db: Kysely<Database>) {
  /** Each agency's messages received in the year, answered, answered on time and published. */
  const countYearMany = (agencyIds: readonly string[], year: number): Promise<Map<string, MessageCounts>> =>
    perAgencies(agencyIds, async (ids) => {
      const rows = await db
        .selectFrom('public_messages')
        .select([
          'agency_id',
          sql<number>`count(*)`.as('received'),
          sql<number>`sum(case when answered_on is not null then 1 else 0 end)`.as('answered'),
          sql<number>`sum(case when answered_on is not null and answered_on <= due_on then 1 else 0 end)`.as(
            'on_time',
          ),
          sql<number>`sum(published)`.as('published'),
        ])
        .where('agency_id', 'in', ids)
        .where('received_on', '>=', `${year}-01-01`)
        .where('received_on', '<=', `${year}-12-31`)
        .groupBy('agency_id')
        .execute();
      return new Map(
        [...byAgency(ids, rows)].map(([id, [row]]) => [
          id,
          {
            received: Number(row?.received ?? 0),
            answered: Number(row?.answered ?? 0),
            answeredOnTime: Number(row?.on_time ?? 0),
            published: Number(row?.published ?? 0),
          },
        ]),
      );
    });
  return {
    /** Stores a new message; false when its id is already taken. */
    async create(agencyId: string, message: PublicMessage, queryCodeHash: string): Promise<boolean> {
      const result = await db
        .insertInto('public_messages')
        .values({
          agency_id: agencyId,
          id: message.id,
          subject: message.subject,
          body: message.body,
          author_name: message.authorName,
          author_contact: message.authorContact,
          received_on: message.receivedOn,
          due_on: message.dueOn,
          published: 0,
          query_code_hash: queryCodeHash,
        })
        .onConflict((oc) => oc.columns(['agency_id', 'id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    lastNumber: (agencyId: string, prefix: string) =>
      lastNumberInUse(db, 'public_messages', agencyId, prefix),

    async find(
      agencyId: string,
      id: string,
    ): Promise<{ message: PublicMessage; queryCodeHash: string } | undefined> {
      const row = await db
        .selectFrom('public_messages')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { message: toDomain(row), queryCodeHash: row.query_code_hash } : undefined;
    },

    /** Records the answer (or the publication choice); false when someone answered meanwhile. */
    async saveAnswer(agencyId: string, before: PublicMessage, after: PublicMessage): Promise<boolean> {
      let query = db
        .updateTable('public_messages')
        .set({
          answer: after.answer ?? null,
          answered_on: after.answeredOn ?? null,
          answered_by: after.answeredBy ?? null,
          published: after.published ? 1 : 0,
        })
        .where('agency_id', '=', agencyId)
        .where('id', '=', before.id);
      query = before.answeredOn
        ? query.where('answered_on', '=', before.answeredOn)
        : query.where('answered_on', 'is', null);
      return Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
    },

    /** Staff list: unanswered first by due date, then the answered, newest first. */
    async list(agencyId: string, limit = 500): Promise<PublicMessage[]> {
      const rows = await db
        .selectFrom('public_messages')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy(sql`case when answered_on is null then 0 else 1 end`)
        .orderBy(sql`case when answered_on is null then due_on end`)
        .orderBy('received_on', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDomain);
    },

    async published(agencyId: string, limit = 200): Promise<PublicMessage[]> {
      const rows = await db
        .selectFrom('public_messages')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('published', '=', 1)
        .where('answered_on', 'is not', null)
        .orderBy('answered_on', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDomain);
    },

    /** Messages received in the year, and how many of them were answered (on time), for section 一. */
    async countYear(agencyId: string, year: number): Promise<MessageCounts> {
      return ofOne(agencyId, (ids) => countYearMany(ids, year));
    },

    countYearMany,
  };
}

export type MessageRepository = ReturnType<typeof messageRepository>;
