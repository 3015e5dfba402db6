/**
 * Two years of one agency's report (a PDF-text shape): this year's 上年结转 printed with its seven numbers
 * run together (`111000012` splits as 1 1 1 … 12 or 11 1 … 12), last year's 结转下年度 printed apart as
 * 11 1 0 0 0 0 12 — the split last year's report decides.
 */
import { readFileSync } from 'node:fs';
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

export function carriedOverPair(): { thisYear: string; lastYear: string } {
  const shape = readFileSync(fixture('reports/shapes/pdf-text-broken-rows.txt'), 'utf8');
  return {
    thisYear: shape
      .replace('2023 年政府信息公开工作年度报告', '2024 年政府信息公开工作年度报告')
      .replace(
        '一、本年新收政府信息公开申请数量 28 2 0 0 0 0 30',
        '一、本年新收政府信息公开申请数量 29 2 0 0 0 0 31',
      )
      .replace('二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1', '二、上年结转政府信息公开申请数量 111000012')
      .replace('四、结转下年度继续办理 0 0 0 0 0 0 0', '四、结转下年度继续办理 111000012'),
    lastYear: shape.replace('四、结转下年度继续办理 0 0 0 0 0 0 0', '四、结转下年度继续办理 11 1 0 0 0 0 12'),
  };
}
