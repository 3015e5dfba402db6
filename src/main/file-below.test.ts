/**
 * A tree filed level by level in sets (fileWithBelow) files what filing its agencies one by one, leaves
 * first, files: the same versions with the same tables, checks, text, lineage and indicators, the same
 * refusals and the same audit entries. Two identical trees are generated in one database — requests,
 * proceedings, normative documents and figures from a ledger, cases worked through the case system
 * (replies, fees), portal documents and interpretations, messages, work records, a report filed from a
 * published file — and one is filed each way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { testOnBothDatabases } from '../../test-support/databases.ts';
import type { Database } from '../platform/db/schema.ts';
import { agencyRepository } from '../features/agencies/index.ts';
import { importLedger } from '../features/ledger-import/index.ts';
import { figuresRepository } from '../features/proactive-disclosure/db/figures-repository.ts';
import { workRecordRepository } from '../features/work-records/db/work-record-repository.ts';
import { calendarRepository, loadWorkCalendar } from '../features/work-calendar/index.ts';
import { readReportText } from '../features/report-import/domain/read-report-text.ts';
import { listAudit } from '../platform/audit/audit-log.ts';
import { inProject } from '../platform/project-root.ts';
import type { IsoDate } from '../shared/domain/iso-date.ts';
import type { FiledReport } from '../features/supervision/db/supervision-repository.ts';
import { databaseLedgerStore } from './ledger-store.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoDisclosure } from './demo-disclosure.ts';
import { databaseFiling } from './database-filing.ts';

const YEAR = 2024;
const TODAY = '2025-02-10' as IsoDate;
const NOW = '2025-02-10T02:00:00.000Z';
const ledger = (name: string) =>
  fileURLToPath(new URL(`../../test-support/fixtures/ledger-2024/${name}`, import.meta.url));

/** A province over a city (with three departments) and two departments of its own; `t` prefixes the ids. */
const TREE = [
  { id: '', name: '某省人民政府', level: 'province' as const },
  { id: '-c', name: '某省某市人民政府', parent: '', level: 'city' as const },
  { id: '-d1', name: '某省甲厅', parent: '' },
  { id: '-d2', name: '某省乙厅', parent: '' },
  { id: '-c-d1', name: '某市甲局', parent: '-c' },
  { id: '-c-d2', name: '某市乙局', parent: '-c' },
  { id: '-c-w', name: '某市水务局', parent: '-c' },
];
const LEAVES_FIRST = ['-c-d1', '-c-d2', '-c-w', '-d1', '-d2', '-c', ''];

async function seedTree(db: Kysely<Database>, t: string): Promise<void> {
  const agencies = agencyRepository(db);
  for (const a of TREE)
    await agencies.create(
      {
        id: `${t}${a.id}`,
        name: a.name,
        ...(a.parent !== undefined ? { parentId: `${t}${a.parent}` } : {}),
        ...(a.level ? { level: a.level } : {}),
      },
      NOW,
    );
  for (const id of [`${t}-c-d1`, `${t}-d1`, t]) {
    const loaded = await importLedger(databaseLedgerStore(db), {
      files: {
        requests: ledger('requests.csv'),
        reviews: ledger('reviews.csv'),
        documents: ledger('documents.csv'),
        figures: ledger('figures.json'),
      },
      agencyId: id,
      year: YEAR,
      actor: 'system:test',
      now: NOW,
      importId: `ledger-${id}`,
    });
    assert.ok(loaded.ok, `${id}: ${!loaded.ok && loaded.problems.map((p) => p.message).join('; ')}`);
  }
  const calendar = await loadWorkCalendar(calendarRepository(db));
  await seedDemoCases(db, `${t}-c-d2`, calendar, TODAY, 16);
  await seedDemoDisclosure(db, `${t}-c-d2`, TODAY, calendar);
  await figuresRepository(db).save(
    `${t}-c`,
    YEAR,
    { licensing: 12, penalty: 3, coercion: 0, adminFeesWan: 1.5 },
    'officer',
    NOW,
  );
  await workRecordRepository(db).add(
    `${t}-d2`,
    [
      { kind: 'new-media-posts', on: '2024-03-01' as IsoDate, count: 40, subject: '政务微信' },
      { kind: 'website-updates', on: '2024-05-01' as IsoDate, count: 12, subject: '门户网站' },
    ],
    'officer',
    NOW,
  );
  // The water bureau keeps no records here: it filed a published report before.
  const sample = readFileSync(
    inProject('test-support', 'fixtures', 'reports', 'zhongwei-civil-affairs-2021.txt'),
    'utf8',
  )
    .replaceAll('中卫市民政局', '某市水务局')
    .replaceAll('规范 and 细化', '规范和细化')
    .replaceAll('2021', String(YEAR));
  const imported = await filingOf(db).fileFromImport(
    `${t}-c-w`,
    YEAR,
    readReportText(sample),
    '水务局年度报告.txt',
    {},
    'office',
  );
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error));
}

