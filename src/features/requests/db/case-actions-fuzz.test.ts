/**
 * Any sequence of steps an officer can send, on any channel, ends in a state or a named refusal: never
 * an exception (a 500 over HTTP), on SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { testOnBothDatabases } from '../../../../test-support/databases.ts';
import { CALENDAR } from '../../../../test-support/case-builder.ts';
import { agencyRepository } from '../../agencies/index.ts';
import { OUTCOME_ROWS } from '../../annual-report/domain/outcome-row.ts';
import { addDays, type IsoDate } from '../../../shared/domain/iso-date.ts';
import { queryCodes } from '../../../platform/security/query-code.ts';
import { caseRepository } from './case-repository.ts';
import { caseService } from '../use-cases/case-service.ts';
import type { CaseCommand } from '../domain/case-command.ts';
import type { RequestChannel } from '../domain/case-events.ts';
import { REQUEST_STATUSES } from '../domain/request-status.ts';

const TODAY = '2025-06-30' as IsoDate;
const START = '2025-03-03' as IsoDate;
const day = fc.integer({ min: -3, max: 119 }).map((n) => addDays(START, n));
const CHANNELS: readonly RequestChannel[] = [
  'in-person',
  'signed-post',
  'ordinary-post',
  'online',
  'fax',
  'oral',
];

const command: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc.record({
    type: fc.constant('confirm-receipt' as const),
    receivedOn: day,
    arrivedOn: fc.option(day, { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('request-clarification' as const),
    on: day,
    items: fc.constant('请写明年份'),
  }),
  fc.record({
    type: fc.constant('receive-clarification' as const),
    on: day,
    description: fc.constantFrom('2024年度目录', ''),
  }),
  fc.constant({ type: 'close-lapsed-clarification' as const }),
  fc.record({
    type: fc.constant('start-consultation' as const),
    consultationId: fc.constantFrom('C1', 'C2'),
    party: fc.constantFrom('third-party' as const, 'agency' as const),
    partyName: fc.constant('某公司'),
    issuedOn: day,
    deliveredOn: day,
    subject: fc.constantFrom('某公司的经营数据', ''),
  }),
  fc.record({
    type: fc.constant('record-consultation-answer' as const),
    consultationId: fc.constantFrom('C1', 'C2', 'C9'),
    on: day,
    position: fc.constantFrom('consents' as const, 'objects' as const, 'other' as const),
  }),
  fc.record({
    type: fc.constant('grant-extension' as const),
    workingDays: fc.integer({ min: -1, max: 25 }),
    approvedBy: fc.constantFrom('处长', ' '),
    approvedOn: day,
    noticeSentOn: fc.option(day, { nil: undefined }),
  }),
  fc.record({ type: fc.constant('request-explanation' as const), on: day }),
  fc.record({ type: fc.constant('set-later-date' as const), on: day, laterDate: day }),
  fc.record({
    type: fc.constant('issue-fee-notice' as const),
    method: fc.constantFrom('per-application' as const, 'per-page' as const),
    amountYuan: fc.constantFrom(0, 50, 100, 150, -5),
    pages: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    issuedOn: day,
    deliveredOn: day,
    howToPay: fc.constantFrom('通过非税收入缴款码缴纳', ''),
  }),
  fc.record({ type: fc.constant('record-payment' as const), on: day, amountYuan: fc.constantFrom(50, 100) }),
  fc.record({ type: fc.constant('waive-fee' as const), on: day }),
  fc.constant({ type: 'close-lapsed-fee' as const }),
  fc.record({
    type: fc.constant('record-reply' as const),
    on: day,
    outcome: fc.constantFrom(...OUTCOME_ROWS),
    legalBasis: fc.constantFrom('第二十七条', ''),
    content: fc.record(
      {
        variant: fc.constantFrom('already-public' as const, 'provided' as const, 'not-held' as const),
        disclosed: fc.constantFrom('某文件', ''),
        whereToObtain: fc.constantFrom('本机关门户网站', ''),
        reasons: fc.constantFrom('理由', ''),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ type: fc.constant('withdraw' as const), on: day }),
);

testOnBothDatabases(
  'any sequence of steps on any channel ends in a state or a refusal, never an exception',
  async ({ db }) => {
    await agencyRepository(db).create({ id: 'city', name: '某市教育局' }, '2025-01-01T00:00:00Z');
    const service = caseService({
      store: caseRepository(db),
      calendarFor: async () => CALENDAR,
      today: () => TODAY,
      now: () => `${TODAY}T08:00:00.000Z`,
      queryCodes,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.array(fc.tuple(command, fc.constantFrom(undefined, '申请人书面说明')), {
          minLength: 1,
          maxLength: 10,
        }),
        async (channel, steps) => {
          const created = await service.register(
            'city',
            {
              channel,
              submittedOn: START,
              applicant: { type: 'natural', name: '张三', phone: '13800000000' },
              application: { description: '2024年学校布局调整方案', delivery: 'email' },
            },
            'officer',
          );
          assert.ok(created.ok);
          for (const [step, reason] of steps) {
            const result = await service.act('city', created.value.id, step, 'officer', reason);
            assert.equal(typeof result.ok, 'boolean');
          }
          const view = await service.view('city', created.value.id);
          assert.ok(view && REQUEST_STATUSES.includes(view.case.status), view?.case.status);
        },
      ),
      { numRuns: 80 },
    );
  },
);
