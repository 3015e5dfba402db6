/** Reading and changing an agency's disclosure settings; every change is in the audit log. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import { ok, type Result } from '../../../shared/domain/result.ts';
import {
  decideSettings,
  type DisclosureSettings,
  type SettingsRefusal,
} from '../domain/disclosure-settings.ts';
import { disclosureSettingsRepository, type StoredSettings } from '../db/disclosure-settings-repository.ts';
import { documentRepository } from '../db/document-repository.ts';

export function disclosureSettingsService(db: Kysely<Database>, now: () => string) {
  const settings = disclosureSettingsRepository(db);
  const documents = documentRepository(db);
  return {
    find: (agencyId: string): Promise<StoredSettings> => settings.find(agencyId),
    settingsFor: async (agencyId: string): Promise<DisclosureSettings> =>
      (await settings.find(agencyId)).settings,

    async update(
      agencyId: string,
      next: DisclosureSettings,
      actor: string,
    ): Promise<Result<StoredSettings, SettingsRefusal>> {
      const decided = decideSettings(next, await documents.countByCategory(agencyId));
      if (!decided.ok) return decided;
      const at = now();
      await db.transaction().execute(async (tx) => {
        await disclosureSettingsRepository(tx).save(agencyId, decided.value, actor, at);
        await appendAudit(tx, {
          at,
          actor,
          action: 'disclosure-settings-changed',
          agencyId,
          subject: agencyId,
          detail: { settings: decided.value },
        });
      });
      return ok({ settings: decided.value, updatedBy: actor, updatedAt: at });
    },
  };
}

export type DisclosureSettingsService = ReturnType<typeof disclosureSettingsService>;
