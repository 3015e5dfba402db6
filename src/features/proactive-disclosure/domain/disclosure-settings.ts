/**
 * An agency's own disclosure settings: its disclosure catalogue (公开目录) — the 第二十条 items and its key
 * areas (重点领域) — the contact details of its disclosure guide (公开指南), and its local limits: a
 * publication limit stricter than 第二十六条's 20 working days, the window in which a normative document's
 * interpretation counts as published with it, and the answer period for public messages (留言).
 */
import { err, ok, type Result } from '../../../shared/domain/result.ts';
import { STATUTORY_PUBLICATION_WORKING_DAYS } from './publication-deadline.ts';
import { DEFAULT_CONFIRMATION_ALERT_WORKING_DAYS } from '../../requests/domain/confirmation-wait.ts';

export const CATEGORY_GROUPS = ['article-20', 'key-area', 'agency'] as const;
export type CategoryGroup = (typeof CATEGORY_GROUPS)[number];
export const CATEGORY_GROUP_LABELS: Readonly<Record<CategoryGroup, string>> = {
  'article-20': '条例第二十条规定的主动公开内容',
  'key-area': '重点领域信息公开',
  agency: '本机关其他主动公开信息',
};

export interface CatalogueCategory {
  readonly name: string;
  readonly group: CategoryGroup;
  /** What the category holds, as the guide and the catalogue show it. */
  readonly description?: string;
}

export interface GuideContact {
  readonly office: string;
  readonly address: string;
  readonly hours: string;
  readonly phone: string;
  readonly postcode?: string;
  readonly email?: string;
}

/** How the agency's 依申请公开 letters are numbered and what they say beyond the case. */
export interface LetterSettings {
  /** The 文号's prefix (发文机关代字), e.g. 示范局依申请公开 → 示范局依申请公开〔2026〕第12号. */
  readonly referencePrefix?: string;
  /**
   * The reconsideration organ, where the hierarchy cannot tell it: vertically led bodies (海关, 税务,
   * 金融…, 行政复议法 第二十七条) name their next-higher authority here.
   */
  readonly reconsiderationOrgan?: string;
  /** How a processing fee is paid (account, payment code, counter): the fee notice's default. */
  readonly feePayment?: string;
}

export interface DisclosureSettings {
  readonly publicationLimitDays: number;
  readonly interpretationWithinDays: number;
  readonly messageAnswerDays: number;
  /** Online, fax and letter applications not confirmed after this many working days are flagged (第三十一条). */
  readonly confirmationAlertWorkingDays: number;
  /**
   * Separation of duties: an extension (第三十三条) or a later date (第三十五条) is asked for by the
   * handler and approved by another person, never by the one who asked or handles the case.
   */
  readonly separationOfDuties: boolean;
  readonly categories: readonly CatalogueCategory[];
  readonly contact?: GuideContact;
  readonly letters?: LetterSettings;
  /** The prefix of generated 索引号 (domain/index-number.ts), e.g. the agency's 统一社会信用代码. */
  readonly indexNumberPrefix?: string;
  /** Further text of the guide, in the agency's words (paragraphs separated by blank lines). */
  readonly guideNotes?: string;
}

/** The name of the category that policy interpretations are published under. */
export const INTERPRETATION_CATEGORY = '政策解读';

const ARTICLE_20: ReadonlyArray<readonly [string, string]> = [
  ['法规文件', '行政法规、规章和规范性文件'],
  ['机构职能', '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名'],
  ['规划计划', '国民经济和社会发展规划、专项规划、区域规划及相关政策'],
  ['统计信息', '国民经济和社会发展统计信息'],
  ['行政许可和服务', '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'],
  ['行政处罚和强制', '实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定'],
  ['预决算', '财政预算、决算信息'],
  ['收费项目', '行政事业性收费项目及其依据、标准'],
  ['政府采购', '政府集中采购项目的目录、标准及实施情况'],
  ['重大建设项目', '重大建设项目的批准和实施情况'],
  ['民生政策', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'],
  ['应急管理', '突发公共事件的应急预案、预警信息及应对情况'],
  ['监督检查', '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'],
  ['公务员招考', '公务员招考的职位、名额、报考条件等事项以及录用结果'],
  ['其他', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'],
];

const KEY_AREAS: ReadonlyArray<readonly [string, string]> = [
  ['社会救助', '最低生活保障、特困人员救助供养、临时救助等'],
  ['养老服务', '养老服务政策、机构名录和补贴'],
  ['就业创业', '就业创业政策和服务'],
  [INTERPRETATION_CATEGORY, '规章和规范性文件的政策解读（文字、图文、视频）'],
];

export const DEFAULT_DISCLOSURE_SETTINGS: DisclosureSettings = {
  publicationLimitDays: STATUTORY_PUBLICATION_WORKING_DAYS,
  interpretationWithinDays: 3,
  messageAnswerDays: 15,
  confirmationAlertWorkingDays: DEFAULT_CONFIRMATION_ALERT_WORKING_DAYS,
  separationOfDuties: true,
  categories: [
    ...ARTICLE_20.map(([name, description]) => ({ name, description, group: 'article-20' as const })),
    ...KEY_AREAS.map(([name, description]) => ({ name, description, group: 'key-area' as const })),
  ],
};

export type SettingsRefusal =
  | { readonly code: 'publication-limit-not-stricter'; readonly days: number }
  | { readonly code: 'duplicate-category'; readonly name: string }
  | { readonly code: 'category-in-use'; readonly name: string; readonly documents: number }
  | { readonly code: 'interpretation-category-required' };

/**
 * Checks new settings against the law and what is stored: the local limit may only be stricter than the
 * statute, category names are unique, and a category still holding documents cannot be removed.
 */
export function decideSettings(
  next: DisclosureSettings,
  documentsByCategory: ReadonlyMap<string, number>,
): Result<DisclosureSettings, SettingsRefusal> {
  if (next.publicationLimitDays > STATUTORY_PUBLICATION_WORKING_DAYS || next.publicationLimitDays < 1)
    return err({ code: 'publication-limit-not-stricter', days: next.publicationLimitDays });
  const names = new Set<string>();
  for (const category of next.categories) {
    if (names.has(category.name)) return err({ code: 'duplicate-category', name: category.name });
    names.add(category.name);
  }
  if (!names.has(INTERPRETATION_CATEGORY)) return err({ code: 'interpretation-category-required' });
  for (const [name, documents] of documentsByCategory)
    if (documents > 0 && !names.has(name)) return err({ code: 'category-in-use', name, documents });
  return ok(next);
}

export function hasCategory(settings: DisclosureSettings, name: string): boolean {
  return settings.categories.some((c) => c.name === name);
}
