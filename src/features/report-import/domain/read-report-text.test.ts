import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { normalizeLabel, reportFormat } from '../../annual-report/index.ts';
import { auditReportText } from '../use-cases/audit-report.ts';
import { isTable3Row, splitDigits } from './split-digits.ts';
import { detectFormat, readReportText, tableRowsRunTogether } from './read-report-text.ts';
import { isNumberCell, numbersOfLine, ROW_LABEL_WORDS } from './text-numbers.ts';

const fixture = (name: string) => ({
  text: readFileSync(
    new URL(`../../../../test-support/fixtures/reports/${name}.txt`, import.meta.url),
    'utf8',
  ),
  expected: JSON.parse(
    readFileSync(
      new URL(`../../../../test-support/fixtures/reports/${name}.expected.json`, import.meta.url),
      'utf8',
    ),
  ) as {
    agency: string;
    year: number;
    format: string;
    consistent?: boolean;
    cells: Record<string, number>;
  },
});

const FIXTURES = [
  'zhongwei-civil-affairs-2021',
  '014-shanghai-gov-office-2025',
  '008-pingtan-2022',
  '003-pingtan-market-regulation-2019',
];

for (const name of FIXTURES) {
  test(`${name}: every cell as the expected JSON says, the rest named as unread`, () => {
    const { text, expected } = fixture(name);
    const reading = readReportText(text);
    assert.equal(reading.format, expected.format);
    assert.equal(reading.year, expected.year);
    assert.ok(reading.agency && expected.agency.startsWith(reading.agency), `${reading.agency}`);
    assert.deepEqual(reading.cells, expected.cells);
    assert.deepEqual(
      reading.unread,
      reportFormat(expected.format as '2021' | '2019').cellIds.filter((c) => !(c in expected.cells)),
    );
    for (const cell of Object.keys(reading.cells)) assert.ok(reading.sources[cell]!.line > 0, cell);
    assert.deepEqual(reading.extraRows, [], 'no row of the format is taken for a local one');
    if (expected.consistent) {
      const failed = auditReportText(text).checks.filter(
        (c) => c.severity === 'error' && c.status === 'fail',
      );
      assert.deepEqual(
        failed.map((c) => c.rule),
        [],
        'a consistent report passes every error rule',
      );
    }
  });
}

test('a cell keeps the line it was read from', () => {
  const { text } = fixture('zhongwei-civil-affairs-2021');
  const reading = readReportText(text);
  const line = text.split('\n')[reading.sources['t3.r1.total']!.line - 1] ?? '';
  assert.match(line, /^一、本年新收政府信息公开申请数量/);
});

test('a run of digits is split only where the arithmetic leaves one way', () => {
  assert.deepEqual(splitDigits('713000074', 7, isTable3Row), [[71, 3, 0, 0, 0, 0, 74]]);
  assert.deepEqual(splitDigits('222', 3), [[2, 2, 2]]);
  assert.equal(splitDigits('20+1737', 3, undefined, 1).length, 3, '+17|37, +173|7 and +1|737 all fit');
  assert.ok(splitDigits('20+1737', 3, undefined, 1).every((values) => values[0] === 20));
});

test('numbers of a line: separators, blanks as zero, no label enumerators or page marks', () => {
  assert.deepEqual(
    numbersOfLine('| 1.属于国家秘密 | 4 | - | / | 1,234 | 无 | 0 | 4 |', 7).map((n) => n.value),
    [4, 0, 0, 1234, 0, 0, 4],
  );
  assert.deepEqual(numbersOfLine('— 5 —', 1), []);
  assert.equal(detectFormat('信息内容 本年新制作数量 本年新公开数量'), '2019');
  assert.equal(detectFormat('没有表格的文字'), undefined);
});

