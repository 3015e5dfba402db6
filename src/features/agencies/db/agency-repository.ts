import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { isAgencyLevel, type Agency } from '../domain/agency.ts';

export function agencyRepository(db: Kysely<Database>) {
  const toAgency = (row: {
    id: string;
    name: string;
    parent_id: string | null;
    jurisdiction: string;
    level: string;
  }): Agency => ({
    id: row.id,
    name: row.name,
    ...(row.parent_id ? { parentId: row.parent_id } : {}),
    jurisdiction: row.jurisdiction,
    level: isAgencyLevel(row.level) ? row.level : 'department',
  });
  const COLUMNS = ['id', 'name', 'parent_id', 'jurisdiction', 'level'] as const;
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
          level: agency.level ?? 'department',
        })
        .execute();
    },
    /** Changes what an administrator may change of an agency: its name, level and jurisdiction. */
    async update(id: string, changes: Pick<Agency, 'name' | 'level' | 'jurisdiction'>): Promise<void> {
      await db
        .updateTable('agencies')
        .set({
          name: changes.name,
          level: changes.level ?? 'department',
          jurisdiction: changes.jurisdiction ?? 'CN',
        })
        .where('id', '=', id)
        .execute();
    },
    async find(id: string): Promise<Agency | undefined> {
      const row = await db.selectFrom('agencies').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toAgency(row) : undefined;
    },
    async findByName(name: string): Promise<Agency[]> {
      const rows = await db
        .selectFrom('agencies')
        .select(COLUMNS)
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
    /** The agencies directly below `id`, by name. */
    async children(id: string): Promise<Agency[]> {
      const rows = await db
        .selectFrom('agencies')
        .select(COLUMNS)
        .where('parent_id', '=', id)
        .orderBy('name')
        .execute();
      return rows.map(toAgency);
    },
    async list(): Promise<Agency[]> {
      const rows = await db.selectFrom('agencies').select(COLUMNS).orderBy('name').execute();
      return rows.map(toAgency);
    },
  };
}

export type AgencyRepository = ReturnType<typeof agencyRepository>;
