/** `gongkai audit --batch <folder|list> --out results.csv|xlsx [--summary summary.html]`. */
import { open, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { parse } from 'csv-parse/sync';
import {
  auditBatch,
  BATCH_COLUMNS,
  endsItsFile,
  filesDone,
  readingTotals,
  ruleFailureCounts,
  type BatchRow,
} from '../../features/report-import/use-cases/audit-batch.ts';
import { reportFileKind } from '../../features/report-import/extract/extract-report-text.ts';
import {
  carryAcrossYears,
  differingText,
  sameAgencyYear,
  type CarryMismatch,
  type SameYearReports,
} from '../../features/report-import/use-cases/batch-carry-over.ts';
import { escapeHtml } from '../../features/annual-report/export/report-html.ts';
import { CliError } from './output.ts';
import { csvLine } from '../../platform/rendering/csv.ts';
import type { CliIo } from './report-commands.ts';

/** A file of the batch's list, or why it cannot be read, in words (the list may name a file since moved). */
async function readReportFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EACCES' || code === 'EPERM'
          ? '没有读取权限'
          : code === 'EISDIR'
            ? '这是一个文件夹'
            : (error as Error).message;
    throw new Error(why);
  }
}

async function filesOf(source: string): Promise<string[]> {
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new CliError(`没有 ${source}：--batch 应为文件夹，或每行一个文件路径的清单`);
  if (info.isFile())
    return (await readFile(source, 'utf8'))
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (reportFileKind(entry.name)) found.push(path);
    }
  };
  await walk(source);
  return found.sort();
}

async function existingRows(out: string): Promise<BatchRow[]> {
  const text = await readFile(out, 'utf8').catch(() => undefined);
  if (!text) return [];
  // Rows are appended under the file's header: a file made by another version (other columns) is not
  // continued, or its rows would shift under the wrong headings.
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (header.trim() && header.trim() !== csvLine(BATCH_COLUMNS).trim())
    throw new CliError(
      `${out} 的列与本版本的核查结果不同（应为 ${BATCH_COLUMNS.join(',')}），无法接着写入：请指定一个新的结果文件`,
    );
  // A field written neutralised ('=…) is read back as it was, so a resumed batch recognises its files.
  return parse(text.replace(/^\uFEFF/, ''), {
    columns: true,
    skip_empty_lines: true,
    cast: (value) => value.replace(/^'(?=[=+\-@\t\r])/, ''),
  }) as BatchRow[];
}

function summaryHtml(rows: readonly BatchRow[]): string {
  const counts = ruleFailureCounts(rows);
  const max = Math.max(1, ...counts.map((c) => c.reports));
  const bars = counts
    .map(
      (c, i) =>
        `<g transform="translate(0,${i * 28})"><text x="0" y="18">${escapeHtml(c.rule)}</text>` +
        `<rect x="60" y="4" height="18" width="${Math.round((c.reports / max) * 400)}" fill="#b3261e"/>` +
        `<text x="${70 + Math.round((c.reports / max) * 400)}" y="18">${c.reports}</text></g>`,
    )
    .join('');
  const unreadable = rows.filter((r) => r.problem).length;
  const totals = readingTotals(rows);
  const worst = totals.worst
    .map(
      (w) =>
        `<tr><td>${escapeHtml(w.file)}</td><td>${w.read}</td><td>${w.ambiguous}</td><td>${w.unread}</td></tr>`,
    )
    .join('\n');
  const carry = carryAcrossYears(rows);
  const carryRows = carry.mismatches
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.agency)}</td><td>${m.year - 1}→${m.year}</td><td>${m.carriedOutBefore}</td><td>${m.carriedIn}</td><td>${escapeHtml(m.previousFile)}<br>${escapeHtml(m.file)}</td></tr>`,
    )
    .join('\n');
  const carrySection = carry.pairs
    ? `<h2>跨年度结转（R6）</h2>\n<p>同一机关相邻年度的报告 ${carry.pairs} 对，上年结转与上年报告的结转下年度不一致 ${carry.mismatches.length} 对。</p>${carryRows ? `\n<table border="1" cellpadding="4"><tr><th>机关</th><th>年度</th><th>上年报告：结转下年度</th><th>本年报告：上年结转</th><th>文件</th></tr>\n${carryRows}\n</table>` : ''}`
    : '';
  const same = sameAgencyYear(rows);
  const sameRows = same
    .map(
      (g) =>
        `<tr><td>${escapeHtml(g.agency)}</td><td>${g.year}</td><td>${g.files.map(escapeHtml).join('<br>')}</td><td>${g.differing.length ? escapeHtml(differingText(g)) : '数字一致（同一份报告）'}</td></tr>`,
    )
    .join('\n');
  const sameSection = same.length
    ? `<h2>同一机关同一年度的多份报告</h2>\n<table border="1" cellpadding="4"><tr><th>机关</th><th>年度</th><th>文件</th><th>不同之处</th></tr>\n${sameRows}\n</table>`
    : '';
  const misformatted = rows.filter((r) => r.format_note);
  const formatSection = misformatted.length
    ? `<h2>表格格式与年度不符的报告</h2>\n<table border="1" cellpadding="4"><tr><th>文件</th><th>说明</th></tr>\n${misformatted.map((r) => `<tr><td>${escapeHtml(r.file)}</td><td>${escapeHtml(r.format_note)}</td></tr>`).join('\n')}\n</table>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>年度报告核查汇总</title></head><body>
