/**
 * Section 一's parts （三）政府信息管理, （四）政府信息公开平台建设 and （五）监督保障 drafted from the office's
 * work records of the year: each sentence states what the records hold, and carries their ids.
 */
import type { WorkActivityItem } from './report-facts.ts';

/** A name in quotation marks, unless it brings its own. */
const quoted = (name: string) => (/[“”"《》]/u.test(name) ? name : `“${name}”`);
const bySubject = (item: WorkActivityItem, unit: string) =>
  item.bySubject.length > 1 || (item.bySubject[0] && item.bySubject[0].subject)
    ? `（${item.bySubject
        .filter((s) => s.subject)
        .map((s) => `${quoted(s.subject)}${s.total}${unit}`)
        .join('、')}）`
    : '';
const titles = (item: WorkActivityItem) => {
  const named = item.bySubject.map((s) => s.subject).filter(Boolean);
  return named.length ? `（${named.join('、')}）` : '';
};

function clause(item: WorkActivityItem): string {
  switch (item.kind) {
    case 'new-media-posts':
      return `通过政务新媒体发布信息${item.total}条${bySubject(item, '条')}`;
    case 'website-updates':
      return `门户网站各栏目更新信息${item.total}条${bySubject(item, '条')}`;
    case 'mailbox-letters':
      return `政务信箱收到来信${item.total}件`;
    case 'hotline-calls':
      return `政务热线接听来电${item.total}次`;
    case 'catalogue-revision':
      return `修订政府信息公开目录${item.records}次${titles(item)}`;
    case 'training-held':
      return `举办政务公开培训${item.records}期、参训${item.total}人次${titles(item)}`;
    case 'training-attended':
      return `参加上级组织的政务公开培训${item.records}次、${item.total}人次`;
    case 'assessment':
      return `开展考核评议${item.records}次${titles(item)}`;
    case 'inspection':
      return `接受监督检查${item.records}次${titles(item)}`;
    case 'open-day':
      return `开展政府开放日活动${item.records}次、${item.total}人次参加`;
    default:
      return '';
  }
}

/** The sentence of one part, and the records behind it; undefined when the part has no records. */
export function workSentence(
  work: readonly WorkActivityItem[] | undefined,
  part: WorkActivityItem['part'],
): { text: string; sources: string[] } | undefined {
  const items = (work ?? []).filter((i) => i.part === part && i.records > 0);
  const clauses = items.map(clause).filter(Boolean);
  if (clauses.length === 0) return undefined;
  return { text: `本年${clauses.join('；')}。`, sources: items.flatMap((i) => i.ids) };
}