test('an extra local row in table 三 is set aside and named, the rows of the format still read', () => {
  const { text, expected } = fixture('zhongwei-civil-affairs-2021');
  const withExtra = text.replace(
    /(二、上年结转政府信息公开申请数量[^\n]*\n)/,
    '$1其中：通过网站提交的申请\t3\t0\t0\t0\t0\t0\t3\n',
  );
  assert.notEqual(withExtra, text);
  const reading = readReportText(withExtra);
  assert.deepEqual(reading.cells, expected.cells);
  assert.ok(
    reading.problems.some((p) => p.includes('其中:通过网站提交的申请')),
    reading.problems.join('；'),
  );
});

test('an extra local row in table 二 or 四 is set aside and named; the format rows still read', () => {
  const { text, expected } = fixture('zhongwei-civil-affairs-2021');
  const withExtra = text
    .replace(/(行政规范性文件\t1\t1\t4\n)/, '$1其他主动公开文件\t12\t3\t40\n')
    .replace(/(\n0(\t0){14}\n)/, '$1其中：涉及申请人隐私\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n');
  const reading = readReportText(withExtra);
  assert.deepEqual(reading.cells, expected.cells);
  assert.deepEqual(
    reading.extraRows.map((r) => [r.table, r.label, r.values.length, r.values[0]]),
    [
      ['t2', '其他主动公开文件', 3, 12],
      ['t4', '其中:涉及申请人隐私', 15, 1],
    ],
  );
  assert.ok(reading.problems.some((p) => p.includes('表二第') && p.includes('其他主动公开文件')));
});

test('table 二: a label split over lines, numbers on the line after, a spreadsheet grid of columns', () => {
  const { text, expected } = fixture('zhongwei-civil-affairs-2021');
  const reflowed = text
    .replace('行政规范性文件\t1\t1\t4', '行政规范\n性文件 1 1 4')
    .replace('行政许可\t10\t\t', '行政许可\n10')
    .replace(
      /信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0/,
      '信息内容\t\t\t本年制发件数\t\t本年废止件数\t\t现行有效件数\t\n规章\t\t\t0\t\t\t\t0\t',
    );
  assert.notEqual(reflowed, text);
  const reading = readReportText(reflowed);
  const t2 = (cells: Record<string, number>) =>
    Object.fromEntries(Object.entries(cells).filter(([c]) => c.startsWith('t2.')));
  const { ['t2.regulations.repealed']: blank, ...rest } = t2(expected.cells);
  assert.equal(blank, 0);
  assert.deepEqual(t2(reading.cells), rest, 'the blank cell of the grid stays unread, the others in place');
  assert.ok(reading.unread.includes('t2.regulations.repealed'));
  assert.equal(reading.sources['t2.regulations.in_force']?.column, 8);
});

test('flattened text: a local row run into the table is named and leaves the format rows intact', () => {
  const { text, expected } = fixture('003-pingtan-market-regulation-2019');
  const cases = [
    ['规范性文件222', '规范性文件222其他主动公开文件304050', 't2', '其他主动公开文件'],
    ['数量0000000三、', '数量0000000其中：网上申请1000001三、', 't3', '其中:网上申请'],
    ['000000000000000五、', '000000000000000其中：涉及隐私000000000000000五、', 't4', '其中:涉及隐私'],
  ] as const;
  for (const [plain, withExtra, table, label] of cases) {
    assert.ok(text.includes(plain), plain);
    const reading = readReportText(text.replace(plain, withExtra));
    assert.deepEqual(reading.cells, expected.cells, withExtra);
    assert.deepEqual(
      reading.extraRows.map((r) => [r.table, r.label]),
      [[table, label]],
    );
  }
});