// Parts of two leaves: the tree's five leaves are read, decided and stored in three parts, each part's
// facts read while the one before is stored.
const filingOf = (db: Kysely<Database>) =>
  databaseFiling(db, { today: () => TODAY, now: () => NOW }, undefined, undefined, { leavesPerPart: 2 });

/** A filed version with tree `t`'s ids read as tree `a`'s (work records' ids are random: left out). */
function asTreeA(filed: FiledReport, t: string) {
  const rename = (id: string) => `a${id.slice(t.length)}`;
  return JSON.parse(
    JSON.stringify({
      ...filed,
      agencyId: rename(filed.agencyId),
      children: filed.children.map((c) => ({ ...c, agencyId: rename(c.agencyId) })),
    }).replace(/GZ-\d{4}-[0-9a-f]{8}/g, 'GZ-…'),
  ) as unknown;
}

testOnBothDatabases('a tree filed in sets files what filing one by one files', async ({ db }) => {
  await seedTree(db, 'a');
  await seedTree(db, 'b');
  const filing = filingOf(db);

  const oneByOne = new Map<string, string>();
  for (const id of LEAVES_FIRST) {
    const filed = await filing.fileFromRecords(`a${id}`, YEAR, {}, 'office');
    oneByOne.set(id, filed.ok ? `filed v${filed.value.version}` : filed.error.code);
  }
  const tree = await filing.fileWithBelow('b', YEAR, 'office');
  assert.ok(tree.ok, JSON.stringify(!tree.ok && tree.error));
  const inSets = new Map<string, string>();
  for (const f of tree.value.filed) inSets.set(f.agencyId.slice(1), `filed v${f.version}`);
  for (const r of tree.value.refused) inSets.set(r.agency.id.slice(1), r.refusal.code);
  for (const a of tree.value.alreadyFiled) inSets.set(a.agencyId.slice(1), 'already-filed');
  assert.deepEqual(
    Object.fromEntries([...inSets].sort()),
    Object.fromEntries([...oneByOne].sort()),
    'each agency filed or refused alike',
  );
  assert.equal(oneByOne.get(''), 'filed v1', 'the province itself is filed: the comparison reaches the top');
  assert.ok([...oneByOne.values()].filter((v) => v === 'filed v1').length >= 5);

  for (const id of LEAVES_FIRST) {
    const a = await filing.versions(`a${id}`, YEAR);
    const b = await filing.versions(`b${id}`, YEAR);
    assert.deepEqual(
      b.map((f) => asTreeA(f, 'b')),
      a.map((f) => asTreeA(f, 'a')),
      `the versions of ${id || 'the province'} are the same`,
    );
    const entries = async (agencyId: string) =>
      (await listAudit(db, agencyId))
        .filter((e) => e.action.startsWith('report.'))
        .map((e) => ({ at: e.at, actor: e.actor, action: e.action, subject: e.subject, detail: e.detail }));
    assert.deepEqual(
      await entries(`b${id}`),
      await entries(`a${id}`),
      `the audit entries of ${id} are the same`,
    );
  }
  const province = (await filing.versions('b', YEAR))[0]!;
  assert.equal(province.origin, 'consolidation');
  assert.deepEqual(
    province.children.map((c) => c.agencyId).sort(),
    ['b-c', 'b-d1', 'b-d2'],
    'the province sums its three children',
  );

  const worked = (await filing.versions('b-c-d2', YEAR))[0]!;
  assert.ok(
    (worked.indicators?.replied ?? 0) > 0,
    'the cases worked here give the replies and those on time',
  );
  assert.ok((worked.report.cells['t3.r1.total'] ?? 0) > 0);
  assert.equal(
    (await filing.versions('b-c', YEAR))[0]!.indicators,
    undefined,
    'unknown above a report filed from a file',
  );

  // A bureau's report re-opened by an approved correction is filed again as version 2, answering it.
  for (const t of ['a', 'b']) {
    const asked = await filing.requestCorrection(
      `${t}-c-d1`,
      YEAR,
      '台账中有申请的办结日期录错，需更正',
      'officer',
    );
    assert.ok(asked.ok);
    assert.ok((await filing.decideCorrection(`${t}-c-d1`, asked.value.id, true, 'office')).ok);
  }
  const refiledOne = await filing.fileFromRecords('a-c-d1', YEAR, {}, 'office');
  assert.ok(refiledOne.ok && refiledOne.value.version === 2);
  const refiledSets = await filing.fileWithBelow('b', YEAR, 'office');
  assert.ok(refiledSets.ok);
  assert.deepEqual(
    refiledSets.value.filed.map((f) => [f.agencyId, f.version]),
    [['b-c-d1', 2]],
  );
  const [a2, b2] = await Promise.all([filing.versions('a-c-d1', YEAR), filing.versions('b-c-d1', YEAR)]);
  assert.deepEqual(
    b2.map((f) => asTreeA(f, 'b')),
    a2.map((f) => asTreeA(f, 'a')),
  );
  const answered = async (agencyId: string) =>
    (await filing.corrections(agencyId, YEAR)).map((c) => [c.decision, c.version, c.refiledVersion]);
  assert.deepEqual(await answered('b-c-d1'), await answered('a-c-d1'));
  assert.deepEqual(await answered('b-c-d1'), [['approved', 1, 2]]);

  const again = await filing.fileWithBelow('b', YEAR, 'office');
  assert.ok(again.ok);
  assert.equal(again.value.filed.length, 0, 'filing the tree again files nothing');
  assert.equal(again.value.alreadyFiled.length, TREE.length);
});

