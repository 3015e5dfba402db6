/** Each agency's disclosure settings, stored as one JSON document per agency; defaults until first saved. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { DEFAULT_DISCLOSURE_SETTINGS, type DisclosureSettings } from '../domain/disclosure-settings.ts';

export interface StoredSettings {
  readonly settings: DisclosureSettings;
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

export function disclosureSettingsRepository(db: Kysely<Database>) {
  return {
    async find(agencyId: string): Promise<StoredSettings> {
      const row = await db
        .selectFrom('disclosure_settings')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      if (!row) return { settings: DEFAULT_DISCLOSURE_SETTINGS };
      return {
        settings: { ...DEFAULT_DISCLOSURE_SETTINGS, ...(JSON.parse(row.settings) as DisclosureSettings) },
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      };
    },

    async save(agencyId: string, settings: DisclosureSettings, actor: string, at: string): Promise<void> {
      const values = {
        agency_id: agencyId,
        settings: JSON.stringify(settings),
        updated_by: actor,
        updated_at: at,
      };
      await db
        .insertInto('disclosure_settings')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('agency_id')
            .doUpdateSet({ settings: values.settings, updated_by: actor, updated_at: at }),
        )
        .execute();
    },
  };
}

export type DisclosureSettingsRepository = ReturnType<typeof disclosureSettingsRepository>;
