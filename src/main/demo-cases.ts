/**
 * A few hundred demo cases over the last two years, worked the way an office works them — confirmed,
 * sometimes sent back for 补正, consulted, extended or charged, mostly answered in time, a few late, some
 * still open — so that a newcomer's console, dashboard and live report show real screens. Deterministic.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { queryCodes } from '../platform/security/query-code.ts';
import { addDays, type IsoDate } from '../shared/domain/iso-date.ts';
import {
  addWorkingDays,
  nextWorkingDayOnOrAfter,
  type WorkCalendar,
} from '../shared/domain/work-calendar.ts';
import { APPLICANT_TYPES, type OutcomeRow } from '../features/annual-report/index.ts';
import { OUTCOME_LEGAL_BASIS, type CaseCommand, type RequestChannel } from '../features/requests/index.ts';
import { caseRepository } from '../features/requests/db/case-repository.ts';
import { caseService } from '../features/requests/use-cases/case-service.ts';
import { completeReplyContent } from './demo-reply-contents.ts';
import { perPageFee } from '../features/requests/domain/processing-fee.ts';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const OUTCOMES: ReadonlyArray<readonly [OutcomeRow, number]> = [
  ['r3_1', 40],
  ['r3_2', 14],
  ['r3_4_1', 14],
  ['r3_4_2', 5],
  ['r3_3_4', 3],
  ['r3_3_6', 3],
  ['r3_3_5', 2],
  ['r3_3_1', 1],
  ['r3_5_1', 4],
  ['r3_5_2', 3],
  ['r3_5_3', 2],
  ['r3_3_8', 2],
  ['r3_6_3', 2],
];
const TOTAL_WEIGHT = OUTCOMES.reduce((sum, [, w]) => sum + w, 0);
const SUBJECTS = [
  '本区2024年老旧小区改造项目清单',
  '某道路拓宽工程的征收补偿方案',
  '本局2025年部门预算',
  '某企业环境影响评价批复',
  '城市更新片区规划',
  '某地块土地出让合同',
  '某小区电梯加装审批材料',
  '最低生活保障对象名单公示办法',
  '某建设项目施工许可证',
  '2025年行政处罚决定书目录',
];
const NAMES = [
  '张伟',
  '王芳',
  '李娜',
  '刘洋',
  '陈静',
  '杨磊',
  '赵敏',
  '黄强',
  '周杰',
  '吴婷',
  '某某律师事务所',
  '某某科技有限公司',
  '某某大学环境研究院',
  '某某公益基金会',
];

export async function seedDemoCases(
  db: Kysely<Database>,
  agencyId: string,
  calendar: WorkCalendar,
  today: IsoDate,
  count = 300,
): Promise<number> {
  const next = random(20251);
  const clock = { today };
  const service = caseService({
    store: caseRepository(db),
    calendarFor: async () => calendar,
    today: () => clock.today,
    now: () => `${clock.today}T01:30:00.000Z`,
    queryCodes,
    // The demo's case worker (demo-agency.ts); extensions granted in one step as an approver would.
    caseWorkerName: async (_agencyId, username) => (username === 'officer' ? '王经办' : undefined),
  });
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // Last year and this year: the demo never touches the years of the shipped ledger's fixture report.
  const start = `${Number(today.slice(0, 4)) - 1}-01-01` as IsoDate;
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000) - 5);
  let created = 0;
  for (let i = 0; i < count; i++) {
    const submittedOn = nextWorkingDayOnOrAfter(
      calendar,
      addDays(start, Math.floor((i / count) * span + next() * 5)),
    );
    if (submittedOn >= today) continue;
    const channel: RequestChannel = next() < 0.55 ? 'online' : next() < 0.8 ? 'in-person' : 'signed-post';
    const name = pick(NAMES);
    const type = name.includes('律师')
      ? 'org_legal'
      : name.includes('公司')
        ? 'org_business'
        : name.includes('大学')
          ? 'org_research'
          : name.includes('基金会')
            ? 'org_nonprofit'
            : pick(APPLICANT_TYPES.slice(0, 1));
    clock.today = submittedOn;
    const subject = pick(SUBJECTS);
    const opened = await service.register(
      agencyId,
      {
        channel,
        submittedOn,
        // Numbers no one has (1380000xxxx): the case worker sees them whole, every other role masked.
        applicant: { type, name, phone: `1380000${String(i).padStart(4, '0')}` },
        application: {
          description: `申请公开${subject}`,
          delivery: pick(['email', 'paper-post', 'online'] as const),
        },
      },
      'system:demo',
    );
    if (!opened.ok) continue;
    created++;
    const id = opened.value.id;
    const act = async (on: IsoDate, command: CaseCommand, reason?: string) => {
      if (on > today) return false;
      clock.today = on;
      return (await service.act(agencyId, id, command, 'officer', reason)).ok;
    };
    let day = submittedOn;
    // Most cases are given to the case worker; a few wait for someone to take them.
    if (next() < 0.9)
      await service.act(agencyId, id, { type: 'assign', handler: 'officer', handlerName: '' }, 'admin');
    if (channel === 'online') {
      day = addWorkingDays(calendar, submittedOn, next() < 0.7 ? 0 : 1).date;
      if (!(await act(day, { type: 'confirm-receipt', receivedOn: day }))) continue;
    }
    const roll = next();
    let objected = false;
    if (roll < 0.1) {
      const on = addWorkingDays(calendar, day, 2).date;
      if (
        !(await act(on, {
          type: 'request-clarification',
          on,
          periodWorkingDays: 10,
          items: '请写明所需信息的具体名称或文号',
        }))
      )
        continue;
      if (next() < 0.7) {
        day = addWorkingDays(calendar, on, 5).date;
        if (
          !(await act(day, {
            type: 'receive-clarification',
            description: `${submittedOn.slice(0, 4)}年度的${subject}`,
            on: day,
          }))
        )
          continue;
      } else {
        await act(addDays(addWorkingDays(calendar, on, 10).date, 2), { type: 'close-lapsed-clarification' });
        continue;
      }
    } else if (roll < 0.18) {
      const issuedOn = addWorkingDays(calendar, day, 4).date;
      const deliveredOn = addWorkingDays(calendar, issuedOn, 1).date;
      if (
        !(await act(deliveredOn, {
          type: 'start-consultation',
          subject: '某某置业有限公司报送的项目可行性研究报告，其中包含该公司的投资估算和融资方案',
          consultationId: 'c1',
          party: 'third-party',
          partyName: '某某置业有限公司',
          issuedOn,
          deliveredOn,
        }))
      )
        continue;
      const answeredOn = addWorkingDays(calendar, deliveredOn, 3 + Math.floor(next() * 10)).date;
      objected = next() < 0.5;
      if (
        !(await act(answeredOn, {
          type: 'record-consultation-answer',
          consultationId: 'c1',
          on: answeredOn,
          position: objected ? 'objects' : 'consents',
        }))
      )
        continue;
      day = answeredOn;
    } else if (roll < 0.23) {
      const approvedOn = addWorkingDays(calendar, day, 15).date;
      if (
        !(await act(
          approvedOn,
          {
            type: 'grant-extension',
            workingDays: 20,
            approvedBy: '李主任',
            approvedOn,
            noticeSentOn: approvedOn,
          },
          '涉及多个科室，需要较长时间检索',
        ))
      )
        continue;
      day = addWorkingDays(calendar, approvedOn, 5).date;
    } else if (roll < 0.27) {
      // 按量计收: a request for several hundred pages; most pay, one in four lets the period lapse.
      const issuedOn = addWorkingDays(calendar, day, 3).date;
      const pages = 120 + Math.floor(next() * 300);
      if (
        !(await act(issuedOn, {
          type: 'issue-fee-notice',
          method: 'per-page',
          pages,
          amountYuan: perPageFee(pages),
          issuedOn,
          deliveredOn: issuedOn,
          howToPay: '示范市非税收入缴款码（随通知书附送）',
        }))
      )
        continue;
      if (next() < 0.25) {
        await act(addDays(addWorkingDays(calendar, issuedOn, 20).date, 1), { type: 'close-lapsed-fee' });
        continue;
      }
      const paidOn = addWorkingDays(calendar, issuedOn, 2 + Math.floor(next() * 8)).date;
      if (!(await act(paidOn, { type: 'record-payment', on: paidOn, amountYuan: perPageFee(pages) })))
        continue;
      day = paidOn;
    }
    if (next() < 0.06) {
      // Left open: some of these become overdue, and some wait for an extension to be approved.
      const dueOn = addWorkingDays(calendar, day, 10).date;
      if (next() < 0.5 && dueOn >= today)
        await act(day, { type: 'request-extension', on: day, workingDays: 15 }, '需要向多个科室调取档案');
      continue;
    }
    const late = next() < 0.05;
    const replyOn = addWorkingDays(calendar, day, late ? 25 : 3 + Math.floor(next() * 15)).date;
    let weight = next() * TOTAL_WEIGHT;
    const outcome = OUTCOMES.find(([, w]) => (weight -= w) < 0)?.[0] ?? 'r3_1';
    // 第三十五条: the applicant is asked for reasons before an application is set aside as excessive.
    if (outcome === 'r3_5_4' && !(await act(day, { type: 'request-explanation', on: day }))) continue;
    await act(replyOn, {
      type: 'record-reply',
      on: replyOn,
      outcome,
      legalBasis: OUTCOME_LEGAL_BASIS[outcome],
      content: {
        ...completeReplyContent(outcome),
        ...(objected
          ? { overObjectionReason: '该项目关系周边居民的重大公共利益，不公开可能对公共利益造成重大影响' }
          : {}),
      },
    });
  }
  return created;
}
