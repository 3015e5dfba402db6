/** Letters in tests: a context as the demo agency has it, and a letter as plain text (for golden files). */
import assert from 'node:assert/strict';
import type { IsoDate } from '../src/shared/domain/iso-date.ts';
import { draftLetter, type LetterContext as Context } from '../src/features/requests/letters/draft-letter.ts';
import { findLetter } from '../src/features/requests/letters/letter-sources.ts';
import type { LetterKind } from '../src/features/requests/letters/letter.ts';
import type { CaseUnderTest } from './case-builder.ts';
import type { LetterContext } from '../src/features/requests/letters/draft-letter.ts';
import type { Letter } from '../src/features/requests/letters/letter.ts';
import { CALENDAR } from './case-builder.ts';

export const LETTER_CONTEXT: LetterContext = {
  agencyName: '示范市示范局',
  reference: '示范局依申请公开〔2025〕第7号',
  organs: { current: '示范市人民政府', before2024: '示范市人民政府或者上一级主管部门' },
  contact: {
    office: '示范市示范局办公室',
    address: '示范市人民路100号',
    postcode: '100000',
    hours: '工作日9:00—12:00，13:30—17:00',
    phone: '0000-12345678',
  },
  calendar: CALENDAR,
};

export function letterText(letter: Letter): string {
  return [
    letter.title,
    letter.reference,
    letter.addressee,
    ...letter.paragraphs,
    ...letter.contact,
    letter.signature,
    letter.dateLine,
    ...letter.notes,
  ].join('\n');
}

/** What a letter must never hold: a prompt or a blank left for someone to fill in. */
export const PROMPT = /（(?:写明|附|填写|请填)|_{3,}|＿{2,}|XXX|××|undefined|null/;

export const onDay = (text: string) => text as IsoDate;

/** Drafts the case's letter of `kind` (the latest, or step `seq`), failing the test if refused or if it holds a prompt. */
export function draft(c: CaseUnderTest, kind: LetterKind, ctx: Context = LETTER_CONTEXT, seq?: number) {
  const source = findLetter(c.history, c.state, kind, seq);
  assert.ok(source, `the case has a ${kind}`);
  const letter = draftLetter(source, c.state, ctx);
  assert.ok(letter.ok, JSON.stringify(!letter.ok && letter.error));
  const text = letterText(letter.value);
  assert.doesNotMatch(text, PROMPT, 'no prompt is left in the letter');
  return { letter: letter.value, text };
}
