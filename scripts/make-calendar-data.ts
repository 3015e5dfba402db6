// Writes src/shared/domain/work-calendar-data/china.json — the national working-day calendar (法定节假日
// and 调休上班日) for 2019 onward — from the chinese-days package, a maintained transcription of the State
// Council's yearly notices. The output is the application's own data; a new year's notice is imported by
// an administrator (gongkai calendar import). Run: node --import tsx scripts/make-calendar-data.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
const version = (
  JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as { version: string }
).version;

/** chinese-days writes "National Day,国庆节,3": keep the Chinese name. */
const FULL_NAMES: Record<string, string> = { 端午: '端午节', 中秋: '中秋节', 清明: '清明节' };
const chineseName = (value: string) => {
  const name = value.split(',')[1] ?? value;
  return FULL_NAMES[name] ?? name;
};

const years: Record<string, { holidays: Record<string, string>; makeupWorkdays: Record<string, string> }> =
  {};
for (const [kind, table] of [
  ['holidays', source.holidays],
  ['makeupWorkdays', source.workdays],
] as const) {
  for (const [date, value] of Object.entries(table).sort()) {
    const year = date.slice(0, 4);
    if (Number(year) < 2019) continue;
    years[year] ??= { holidays: {}, makeupWorkdays: {} };
    years[year][kind][date] = chineseName(value);
  }
}
const data = {
  jurisdiction: 'CN',
  source: `国务院办公厅关于部分节假日安排的通知（转录自 chinese-days ${version}）`,
  years,
};
writeFileSync(
  new URL('../src/shared/domain/work-calendar-data/china.json', import.meta.url),
  JSON.stringify(data, null, 1) + '\n',
);
console.log(`wrote ${Object.keys(years).join(', ')}`);
