/**
 * Dates as agencies type them in their ledgers: 2024-03-05, 2024/3/5, 2024年3月5日, 2024.3.5,
 * 20240305, optionally followed by a time of day. Excel date cells arrive already converted.
 */
import { isValidCalendarDate, toIsoDate, type IsoDate } from '../../../shared/domain/iso-date.ts';

const PATTERNS = [
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

export function parseLedgerDate(text: string): IsoDate | undefined {
  const trimmed = text.normalize('NFKC').trim();
  for (const pattern of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidCalendarDate(year, month, day) ? toIsoDate(year, month, day) : undefined;
  }
  return undefined;
}
