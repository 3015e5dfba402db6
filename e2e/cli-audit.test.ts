import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { BIN, runCli, fixture } from './run-cli.ts';
import { carriedOverPair } from '../test-support/carried-over-pair.ts';

const report = (name: string) => fixture(`reports/${name}.txt`);

test('audit reads a published report, says what it read and checks the rules', async () => {
  const run = await runCli(['audit', report('014-shanghai-gov-office-2025')]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /机关：上海市人民政府办公厅\s+年度：2025\s+格式：2021/);
  assert.match(run.stdout, /读出 198\/200 个单元格/);
  assert.match(run.stdout, /未能读出：t2\.regulations\.repealed、t2\.normative_docs\.repealed/);
});

test('audit reads a web page flattened into one line, by the arithmetic of its tables', async () => {
  const run = await runCli([
    'audit',
    report('008-pingtan-2022'),
    report('003-pingtan-market-regulation-2019'),
  ]);
  assert.equal(run.code, 0, run.stdout);
  assert.match(run.stdout, /年度：2022\s+格式：2021\n\s+读出 200\/200 个单元格/);
  assert.match(run.stdout, /年度：2019\s+格式：2019\n\s+读出 190\/\d+ 个单元格/);
  assert.match(run.stdout, /表二“行政许可”一行的数字无法唯一地拆分/);
});

test('audit reads the same report as HTML, DOCX, PDF and XLSX', async () => {
  const variants = ['html', 'docx', 'pdf', 'xlsx'].map((kind) =>
    fixture(`reports/variants/008-pingtan-2022.${kind}`),
  );
  const run = await runCli(['audit', ...variants]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.stdout.match(/读出 200\/200 个单元格/g)?.length, 4);
});

test('audit --previous checks the carry-over against last year and measures repeated text', async () => {
  const run = await runCli([
    'audit',
    '--json',
    report('008-pingtan-2022'),
    '--previous',
    report('008-pingtan-2022'),
  ]);
  const json = JSON.parse(run.stdout);
  assert.equal(json.repeatedShare, 1, 'the same text again is all repeated');
  const carried = json.checks.find((c: { rule: string }) => c.rule === 'R6.total');
  assert.deepEqual([carried.status, carried.lhs, carried.rhs], ['fail', 1, 0]);
});

test('audit --json prints the cells with the line each was read from, and the checks', async () => {
  const run = await runCli(['audit', '--json', report('zhongwei-civil-affairs-2021')]);
  assert.equal(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout);
  assert.equal(json.cells['t2.normative_docs.in_force'], 4);
  assert.ok(json.sources['t2.normative_docs.in_force'].line > 0);
  assert.ok(
    json.checks.some((c: { rule: string; status: string }) => c.rule.startsWith('R1') && c.status === 'pass'),
  );
});

test('audit --json names each cell once: read, ambiguous with its candidates, or unread', async () => {
  // A page whose 表二 digits run together three ways (行政许可 20+1737 among them).
  const run = await runCli(['audit', '--json', fixture('reports/real/pingtan-2023.txt')]);
  const json = JSON.parse(run.stdout) as {
    cells: Record<string, number>;
    ambiguous: Record<string, number[]>;
    unread: string[];
  };
  const ambiguous = Object.keys(json.ambiguous);
  assert.equal(ambiguous.length, 3);
  for (const cell of ambiguous) {
    assert.ok(json.ambiguous[cell]!.length > 1, `${cell} has its candidates`);
    assert.ok(!json.unread.includes(cell), `${cell} is ambiguous, not unread`);
    assert.ok(!(cell in json.cells), `${cell} is not stated as read`);
  }
  for (const cell of json.unread) assert.ok(!(cell in json.cells));
});

test('audit refuses what it cannot read, naming the file and the reason', async () => {
  const pdf = await runCli(['audit', 'missing-report.pdf']);
  assert.equal(pdf.code, 2);
  assert.match(pdf.stderr, /无法读取 missing-report\.pdf：ENOENT/);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-'));
  const prose = join(dir, 'notice.txt');
  writeFileSync(prose, '关于做好政务公开工作的通知\n请各单位认真落实。\n');
  const exe = join(dir, 'report.exe');
  writeFileSync(exe, 'MZ');
  const unsupported = await runCli(['audit', exe]);
  assert.equal(unsupported.code, 2);
  assert.match(unsupported.stderr, /report\.exe：不支持 \.exe 文件：可读取 TXT、HTML、MHT、DOCX、PDF、XLSX/);
  const noTables = await runCli(['audit', prose]);
  assert.equal(noTables.code, 2);
  assert.match(noTables.stdout, /看不出是哪一种年度报告格式/);
});

