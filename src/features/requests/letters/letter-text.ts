/** Small pieces of letter Chinese: dates as 成文日期 writes them, sentences ending in 。 */
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

/** 2026-01-05 → 2026年1月5日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The officer's text as a sentence of the letter: trimmed, ending in one full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/[。．.，,；;：:\s]+$/u, '');
  if (trimmed === '') return '';
  return /[！？!?]$/u.test(trimmed) ? trimmed : `${trimmed}。`;
}
