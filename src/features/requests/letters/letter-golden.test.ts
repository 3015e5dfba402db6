/**
 * Golden letters: for each outcome (and each closing notice) × agency level, the whole text of the
 * letter, compared with the files under golden/. A change in wording shows up as a diff to review;
 * `UPDATE_GOLDEN=1 npm test -- src/features/requests/letters` rewrites them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { OUTCOME_ROWS, type OutcomeRow } from '../../annual-report/index.ts';
import type { AgencyLevel } from '../../agencies/domain/agency.ts';
import { CaseUnderTest, d } from '../../../../test-support/case-builder.ts';
import { LETTER_CONTEXT, letterText, PROMPT } from '../../../../test-support/letter-fixtures.ts';
import { completeReplyContent } from '../../../../test-support/reply-contents.ts';
import { OUTCOME_LEGAL_BASIS } from '../domain/outcome-legal-basis.ts';
import { draftLetter } from './draft-letter.ts';
import { findLetter } from './letter-sources.ts';
import type { LetterKind } from './letter.ts';
import { reconsiderationOrgans, type AgencyInChain } from './reconsideration-organ.ts';

interface Setting {
  readonly file: string;
  readonly agency: AgencyInChain;
  readonly ancestors: readonly AgencyInChain[];
  readonly named?: string;
  /** The year the case is received and answered in. */
  readonly year: number;
}

const gov = (name: string, level: AgencyLevel): AgencyInChain => ({ name, level });
const SETTINGS: readonly Setting[] = [
  {
    file: 'department-2025',
    agency: { name: '示范市示范局', level: 'department' },
    ancestors: [gov('示范市人民政府', 'city'), gov('示范省人民政府', 'province')],
    year: 2025,
  },
  {
    file: 'department-2023',
    agency: { name: '示范市示范局', level: 'department' },
    ancestors: [gov('示范市人民政府', 'city'), gov('示范省人民政府', 'province')],
    year: 2023,
  },
  {
    file: 'county-government-2025',
    agency: gov('示范县人民政府', 'county'),
    ancestors: [gov('示范市人民政府', 'city')],
    year: 2025,
  },
  { file: 'province-government-2025', agency: gov('示范省人民政府', 'province'), ancestors: [], year: 2025 },
  {
    file: 'vertical-2025',
    agency: { name: '国家税务总局示范市税务局', level: 'department' },
    ancestors: [gov('示范市人民政府', 'city')],
    named: '国家税务总局示范省税务局',
    year: 2025,
  },
];

/** A case that ends in `outcome` (a reply, or the lapse / withdrawal that closes it), in `year`. */
function caseEndingIn(
  outcome: OutcomeRow | 'withdrawal',
  year: number,
): { c: CaseUnderTest; kind: LetterKind } {
  const on = (md: string) => d(`${year}-${md}`);
  const c = new CaseUnderTest({ submittedOn: `${year}-03-06` });
  if (outcome === 'r3_6_1') {
    c.do(
      {
        type: 'request-clarification',
        on: on('03-07'),
        periodWorkingDays: 10,
        items: '请写明所需文件的名称或文号',
      },
      `${year}-03-07`,
    );
    c.do({ type: 'close-lapsed-clarification' }, `${year}-04-30`);
    return { c, kind: 'closing-notice' };
  }
  if (outcome === 'r3_6_2') {
    c.do(
      {
        type: 'issue-fee-notice',
        howToPay: '非税收入缴款码',
        method: 'per-application',
        amountYuan: 100,
        issuedOn: on('03-10'),
        deliveredOn: on('03-10'),
      },
      `${year}-03-10`,
    );
    c.do({ type: 'close-lapsed-fee' }, `${year}-05-30`);
    return { c, kind: 'closing-notice' };
  }
  if (outcome === 'withdrawal') {
    c.do({ type: 'withdraw', on: on('03-12') }, `${year}-03-12`, '申请人书面申请撤回');
    return { c, kind: 'closing-notice' };
  }
  if (outcome === 'r3_4_3') {
    c.do(
      {
        type: 'request-clarification',
        on: on('03-07'),
        periodWorkingDays: 10,
        items: '请写明所需文件的名称或文号',
      },
      `${year}-03-07`,
    );
    c.do(
      { type: 'receive-clarification', description: '贵局掌握的有关材料', on: on('03-13') },
      `${year}-03-13`,
    );
  }
  if (outcome === 'r3_5_4') c.do({ type: 'request-explanation', on: on('03-09') }, `${year}-03-09`);
  c.do(
    {
      type: 'record-reply',
      on: on('03-20'),
      outcome,
      legalBasis: OUTCOME_LEGAL_BASIS[outcome],
      content: completeReplyContent(outcome),
    },
    `${year}-03-20`,
  );
  return { c, kind: 'reply' };
}

const ENDINGS = [...OUTCOME_ROWS, 'withdrawal' as const];

for (const setting of SETTINGS) {
  test(`golden letters: ${setting.file}`, () => {
    const organs = reconsiderationOrgans(setting.agency, setting.ancestors, setting.named);
    assert.ok(organs, 'the hierarchy tells the organ');
    const context = { ...LETTER_CONTEXT, agencyName: setting.agency.name, organs };
    const sections: string[] = [];
    for (const ending of ENDINGS) {
      const { c, kind } = caseEndingIn(ending, setting.year);
      const source = findLetter(c.history, c.state, kind);
      assert.ok(source, `${ending}: a letter`);
      const letter = draftLetter(source, c.state, context);
      assert.ok(letter.ok, `${ending}: ${JSON.stringify(!letter.ok && letter.error)}`);
      const text = letterText(letter.value);
      assert.doesNotMatch(text, PROMPT, `${ending}: no prompt`);
      if (ending !== 'withdrawal')
        assert.match(
          text,
          /第[一二三四五六七八九十]+条|《政府信息公开信息处理费管理办法》/,
          `${ending}: an article`,
        );
      sections.push(`===== ${ending} =====\n${text}`);
    }
    const actual = `${sections.join('\n\n')}\n`;
    const path = new URL(`./golden/${setting.file}.txt`, import.meta.url);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
      if (process.env.UPDATE_GOLDEN !== '1' && process.env.CI)
        assert.fail(`golden file ${setting.file}.txt is missing`);
      writeFileSync(path, actual);
    }
    assert.equal(actual, readFileSync(path, 'utf8'));
  });
}

test('each outcome has its own formula: no two replies share their decisive sentence', () => {
  const context = { ...LETTER_CONTEXT };
  const decisive = new Map<string, OutcomeRow>();
  for (const outcome of OUTCOME_ROWS.filter((r) => r !== 'r3_6_1' && r !== 'r3_6_2')) {
    const { c } = caseEndingIn(outcome, 2025);
    const letter = draftLetter(findLetter(c.history, c.state, 'reply')!, c.state, context);
    assert.ok(letter.ok);
    const sentence = letter.value.paragraphs[1]!;
    assert.ok(!decisive.has(sentence), `${outcome} says what ${decisive.get(sentence)} says`);
    decisive.set(sentence, outcome);
  }
});
