/** The append-only audit log: who did what to which record, when. Entries are only ever inserted. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly agencyId?: string;
  readonly subject: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      agency_id: entry.agencyId ?? null,
      subject: entry.subject,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, agencyId?: string): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq');
  if (agencyId) query = query.where('agency_id', '=', agencyId);
  const rows = await query.execute();
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    action: r.action,
    ...(r.agency_id ? { agencyId: r.agency_id } : {}),
    subject: r.subject,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
