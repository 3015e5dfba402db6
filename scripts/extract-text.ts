/** Prints the text the importer extracts from a report file (what the reader sees), for looking at real files. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extractReportText } from '../src/features/report-import/extract/extract-report-text.ts';

const file = process.argv[2];
if (!file) {
  console.error('用法：node --import tsx scripts/extract-text.ts 报告文件');
  process.exit(2);
}
const result = await extractReportText(basename(file), readFileSync(file));
if (!result.ok) {
  console.error(JSON.stringify(result.error));
  process.exit(1);
}
console.log(result.value.text);