test('audit --batch writes one row per report, never stops at a bad file, and resumes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-batch-'));
  const folder = join(dir, 'reports');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  for (const name of ['008-pingtan-2022', '014-shanghai-gov-office-2025'])
    copyFileSync(report(name), join(folder, `${name}.txt`));
  copyFileSync(
    fixture('reports/variants/zhongwei-civil-affairs-2021.docx'),
    join(folder, 'sub', 'zhongwei.docx'),
  );
  writeFileSync(join(folder, 'sub', 'truncated.pdf'), '%PDF-1.7\n1 0 obj <<');
  // A page whose 表二 digits run together three ways: three cells ambiguous.
  copyFileSync(fixture('reports/real/pingtan-2023.txt'), join(folder, 'pingtan-2023.txt'));
  const out = join(dir, 'results.csv');
  const summary = join(dir, 'summary.html');
  const first = await runCli(['audit', '--batch', folder, '--out', out, '--summary', summary]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /核查 5 份，跳过已核查的 0 份/);
  assert.match(first.stdout, /单元格：读出 \d+，存疑 3，未读出 \d+/);
  assert.match(first.stdout, /读得最不全的报告：\n[\s\S]*pingtan-2023\.txt：读出 197，存疑 3，未读出 0/);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 6, 'a header and one row per report');
  assert.match(lines.find((l) => l.includes('truncated.pdf')) ?? '', /PDF 文件已损坏或无法解析/);
  assert.match(lines.find((l) => l.includes('zhongwei.docx')) ?? '', /,中卫市民政局,2021,2021,200,0,0,/);
  assert.match(lines.find((l) => l.includes('pingtan-2023')) ?? '', /,平潭综合实验区,2023,2021,197,3,0,/);
  assert.match(readFileSync(summary, 'utf8'), /<svg role="img"[\s\S]*R8/);
  assert.match(readFileSync(summary, 'utf8'), /存疑）3 个[\s\S]*读得最不全的报告[\s\S]*pingtan-2023\.txt/);
  const again = await runCli(['audit', '--batch', folder, '--out', out]);
  assert.match(again.stdout, /核查 0 份，跳过已核查的 5 份/);
  assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 6, 'nothing written twice');
  // A results file with other columns (an older version's) is not continued: its rows would shift.
  const older = join(dir, 'older.csv');
  writeFileSync(older, '\uFEFFfile,agency,year,format,cells_read,cells_unread\nx.txt,某局,2024,2021,200,0\n');
  const refused = await runCli(['audit', '--batch', folder, '--out', older]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /older\.csv 的列与本版本的核查结果不同.*请指定一个新的结果文件/);
  assert.equal(readFileSync(older, 'utf8').split('\n').length, 3, 'the older file left as it was');
});

test('audit --parent sums the children, names the cells that do not add up and the missing ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-family-'));
  const expected = join(dir, 'children.txt');
  writeFileSync(expected, '平潭综合实验区\n某县人民政府\n');
  const run = await runCli([
    'audit',
    '--parent',
    report('014-shanghai-gov-office-2025'),
    '--expect-children',
    expected,
    report('008-pingtan-2022'),
  ]);
  assert.equal(run.code, 1);
  assert.match(run.stdout, /✗ t3\.r3_2\.natural：下级合计 8，超过上级的 2/);
  assert.match(run.stdout, /缺少下级报告：某县人民政府/);
  assert.doesNotMatch(run.stdout, /缺少下级报告：平潭综合实验区/);
});

test('audit --previous: last year’s 结转 splits this year’s 上年结转 printed run together', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-carried-'));
  const pair = carriedOverPair();
  const thisYear = join(dir, '2024.txt');
  const lastYear = join(dir, '2023.txt');
  writeFileSync(thisYear, pair.thisYear);
  writeFileSync(lastYear, pair.lastYear);
  const alone = await runCli(['audit', '--json', thisYear]);
  assert.deepEqual(JSON.parse(alone.stdout).ambiguous['t3.r2.natural'], [1, 11]);
  const run = await runCli(['audit', '--json', thisYear, '--previous', lastYear]);
  assert.equal(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout);
  assert.deepEqual(
    ['natural', 'org_business', 'total'].map((c) => json.cells[`t3.r2.${c}`]),
    [11, 1, 12],
  );
  assert.deepEqual(
    ['natural', 'org_business', 'total'].map((c) => json.cells[`t3.r4.${c}`]),
    [11, 1, 12],
  );
  assert.match(json.sources['t3.r2.natural'].text, /按上年报告“结转下年度继续办理”的数字拆分/);
  const text = await runCli(['audit', thisYear, '--previous', lastYear]);
  assert.match(text.stdout, /问题：表三第 \d+ 行“二、上年结转…”的数字连在一起（按上年报告/);
});