test("the agency's own text of sections 一, 五 and 六, by their headings, from lines or from a page's run-on text", () => {
  const sections = (name: string) => readReportText(fixture(name).text).sections ?? {};
  const zhongwei = sections('zhongwei-civil-affairs-2021');
  assert.match(zhongwei.s1!, /^（一）主动公开政府信息情况\n2021 年，市民政局认真贯彻落实/);
  assert.match(zhongwei.s5!, /^（一）存在问题及不足\n/);
  assert.match(zhongwei.s6!, /（二）信息处理费情况\n2021年，我局未收到政府信息公开申请，未收取信息处理费。$/);
  // No table line is taken for prose.
  for (const text of Object.values(zhongwei)) assert.doesNotMatch(text!, /\t|本年新收政府信息公开申请数量/);
  // A PDF's text: lines broken where the page was full joined back; the page number left out; a
  // section whose heading the text lost (五) is not made up.
  const shanghai = sections('014-shanghai-gov-office-2025');
  assert.match(
    shanghai.s1!,
    /^2025 年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻/,
  );
  assert.equal(shanghai.s6, '2025 年度本机关未收取信息公开处理费。');
  assert.equal(shanghai.s5, undefined);
  // A web page's text with every paragraph on one line: by the headings inside it.
  const pingtan = sections('008-pingtan-2022');
  assert.match(pingtan.s1!, /^2022年，平潭综合实验区坚持/);
  assert.match(pingtan.s1!, /\n（二）依申请公开方面 /);
  assert.doesNotMatch(pingtan.s1!, /主动公开政府信息情况第二十条/);
  assert.match(pingtan.s5!, /^2022年，平潭综合实验区政府信息公开工作取得了一定成绩/);
  assert.equal(pingtan.s6, '2022年，无收取信息处理费情况。');
  // What the website put around the report (抄送, 来源, 附件下载) is not the report's text.
  const market = sections('003-pingtan-market-regulation-2019');
  assert.match(market.s6!, /^无其他需要报告事项。/);
  assert.doesNotMatch(market.s6!, /抄送|来源|附件下载/);
});

/**
 * The 中卫 report with each of table 三's 25 rows rewritten: its label cells kept, its values replaced by
 * what `values` gives for the row's place (1 to 25).
 */
function withTable3Values(values: (row: number) => string[]): { text: string; rows: number } {
  const lines = fixture('zhongwei-civil-affairs-2021').text.split('\n');
  const start = lines.findIndex((l) => l.includes('收到和处理政府信息公开申请情况'));
  const end = lines.findIndex((l, i) => i > start && l.includes('政府信息公开行政复议'));
  const numeric = (cell: string) => /^\d+$/u.test(cell.trim());
  let rows = 0;
  const text = lines
    .map((line, i) => {
      const cells = line.replace(/\t+$/u, '').split('\t');
      if (i <= start || i >= end || cells.length < 8 || !cells.slice(-7).every(numeric)) return line;
      rows++;
      return [...cells.slice(0, cells.findIndex(numeric)), ...values(rows)].join('\t');
    })
    .join('\n');
  return { text, rows };
}

test('a 2021 report whose 表二 row is headed 规范性文件 (the 2019 words) is read all the same', () => {
  const { text } = fixture('zhongwei-civil-affairs-2021');
  assert.match(text, /行政规范性文件\t1\t1\t4/);
  const reading = readReportText(text.replace('行政规范性文件\t1\t1\t4', '规范性文件\t1\t1\t4'));
  assert.deepEqual(
    [
      reading.cells['t2.normative_docs.made'],
      reading.cells['t2.normative_docs.repealed'],
      reading.cells['t2.normative_docs.in_force'],
    ],
    [1, 1, 4],
  );
  assert.deepEqual(reading.unread, []);
});

test('a page that prints the 法人或其他组织 columns of table 三 empty is read, its blanks as 0 in place', () => {
  // Natural persons only: the organisation columns printed empty, 总计 = 自然人.
  const { text, rows } = withTable3Values((row) => [String(row), '', '', '', '', '', String(row)]);
  assert.equal(rows, 25, 'the 25 rows of table 三');
  const reading = readReportText(text);
  assert.deepEqual(reading.problems, []);
  assert.equal(reading.cells['t3.r1.natural'], 1);
  assert.equal(reading.cells['t3.r1.org_legal'], 0);
  assert.equal(reading.cells['t3.r4.total'], 25);
  assert.equal(reading.cells['t3.r3_5_4.total'], reading.cells['t3.r3_5_4.natural']);
});

