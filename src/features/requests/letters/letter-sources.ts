/**
 * Which letters a case's steps issue, and on which day: a 补正 request issues the 补正告知书, a reply its
 * 答复告知书 (and, disclosing over a third party's objection, the 第三十二条 notice to that party), a lapse
 * or a withdrawal its closing notice. Each letter is known by its kind and the step (seq) that issued it;
 * its 文号 is numbered in the series of the letter's year.
 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { yearOf } from '../../../shared/domain/iso-date.ts';
import type { RecordedEvent } from '../domain/case-events.ts';
import type { DisclosureCase } from '../domain/disclosure-case.ts';
import { objectionOverridden } from '../domain/reply-content.ts';
import type { LetterKind } from './letter.ts';

export interface LetterSource {
  readonly kind: LetterKind;
  /** The step that issued it. */
  readonly seq: number;
  /** The letter's date (成文日期). */
  readonly on: IsoDate;
}

/** Letters addressed to the applicant (the consultation letter and the 第三十二条 notice go to others). */
export const APPLICANT_LETTERS: ReadonlySet<LetterKind> = new Set<LetterKind>([
  'reply',
  'clarification-notice',
  'extension-notice',
  'fee-notice',
  'explanation-request',
  'later-date-notice',
  'closing-notice',
]);

export function thirdPartyObjected(state: DisclosureCase): boolean {
  return state.consultations.some((c) => c.party === 'third-party' && c.position === 'objects');
}

/** The letters one step issues; `state` is the case after it. */
export function lettersOf(recorded: RecordedEvent, state: DisclosureCase): LetterSource[] {
  const { event, seq } = recorded;
  const one = (kind: LetterKind, on: IsoDate): LetterSource[] => [{ kind, seq, on }];
  switch (event.type) {
    case 'clarification-requested':
      return one('clarification-notice', event.on);
    case 'consultation-started':
      return one('consultation-letter', event.issuedOn);
    case 'extension-granted':
      return one('extension-notice', event.noticeSentOn);
    case 'fee-notice-issued':
      return one('fee-notice', event.issuedOn);
    case 'explanation-requested':
      return one('explanation-request', event.on);
    case 'later-date-set':
      return one('later-date-notice', event.on);
    case 'replied': {
      const letters = one('reply', event.on);
      if (objectionOverridden(event.outcome, event.content ?? {}, thirdPartyObjected(state)))
        letters.push({ kind: 'third-party-disclosure-notice', seq, on: event.on });
      return letters;
    }
    case 'clarification-lapsed':
    case 'fee-lapsed':
    case 'withdrawn':
      return one('closing-notice', event.on);
    default:
      return [];
  }
}

/** Every letter the case has issued, in the order of its steps. */
export function caseLetters(history: readonly RecordedEvent[], state: DisclosureCase): LetterSource[] {
  return history.flatMap((recorded) => lettersOf(recorded, state));
}

/** The letter of `kind` issued by step `seq`, or the latest of that kind. */
export function findLetter(
  history: readonly RecordedEvent[],
  state: DisclosureCase,
  kind: LetterKind,
  seq?: number,
): LetterSource | undefined {
  const all = caseLetters(history, state).filter((l) => l.kind === kind);
  return seq === undefined ? all.at(-1) : all.find((l) => l.seq === seq);
}

export const letterYear = (source: LetterSource): number => yearOf(source.on);