test('audit --batch sets each report’s 上年结转 against last year’s report of the same agency in the batch', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-carry-'));
  const folder = join(dir, 'reports');
  mkdirSync(folder);
  // 平潭综合实验区 2021–2025 as published: each year carries what the year before left.
  copyFileSync(report('008-pingtan-2022'), join(folder, 'pingtan-2022.txt'));
  // 2022 also as its web page: the same report in another file, one year of the agency.
  copyFileSync(fixture('reports/variants/008-pingtan-2022.html'), join(folder, 'pingtan-2022.html'));
  for (const year of [2021, 2023, 2024])
    copyFileSync(fixture(`reports/real/pingtan-${year}.txt`), join(folder, `pingtan-${year}.txt`));
  // 2025 changed to carry 2 in where 2024 carried 0 out.
  const changed = readFileSync(fixture('reports/real/pingtan-2025.txt'), 'utf8').replace(
    '上年结转政府信息公开申请数量0000000',
    '上年结转政府信息公开申请数量2000002',
  );
  assert.match(changed, /申请数量2000002/);
  writeFileSync(join(folder, 'pingtan-2025.txt'), changed);
  const out = join(dir, 'results.csv');
  const summary = join(dir, 'summary.html');
  const run = await runCli(['audit', '--batch', folder, '--out', out, '--summary', summary]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stdout,
    /跨年度结转（R6）：同一机关相邻年度的报告 4 对，上年结转与上年报告的结转下年度不一致 1 对/,
  );
  assert.match(
    run.stdout,
    /平潭综合实验区 2025 年度：上年结转 2，2024 年度报告的结转下年度 0（.*pingtan-2025\.txt；.*pingtan-2024\.txt）/,
  );
  assert.match(readFileSync(summary, 'utf8'), /跨年度结转（R6）[\s\S]*2024→2025<\/td><td>0<\/td><td>2<\/td>/);
  assert.match(run.stdout, /同一机关同一年度有多份报告：1 组（数字一致 1 组，数字不同 0 组）/);
  assert.match(
    readFileSync(summary, 'utf8'),
    /同一机关同一年度的多份报告[\s\S]*<td>2022<\/td><td>.*pingtan-2022\.html<br>.*pingtan-2022\.txt<\/td><td>数字一致（同一份报告）/,
  );
});

test('output read only in part (`… | head`) ends the command quietly, not with a stack trace', async () => {
  const files = ['008-pingtan-2022', '014-shanghai-gov-office-2025', 'zhongwei-civil-affairs-2021'].map(
    report,
  );
  // Enough JSON to pass the pipe's buffer, of which the reader takes ten characters and goes.
  const script = `"$0" audit --json ${files.map((f) => `'${f}'`).join(' ')} ${files.map((f) => `'${f}'`).join(' ')} | head -c 10 > /dev/null`;
  const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', script, BIN], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  assert.equal(run.stderr, '');
  assert.equal(run.code, 0);
});

test('audit --batch over a list: a file the list names that is gone is a row saying so, the rest read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-list-'));
  const list = join(dir, 'list.txt');
  const gone = join(dir, 'moved-away.pdf');
  writeFileSync(list, `${report('008-pingtan-2022')}\n${gone}\n${dir}\n`);
  const out = join(dir, 'results.csv');
  const run = await runCli(['audit', '--batch', list, '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines.find((l) => l.startsWith(gone)) ?? '', /,无法读取：文件不存在,$/);
  assert.match(lines.find((l) => l.startsWith(`${dir},`)) ?? '', /,无法读取：这是一个文件夹,$/);
  assert.match(lines.find((l) => l.includes('008-pingtan-2022')) ?? '', /,平潭综合实验区,2022,2021,200,/);
});

test('audit --batch: last year’s report in the folder splits this year’s 上年结转 run together', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-batch-pair-'));
  const folder = join(dir, 'reports');
  mkdirSync(folder);
  const pair = carriedOverPair();
  writeFileSync(join(folder, '2023.txt'), pair.lastYear);
  writeFileSync(join(folder, '2024.txt'), pair.thisYear);
  const out = join(dir, 'results.csv');
  const run = await runCli(['audit', '--batch', folder, '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  // The 2024 report: every cell read (its 上年结转 11 1 0 0 0 0 12 as 2023 carried it out), none in doubt.
  assert.match(lines.find((l) => l.includes('2024.txt')) ?? '', /,2024,2021,200,0,0,31,12,/);
  assert.match(run.stdout, /单元格：读出 400，存疑 0，未读出 0/);
});

test('audit --batch names the reports whose tables are in the format of other years: printed, in the CSV and the summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-format-'));
  const of2019 = readFileSync(fixture('reports/real/pingtan-2019.txt'), 'utf8');
  writeFileSync(join(dir, 'reused-2023.txt'), of2019.replaceAll('2019年', '2023年'));
  writeFileSync(join(dir, 'proper-2019.txt'), of2019);
  const out = join(dir, 'rows.csv');
  const summary = join(dir, 'summary.html');
  const run = await runCli(['audit', '--batch', dir, '--out', out, '--summary', summary]);
  assert.equal(run.code, 0, run.stderr);
  const note =
    '2023 年度报告应使用国办公开办函〔2021〕30号的格式，这份报告的表格用的是国办公开办函〔2019〕60号的试行格式';
  assert.match(run.stdout, /表格格式与年度不符：1 份/);
  assert.ok(run.stdout.includes(`reused-2023.txt：${note}`), run.stdout);
  const csv = readFileSync(out, 'utf8').split('\n');
  assert.match(csv[0]!, /,problem,format_note$/);
  assert.ok(csv.find((l) => l.includes('reused-2023.txt'))!.endsWith(`,${note}`));
  assert.ok(csv.find((l) => l.includes('proper-2019.txt'))!.endsWith(','));
  assert.ok(readFileSync(summary, 'utf8').includes(`<td>${note}</td>`));
});