test('a page that prints 总计 empty beside six filled cells reads it as their sum', () => {
  const { text } = withTable3Values((row) => [String(row), '1', '0', '0', '2', '0', '']);
  const reading = readReportText(text);
  assert.deepEqual(reading.problems, []);
  assert.equal(reading.cells['t3.r1.total'], 1 + 1 + 2);
  assert.equal(reading.cells['t3.r4.total'], 25 + 3);
});

test('digits that split more than one way are reported with their candidates, never as read', () => {
  const { text } = fixture('003-pingtan-market-regulation-2019');
  assert.ok(text.includes('行政许可20+1737'));
  const reading = readReportText(text);
  assert.equal(reading.cells['t2.licensing.items_prev_year'], 20, 'the number before the sign is certain');
  assert.deepEqual(reading.ambiguous['t2.licensing.items_change'], [1, 17, 173]);
  assert.deepEqual(reading.ambiguous['t2.licensing.decisions'], [7, 37, 737]);
  // A count column never gets a decimal candidate.
  for (const [cell, values] of Object.entries(reading.ambiguous))
    if (!cell.endsWith('procurement_amount')) assert.ok(values.every(Number.isInteger), cell);
  assert.equal(reading.cells['t2.licensing.decisions'], undefined);
  assert.ok(reading.unread.includes('t2.licensing.decisions'), 'an ambiguous cell is not read');
});

test('a table headed with the wrong numeral (表三 as “二、收到和处理…”) is read as itself, no row filed under 表二', () => {
  for (const name of ['008-pingtan-2022', 'zhongwei-civil-affairs-2021']) {
    const { text, expected } = fixture(name);
    const misnumbered = text
      .replace('三、收到和处理政府信息公开申请情况', '二、收到和处理政府信息公开申请情况')
      .replace('四、政府信息公开行政复议', '三、政府信息公开行政复议');
    assert.notEqual(misnumbered, text);
    const reading = readReportText(misnumbered);
    assert.deepEqual(reading.cells, expected.cells, name);
    assert.deepEqual(reading.extraRows, [], `${name}: no table 三 row taken for a local row of 表二`);
  }
});

test('flattened text: 采购 printed with its units (1个246900元) reads as its two numbers', () => {
  const { text } = fixture('003-pingtan-market-regulation-2019');
  const match = /政府集中采购[\d.]+/.exec(text);
  assert.ok(match, 'the fixture prints 政府集中采购');
  const reading = readReportText(text.replace(match[0], '政府集中采购1个246900元'));
  assert.equal(reading.cells['t2.central_procurement.procurement_items'], 1);
  assert.equal(reading.cells['t2.central_procurement.procurement_amount'], 246900);
});

test('each cell keeps its evidence: the line as printed, or a flattened row’s label and digits', () => {
  const zhongwei = fixture('zhongwei-civil-affairs-2021');
  const reading = readReportText(zhongwei.text);
  assert.match(reading.sources['t3.r1.total']!.text!, /^一、本年新收政府信息公开申请数量 \d/);
  assert.match(reading.sources['t2.licensing.decisions']!.text!, /^行政许可 10/);
  const flattened = readReportText(fixture('008-pingtan-2022').text);
  for (const source of Object.values(flattened.sources))
    assert.ok(source.text, 'every cell has its evidence');
  assert.match(flattened.sources['t3.r1.natural']!.text!, /^一、本年新收政府信息公开申请数量 \d+$/);
});

test('cells printed blank or as “-” are read as 0 and named as blank (R9), never taken for a printed 0', () => {
  const { text } = withTable3Values((row) =>
    row === 3 ? ['-', '—', '/', '无', '', '0', '0'] : ['0', '0', '0', '0', '0', '0', '0'],
  );
  const reading = readReportText(text);
  const marked = ['natural', 'org_business', 'org_research', 'org_nonprofit', 'org_legal'].map(
    (c) => `t3.r3_1.${c}`,
  );
  for (const cell of marked) assert.equal(reading.cells[cell], 0, cell);
  assert.deepEqual(reading.blank, marked);
  const r9 = auditReportText(text).checks.find((c) => c.rule === 'R9');
  assert.equal(r9?.status, 'fail');
  assert.deepEqual(r9?.cells, marked);
  assert.deepEqual(readReportText(fixture('zhongwei-civil-affairs-2021').text).blank, []);
});