<h1>年度报告核查汇总</h1>
<p>共 ${rows.length} 份报告，无法读取 ${unreadable} 份。</p>
<p>单元格：读出 ${totals.read} 个，有几种可能（存疑）${totals.ambiguous} 个，未读出 ${totals.unread} 个。</p>
${worst ? `<h2>读得最不全的报告</h2>\n<table border="1" cellpadding="4"><tr><th>文件</th><th>读出</th><th>存疑</th><th>未读出</th></tr>\n${worst}\n</table>` : ''}
${formatSection}
${carrySection}
${sameSection}
<h2>各项勾稽关系未通过的报告数</h2>
<svg role="img" aria-label="各规则未通过的报告数" width="560" height="${Math.max(28, counts.length * 28)}" font-size="14">${bars}</svg>
<table border="1" cellpadding="4"><tr><th>规则</th><th>未通过的报告数</th></tr>
${counts.map((c) => `<tr><td>${escapeHtml(c.rule)}</td><td>${c.reports}</td></tr>`).join('\n')}
</table></body></html>
`;
}

export async function runAuditBatch(
  source: string,
  options: { out?: string; summary?: string },
  io: CliIo,
): Promise<void> {
  if (!options.out) throw new CliError('批量核查需要 --out 结果文件（.csv 或 .xlsx）');
  const asXlsx = options.out.toLowerCase().endsWith('.xlsx');
  if (!asXlsx && !options.out.toLowerCase().endsWith('.csv'))
    throw new CliError(`--out ${options.out}：结果文件应为 .csv 或 .xlsx`);
  const files = await filesOf(source);
  const previous = asXlsx ? [] : await existingRows(options.out);
  const done = new Set(previous.map((r) => r.file));
  if (!asXlsx && previous.length === 0) await writeFile(options.out, `\uFEFF${csvLine(BATCH_COLUMNS)}`);
  const rows: BatchRow[] = [...previous];
  const bar = new cliProgress.SingleBar(
    {
      format: '核查 [{bar}] {value}/{total} {file}',
      noTTYOutput: true,
      notTTYSchedule: 5000,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const finished = filesDone(done);
  bar.start(files.length, files.filter((f) => finished.has(f)).length, { file: '' });
  // Each row written as it comes (an interrupted batch keeps it), through one open file.
  const csv = asXlsx ? undefined : await open(options.out, 'a');
  const result = await auditBatch(files, readReportFile, done, async (row) => {
    rows.push(row);
    if (csv) await csv.write(csvLine(BATCH_COLUMNS.map((c) => row[c])));
    // A file at a time: a compilation's (file#1/3…) at its last report.
    if (endsItsFile(row.file)) bar.increment({ file: row.file });
  }).finally(() => csv?.close());
  bar.stop();
  if (asXlsx) {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('核查结果');
    sheet.addRow([...BATCH_COLUMNS]);
    for (const row of rows) sheet.addRow(BATCH_COLUMNS.map((c) => row[c]));
    await workbook.xlsx.writeFile(options.out);
  }
  if (options.summary) await writeFile(options.summary, summaryHtml(rows));
  io.out(`核查 ${result.audited} 份，跳过已核查的 ${result.skipped} 份；结果：${options.out}\n`);
  const totals = readingTotals(rows);
  io.out(`  单元格：读出 ${totals.read}，存疑 ${totals.ambiguous}，未读出 ${totals.unread}\n`);
  if (totals.worst.length) {
    io.out('  读得最不全的报告：\n');
    for (const w of totals.worst.slice(0, 5))
      io.out(`    ${w.file}：读出 ${w.read}，存疑 ${w.ambiguous}，未读出 ${w.unread}\n`);
  }
  for (const { rule, reports } of ruleFailureCounts(rows)) io.out(`  ${rule} 未通过：${reports} 份\n`);
  const misformatted = rows.filter((r) => r.format_note);
  if (misformatted.length) {
    io.out(`  表格格式与年度不符：${misformatted.length} 份\n`);
    for (const r of misformatted.slice(0, 10)) io.out(`    ${r.file}：${r.format_note}\n`);
    if (misformatted.length > 10) io.out(`    等 ${misformatted.length} 份（见结果文件 format_note 列）\n`);
  }
  printCarry(carryAcrossYears(rows), io);
  printSameYear(sameAgencyYear(rows), io);
  const unreadable = rows.filter((r) => r.problem).length;
  if (unreadable) io.out(`  无法读取：${unreadable} 份（原因见结果文件 problem 列）\n`);
}

/** R6 across the batch: pairs of consecutive years of one agency, and those that do not carry. */
function printCarry(carry: { pairs: number; mismatches: readonly CarryMismatch[] }, io: CliIo): void {
  if (carry.pairs === 0) return;
  io.out(
    `  跨年度结转（R6）：同一机关相邻年度的报告 ${carry.pairs} 对，上年结转与上年报告的结转下年度不一致 ${carry.mismatches.length} 对\n`,
  );
  for (const m of carry.mismatches.slice(0, 10))
    io.out(
      `    ${m.agency} ${m.year} 年度：上年结转 ${m.carriedIn}，${m.year - 1} 年度报告的结转下年度 ${m.carriedOutBefore}（${m.file}；${m.previousFile}）\n`,
    );
  if (carry.mismatches.length > 10) io.out(`    等 ${carry.mismatches.length} 对（见 --summary）\n`);
}

/** One agency's year in several files: how many are one report in several forms, and those that differ. */
function printSameYear(same: readonly SameYearReports[], io: CliIo): void {
  if (same.length === 0) return;
  const differ = same.filter((g) => g.differing.length > 0);
  io.out(
    `  同一机关同一年度有多份报告：${same.length} 组（数字一致 ${same.length - differ.length} 组，数字不同 ${differ.length} 组）\n`,
  );
  for (const g of differ.slice(0, 10))
    io.out(`    ${g.agency} ${g.year} 年度：${differingText(g)}（${g.files.join('；')}）\n`);
  if (differ.length > 10) io.out(`    等 ${differ.length} 组（见 --summary）\n`);
}
