/** Each agency's disclosure settings, stored as one JSON document per agency; defaults until first saved. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { byAgency, ofOne, perAgencies } from '../../../platform/db/by-agency.ts';
import { DEFAULT_DISCLOSURE_SETTINGS, type DisclosureSettings } from '../domain/disclosure-settings.ts';

export interface StoredSettings {
  readonly settings: DisclosureSettings;
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

export function disclosureSettingsRepository(db: Kysely<Database>) {
  const findMany = (agencyIds: readonly string[]): Promise<Map<string, StoredSettings>> =>
    perAgencies(agencyIds, async (ids) => {
      const rows = await db
        .selectFrom('disclosure_settings')
        .selectAll()
        .where('agency_id', 'in', ids)
        .execute();
      return new Map(
        [...byAgency(ids, rows)].map(([id, [row]]): [string, StoredSettings] => [
          id,
          row
            ? {
                settings: {
                  ...DEFAULT_DISCLOSURE_SETTINGS,
                  ...(JSON.parse(row.settings) as DisclosureSettings),
                },
                updatedBy: row.updated_by,
                updatedAt: row.updated_at,
              }
            : { settings: DEFAULT_DISCLOSURE_SETTINGS },
        ]),
      );
    });
  return {
    async find(agencyId: string): Promise<StoredSettings> {
      return ofOne(agencyId, findMany);
    },

    /** Each agency's settings (the defaults where it saved none). */
    findMany,

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
