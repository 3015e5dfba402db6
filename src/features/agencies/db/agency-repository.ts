import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Agency } from '../domain/agency.ts';

export function agencyRepository(db: Kysely<Database>) {
  const toAgency = (row: {
    id: string;
    name: string;
    parent_id: string | null;
    jurisdiction: string;
  }): Agency => ({
    id: row.id,
    name: row.name,
    ...(row.parent_id ? { parentId: row.parent_id } : {}),
    jurisdiction: row.jurisdiction,
  });
  return {
    async create(agency: Agency, createdAt: string): Promise<void> {
      await db
        .insertInto('agencies')
        .values({
          id: agency.id,
          name: agency.name,
          parent_id: agency.parentId ?? null,
          created_at: createdAt,
          jurisdiction: agency.jurisdiction ?? 'CN',
        })
        .execute();
    },
    async find(id: string): Promise<Agency | undefined> {
      const row = await db
        .selectFrom('agencies')
        .select(['id', 'name', 'parent_id', 'jurisdiction'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toAgency(row) : undefined;
    },
    async findByName(name: string): Promise<Agency[]> {
      const rows = await db
        .selectFrom('agencies')
        .select(['id', 'name', 'parent_id', 'jurisdiction'])
        .where('name', '=', name)
        .orderBy('id')
        .execute();
      return rows.map(toAgency);
    },
    /** The agencies above `id`, nearest first. */
    async ancestors(id: string): Promise<string[]> {
      const chain: string[] = [];
      let current = await this.find(id);
      while (current?.parentId && !chain.includes(current.parentId) && chain.length < 20) {
        chain.push(current.parentId);
        current = await this.find(current.parentId);
      }
      return chain;
    },
    async list(): Promise<Agency[]> {
      const rows = await db
        .selectFrom('agencies')
        .select(['id', 'name', 'parent_id', 'jurisdiction'])
        .orderBy('name')
        .execute();
      return rows.map(toAgency);
    },
  };
}

export type AgencyRepository = ReturnType<typeof agencyRepository>;