test('rows run together on a line are told from the prose that names the same rows', () => {
  // The prose's summary and a paragraph naming 规章 and 规范性文件: numbers each with its unit, or a year.
  for (const prose of [
    '（二）依申请公开情况。本年新收政府信息公开申请74件，上年结转1件；本年办结75件，其中予以公开21件。',
    '本年制发规章0件、行政规范性文件88件，废止规章0件、行政规范性文件55件；截至年底，现行有效规章0件。',
    '按照《关于全面集中清理全市地方性法规政府规章和行政规范性文件的实施方案》（卫法办发〔2020〕23 号），对 2004 年设市以来…',
  ])
    assert.equal(tableRowsRunTogether([prose]), false, prose);
  // A table's rows on one line: numbers as cells, spaced or run together.
  for (const table of [
    '一、本年新收政府信息公开申请数量 74 0 0 0 0 0 74 二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1',
    '一、本年新收政府信息公开申请数量713000074二、上年结转政府信息公开申请数量1000001三、本年度办理结果',
    '信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 88 55 698',
    '规章000行政规范性文件8855698第二十条第（五）项信息内容本年处理决定数量行政许可10690行政处罚2113',
  ])
    assert.equal(tableRowsRunTogether(['标题', table]), true, table);
});

test('a line’s label words: its cells that read as numbers or blank marks left out, as the plain definition', () => {
  // The plain definition (each token of the folded line tried as a cell), which the reader shortens.
  const plain = (text: string) =>
    normalizeLabel(
      text
        .normalize('NFKC')
        .split(/[|\t]|\s+/)
        .filter((token) => !isNumberCell(token))
        .join(''),
    );
  const folder = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
  const lines = [
    ...readdirSync(folder).filter((name) => name.endsWith('.txt')),
    ...readdirSync(new URL('real/', folder)).map((name) => `real/${name}`),
  ].flatMap((name) => readFileSync(new URL(name, folder), 'utf8').split('\n'));
  lines.push('①予以公开 ② 3', '（三）不予公开｜１｜２', '其中：网上申请\u3000—\u3000无', '规章 ¹ 0 /', '');
  assert.ok(lines.length > 2000);
  for (const line of lines) assert.equal(ROW_LABEL_WORDS(line), plain(line), line);
});

test('a page that runs table 二 together on one line, table 三 printed as a table: each table read its own way', () => {
  const { text, expected } = fixture('zhongwei-civil-affairs-2021');
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('第二十条第（一）项'));
  const to = lines.findIndex((l) => l.startsWith('三、收到和处理'));
  // Table 二's rows with their cells run together, as a copy of a page of several small tables gives them.
  const runOn = lines
    .slice(from, to)
    .map((l) => l.replace(/\s+/g, ''))
    .join('');
  assert.match(runOn, /规章000行政规范性文件114第二十条/);
  const reading = readReportText([...lines.slice(0, from), runOn, ...lines.slice(to)].join('\n'));
  assert.deepEqual(reading.cells, expected.cells, 'every cell, none wrong');
  assert.deepEqual(Object.keys(reading.cells), reportFormat('2021').cellIds, 'in the format’s order');
  // The report prints eight zeros in its rows （七）总计 and 四: read as zeros whichever is the stray, and said.
  assert.deepEqual(
    reading.problems.map((p) => p.replace(/第 \d+ 行/, '第 N 行')),
    Array(2).fill('表三第 N 行印出 8 个数字，多了 1 个，去掉多的之后前六个之和等于总计的只有一种，按它读出'),
  );
  // Table 二's cells from the run-on line (under its heading), with their row's words and digits;
  // table 三's from its own lines, as before.
  const heading = lines.findIndex((l) => l.startsWith('二、主动公开政府信息情况')) + 1;
  assert.deepEqual(reading.sources['t2.normative_docs.made'], { line: heading, text: '行政规范性文件 114' });
  assert.equal(reading.sources['t3.r1.total']!.text, '一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0');
});
