/**
 * The demo's reporting season: 示范市人民政府 over the demo agency and two more departments, with the
 * season for last year open. The water bureau filed its published report on time; the transport bureau
 * has not; the demo agency is left for the newcomer to file from its records in the console.
 */
import { readFileSync } from 'node:fs';
import { inProject } from '../platform/project-root.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { yearOf, type IsoDate } from '../shared/domain/iso-date.ts';
import { agencyRepository, staffRepository } from '../features/agencies/index.ts';
import { readReportText } from '../features/report-import/domain/read-report-text.ts';
import { databaseFiling } from './database-filing.ts';

export const DEMO_CITY = { id: 'demo-city', name: '示范市人民政府', level: 'city' } as const;
const DEPARTMENTS = [
  { id: 'demo-water', name: '示范市水务局', parentId: DEMO_CITY.id },
  { id: 'demo-transport', name: '示范市交通运输局', parentId: DEMO_CITY.id },
] as const;

/** Creates the city and its departments (before the demo agency, which is one of them). */
export async function seedDemoCity(db: Kysely<Database>, now: string): Promise<void> {
  const agencies = agencyRepository(db);
  await agencies.create(DEMO_CITY, now);
  for (const department of DEPARTMENTS) await agencies.create(department, now);
}

/** The season for last year, the water bureau's filing, and the `office` account of the city. */
export async function seedDemoSeason(
  db: Kysely<Database>,
  now: string,
  today: IsoDate,
  password: string,
): Promise<void> {
  await staffRepository(db).create(
    {
      agencyId: DEMO_CITY.id,
      username: 'office',
      displayName: '钱主管',
      roles: ['admin', 'supervisor', 'approver'],
      password,
    },
    now,
  );
  const year = yearOf(today) - 1;
  const filing = databaseFiling(db, { today: () => today, now: () => now });
  // The water bureau filed on time: on 20 January, or today when the demo starts before then.
  const filedOn = (`${year + 1}-01-20` < today ? `${year + 1}-01-20` : today) as IsoDate;
  const filedAt = filedOn === today ? now : `${filedOn}T02:00:00.000Z`;
  const onTime = databaseFiling(db, { today: () => filedOn, now: () => filedAt });
  const opened = await filing.openSeason(DEMO_CITY.id, year, {}, 'office');
  if (!opened.ok) throw new Error(`the demo season does not open: ${opened.error.code}`);
  // The water bureau keeps no records here: it files a published report (the 中卫 sample, dated to the year).
  const sample = readFileSync(
    inProject('test-support', 'fixtures', 'reports', 'zhongwei-civil-affairs-2021.txt'),
    'utf8',
  )
    .replaceAll('中卫市民政局', '示范市水务局')
    .replaceAll('中卫', '示范')
    .replaceAll('民政', '水务')
    // The sample's text came through a converter that left an English word in a Chinese sentence.
    .replaceAll('规范 and 细化', '规范和细化')
    .replaceAll('2021', String(year));
  const reading = readReportText(sample);
  const filed = await onTime.fileFromImport(
    'demo-water',
    year,
    reading,
    '示范市水务局年度报告.txt',
    {},
    'office',
  );
  if (!filed.ok) throw new Error(`the demo filing does not file: ${filed.error.code}`);
}
