/** A city bureau under its government, with the office contact its letters carry: ready to issue letters. */
import { signedInApp, type SignedInApp } from './signed-in-app.ts';
import type { AppOptions } from '../src/main/app.ts';
import { disclosureSettingsService } from '../src/features/proactive-disclosure/use-cases/disclosure-settings-service.ts';
import { DEFAULT_DISCLOSURE_SETTINGS } from '../src/features/proactive-disclosure/domain/disclosure-settings.ts';

export async function letterReadyAgency(appOptions?: Omit<AppOptions, 'clock'>): Promise<SignedInApp> {
  const context = await signedInApp({
    agencies: [
      { id: 'gov', name: '某市人民政府', level: 'city' },
      { id: 'city', name: '某市教育局', parentId: 'gov' },
    ],
    accounts: [['officer', 'city', 'officer']],
    today: '2025-03-03',
    ...(appOptions ? { appOptions } : {}),
  });
  await disclosureSettingsService(context.handle.db, () => '2025-03-03T08:00:00Z').update(
    'city',
    {
      ...DEFAULT_DISCLOSURE_SETTINGS,
      contact: { office: '某市教育局办公室', address: '人民路1号', hours: '工作日', phone: '0000-1234567' },
    },
    'test',
  );
  return context;
}
