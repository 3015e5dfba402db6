/**
 * The remedy paragraphs of a letter (条例 第五十一条; 行政复议法 第二十条、第二十三条; 行政诉讼法 第四十六条):
 * for a refusal to disclose (不予公开, and the withheld part of 部分公开) since 2024 reconsideration comes
 * first and the letter must say so (复议前置, 第二十三条第二款); every other act gives the choice of
 * reconsideration within 60 days or a suit within 6 months. Each letter also names 第五十一条's complaint
 * channel. Whether 复议前置 reaches 无法提供 or 不予处理 is unsettled [U]: they get the ordinary wording.
 */
import type { OutcomeRow } from '../../annual-report/index.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { WITHHOLDING_GROUNDS } from '../domain/reply-content.ts';
import { organOn, REVISED_REVIEW_LAW_SINCE, type ReconsiderationOrgans } from './reconsideration-organ.ts';

const REFUSALS: readonly OutcomeRow[] = ['r3_2', ...WITHHOLDING_GROUNDS];

export function reconsiderationComesFirst(outcome: OutcomeRow, actOn: IsoDate): boolean {
  return actOn >= REVISED_REVIEW_LAW_SINCE && REFUSALS.includes(outcome);
}

const COMPLAINT =
  '您也可以依照《中华人民共和国政府信息公开条例》第五十一条的规定，向上一级行政机关或者政府信息公开工作主管部门投诉、举报。';

/** The remedies against the act a letter records, dated `actOn`; `subject` names the act. */
export function remedyParagraphs(
  outcome: OutcomeRow,
  actOn: IsoDate,
  organs: ReconsiderationOrgans,
  subject = '本答复',
): string[] {
  const organ = organOn(organs, actOn);
  if (reconsiderationComesFirst(outcome, actOn)) {
    const act = outcome === 'r3_2' ? '本机关对不予公开部分的决定' : '本机关不予公开政府信息的决定';
    return [
      `如对${act}不服，根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，应当先向${organ}申请行政复议，` +
        '申请期限为自知道该行政行为之日起六十日内；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。' +
        (outcome === 'r3_2'
          ? `对本答复其他内容不服的，可以自知道该行政行为之日起六十日内向${organ}申请行政复议，或者自知道该行政行为之日起六个月内依法向人民法院提起行政诉讼。`
          : ''),
      COMPLAINT,
    ];
  }
  const since = actOn >= REVISED_REVIEW_LAW_SINCE ? '知道该行政行为之日' : '收到本告知书之日';
  return [
    `如对${subject}不服，可以自${since}起六十日内向${organ}申请行政复议，或者自${since}起六个月内依法向人民法院提起行政诉讼。`,
    COMPLAINT,
  ];
}