testOnBothDatabases(
  'an agency that cannot be filed holds back those above it, each named with its reason',
  async ({ db }) => {
    const agencies = agencyRepository(db);
    await agencies.create({ id: 'r', name: '某市人民政府', level: 'city' }, NOW);
    await agencies.create({ id: 'r-a', name: '某市甲局', parentId: 'r' }, NOW);
    await agencies.create({ id: 'r-b', name: '某市乙局', parentId: 'r' }, NOW);
    await agencies.create({ id: 'r-k', name: '某县人民政府', parentId: 'r', level: 'county' }, NOW);
    await agencies.create({ id: 'r-k-x', name: '某县丙局', parentId: 'r-k' }, NOW);
    const filing = filingOf(db);
    // 乙局 filed last year's published report (the 上海 sample, dated to that year): the cases it carried
    // into this year are not in its records here.
    const sample = readFileSync(
      inProject('test-support', 'fixtures', 'reports', '014-shanghai-gov-office-2025.txt'),
      'utf8',
    ).replaceAll('2025', String(YEAR - 1));
    const lastYear = await filing.fileFromImport(
      'r-b',
      YEAR - 1,
      readReportText(sample),
      '乙局.txt',
      {},
      'office',
      {
        't2.regulations.repealed': 0,
        't2.normative_docs.repealed': 0,
      },
    );
    assert.ok(lastYear.ok, JSON.stringify(!lastYear.ok && lastYear.error));
    assert.ok((lastYear.value.report.cells['t3.r4.total'] ?? 0) > 0, 'it carried cases into this year');
    const auditBefore = (await listAudit(db)).length;

    const tree = await filing.fileWithBelow('r', YEAR, 'office');
    assert.ok(tree.ok);
    assert.deepEqual(
      tree.value.filed.map((f) => f.agencyId),
      ['r-k-x', 'r-a', 'r-k'],
      'the agencies without agencies below first, deepest first; then those above them, level by level',
    );
    assert.deepEqual(
      tree.value.refused.map((r) => [r.agency.id, r.refusal.code]),
      [
        ['r-b', 'report-has-errors'],
        ['r', 'children-not-filed'],
      ],
    );
    const held = tree.value.refused[1]!.refusal;
    assert.ok(held.code === 'children-not-filed');
    assert.deepEqual(
      held.missing,
      [{ id: 'r-b', name: '某市乙局' }],
      'the city names the bureau holding it back',
    );
    assert.equal((await filing.versions('r', YEAR)).length, 0, 'nothing of the city is stored');
    assert.equal((await filing.versions('r-b', YEAR)).length, 0);
    const entries = (await listAudit(db)).slice(auditBefore);
    assert.deepEqual(
      entries.map((e) => [e.agencyId, e.action, e.subject]),
      [
        ['r-k-x', 'report.filed', `${YEAR}/v1`],
        ['r-a', 'report.filed', `${YEAR}/v1`],
        ['r-k', 'report.filed', `${YEAR}/v1`],
      ],
      'one audit entry for each version filed, none for a refusal',
    );

    const early = await filing.fileWithBelow('r', YEAR + 1, 'office');
    assert.ok(
      !early.ok && early.error.code === 'year-out-of-range',
      'a year not over is refused as for one agency',
    );
    const unknown = await filing.fileWithBelow('nobody', YEAR, 'office');
    assert.ok(!unknown.ok && unknown.error.code === 'agency-not-found');
  },
);
