import assert from 'node:assert/strict';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { CALENDAR } from '../../../../test-support/case-builder.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { caseRepository } from './case-repository.ts';
import { letterReferences } from './letter-references.ts';
import { caseService } from '../use-cases/case-service.ts';
import { queryCodes } from '../../../platform/security/query-code.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { letterService } from '../letters/letter-service.ts';
import { DEFAULT_DISCLOSURE_SETTINGS } from '../../proactive-disclosure/domain/disclosure-settings.ts';

const applicant = { type: 'natural' as const, name: '李四' };
const application = { description: '2024年预算', delivery: 'email' as const };

async function setup({ db }: DatabaseHandle) {
  const agencies = agencyRepository(db);
  await agencies.create({ id: 'city', name: '示范市人民政府', level: 'city' }, '2025-01-01T00:00:00Z');
  await agencies.create({ id: 'bureau', name: '示范市示范局', parentId: 'city' }, '2025-01-01T00:00:00Z');
  const clock = { today: '2025-12-29' as IsoDate };
  const cases = caseService({
    store: caseRepository(db),
    calendarFor: async () => CALENDAR,
    today: () => clock.today,
    now: () => `${clock.today}T08:00:00.000Z`,
    queryCodes,
  });
  const letters = letterService({
    view: cases.view,
    numbering: letterReferences(db),
    agencyChain: async () => ({
      agency: { name: '示范市示范局', level: 'department' },
      ancestors: [{ name: '示范市人民政府', level: 'city' }],
    }),
    settingsFor: async () => ({
      ...DEFAULT_DISCLOSURE_SETTINGS,
      contact: { office: '办公室', address: '人民路1号', hours: '工作日', phone: '0000-1' },
      letters: { referencePrefix: '示范局依申请公开' },
    }),
    calendarFor: async () => CALENDAR,
  });
  const register = async (on: string) => {
    const created = await cases.register(
      'bureau',
      { channel: 'in-person', submittedOn: on as IsoDate, receivedOn: on as IsoDate, applicant, application },
      'officer',
    );
    assert.ok(created.ok);
    return created.value.id;
  };
  return { cases, letters, clock, register };
}

testOnBothDatabases(
  'each letter takes the next 文号 of its year in the step that issues it, without gaps',
  async (handle) => {
    const { cases, letters, clock, register } = await setup(handle);
    const a = await register('2025-12-22');
    const b = await register('2025-12-22');
    const act = (id: string, command: Parameters<typeof cases.act>[2], reason?: string) =>
      cases.act('bureau', id, command, 'officer', reason).then((r) => assert.ok(r.ok, JSON.stringify(r)));
    await act(a, { type: 'request-clarification', on: '2025-12-23' as IsoDate, items: '请写明年份' });
    await act(b, {
      type: 'record-reply',
      on: '2025-12-29' as IsoDate,
      outcome: 'r3_4_1',
      legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
      content: { variant: 'not-held' },
    });
    // A refused step takes no number.
    const refused = await cases.act(
      'bureau',
      a,
      { type: 'request-clarification', on: '2025-12-29' as IsoDate, items: 'x' },
      'officer',
    );
    assert.equal(refused.ok, false);
    clock.today = '2026-01-05' as IsoDate;
    await act(a, {
      type: 'receive-clarification',
      description: '2024年度本局行政许可事项目录',
      on: '2026-01-05' as IsoDate,
    });
    await act(a, { type: 'withdraw', on: '2026-01-05' as IsoDate }, '申请人撤回');
    assert.deepEqual(
      (await letters.list('bureau', a))?.map((l) => [l.kind, l.reference]),
      [
        ['clarification-notice', '示范局依申请公开〔2025〕第1号'],
        ['closing-notice', '示范局依申请公开〔2026〕第1号'],
      ],
    );
    const reply = await letters.draft('bureau', b, 'reply');
    assert.ok(reply.ok);
    assert.equal(reply.value.reference, '示范局依申请公开〔2025〕第2号');
    const again = await letters.draft('bureau', b, 'reply');
    assert.equal(
      again.ok && again.value.reference,
      '示范局依申请公开〔2025〕第2号',
      'a reprint keeps its number',
    );
    const none = await letters.draft('bureau', b, 'fee-notice');
    assert.equal(!none.ok && none.error.code, 'letter-not-applicable');
  },
);

testOnBothDatabases(
  'letters of steps recorded before the series take the next numbers when first drafted',
  async (handle) => {
    const { cases, letters, register } = await setup(handle);
    const id = await register('2025-12-22');
    await cases.act(
      'bureau',
      id,
      { type: 'request-clarification', on: '2025-12-23' as IsoDate, items: '请写明年份' },
      'officer',
    );
    // As if recorded before letter numbers existed.
    await handle.db.deleteFrom('letter_references').execute();
    const other = await register('2025-12-22');
    await cases.act(
      'bureau',
      other,
      { type: 'request-clarification', on: '2025-12-23' as IsoDate, items: '请写明年份' },
      'officer',
    );
    const [late, early] = await Promise.all([
      letters.draft('bureau', id, 'clarification-notice'),
      letters.draft('bureau', id, 'clarification-notice'),
    ]);
    assert.ok(late.ok && early.ok);
    assert.equal(late.value.reference, early.value.reference, 'two drafts at once agree on one number');
    assert.equal(late.value.reference, '示范局依申请公开〔2025〕第2号');
    const rows = await handle.db
      .selectFrom('letter_references')
      .select(['year', 'number'])
      .orderBy('number')
      .execute();
    assert.deepEqual(
      rows.map((r) => Number(r.number)),
      [1, 2],
    );
  },
);
