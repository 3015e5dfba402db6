/**
 * Proof by looking: the report's PDF, and its DOCX as LibreOffice prints it, rendered to PNG pages and
 * compared with the committed reference images within a tolerance — so that a layout regression (a
 * heading stranded, a table past the margin, headers one character a line) fails the build. When the
 * layout changes on purpose: `UPDATE_PRINT_REFERENCES=1`, then look at the new images before committing.
 * Needs Debian's poppler-utils and libreoffice-writer-nogui with fonts-noto-cjk (CI installs them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { renderReport } from './render-report.ts';
import { checkConsistency } from '../domain/check-consistency.ts';
import type { AnnualReport } from '../domain/annual-report.ts';
import { huaian2024Cells } from '../../../../test-support/huaian-2024.ts';

const REFERENCES = fileURLToPath(
  new URL('../../../../test-support/fixtures/print-references/', import.meta.url),
);
const UPDATE = process.env.UPDATE_PRINT_REFERENCES === '1';
/** A page may differ from its reference in this share of pixels (anti-aliasing); a changed header line alone is 0.2%. */
const TOLERANCE = 0.001;
const DPI = '40';

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = ['pdftoppm', 'soffice'].filter((c) => !has(c));
const skip =
  missing.length > 0 && !process.env.CI
    ? `skipped: ${missing.join(' and ')} not installed (apt-get install poppler-utils libreoffice-writer-nogui fonts-noto-cjk)`
    : false;

function sample(): AnnualReport {
  const cells = huaian2024Cells();
  return {
    format: '2021',
    year: 2024,
    agency: { name: '淮安市人民政府' },
    cells,
    sections: {
      s1: [
        '2024年，淮安市人民政府深入贯彻落实《中华人民共和国政府信息公开条例》，围绕市委、市政府中心工作，持续深化政务公开。',
        '（一）主动公开情况。全年通过政府网站主动公开政府信息一万余条，发布政策解读三百余篇。',
        '（二）依申请公开情况。本年新收政府信息公开申请2078件，上年结转91件；本年办结2056件，结转下年度继续办理113件。',
        '（三）政府信息管理情况。严格落实公文公开属性源头认定机制，做好保密审查。',
        '（四）政府信息公开平台建设情况。优化政府网站信息公开专栏，整合政务新媒体。',
        '（五）监督保障情况。将政务公开纳入年度绩效考核，组织业务培训两期。',
      ].join('\n'),
      s5: '政策解读形式较为单一。下一步将增加图解、视频等解读方式，提升解读质量。',
      s6: '本年度依据《政府信息公开信息处理费管理办法》发出收费通知3件，实际收取信息处理费2件、共3940元。',
    },
    checks: checkConsistency({ format: '2021', cells }),
  };
}

function pagesOf(pdf: Buffer, prefix: string, directory: string): string[] {
  const file = join(directory, `${prefix}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', DPI, '-png', file, join(directory, prefix)]);
  return readdirSync(directory)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort();
}

function compare(kind: string, pages: string[], directory: string) {
  if (UPDATE) {
    mkdirSync(REFERENCES, { recursive: true });
    for (const stale of readdirSync(REFERENCES).filter((f) => f.startsWith(`${kind}-`)))
      rmSync(join(REFERENCES, stale));
    for (const page of pages) writeFileSync(join(REFERENCES, page), readFileSync(join(directory, page)));
    return;
  }
  const references = readdirSync(REFERENCES)
    .filter((f) => f.startsWith(`${kind}-`))
    .sort();
  assert.deepEqual(pages, references, `${kind}: the pages printed`);
  for (const page of pages) {
    const actual = PNG.sync.read(readFileSync(join(directory, page)));
    const expected = PNG.sync.read(readFileSync(join(REFERENCES, page)));
    assert.deepEqual([actual.width, actual.height], [expected.width, expected.height], `${page}: size`);
    const differing = pixelmatch(actual.data, expected.data, null, actual.width, actual.height, {
      threshold: 0.2,
    });
    const share = differing / (actual.width * actual.height);
    assert.ok(
      share <= TOLERANCE,
      `${page} differs from its reference in ${(share * 100).toFixed(2)}% of pixels`,
    );
  }
}

test('the PDF prints as the reference pages do', { skip }, async () => {
  const directory = mkdtempSync(join(tmpdir(), 'gongkai-print-'));
  const pdf = await renderReport(sample(), 'pdf', {
    notice: '本文件按办理记录统计，不是正式发布的年度报告。',
  });
  compare('pdf', pagesOf(pdf, 'pdf', directory), directory);
});

test('the DOCX, as LibreOffice prints it, matches the reference pages', { skip }, async () => {
  const directory = mkdtempSync(join(tmpdir(), 'gongkai-print-'));
  const docx = join(directory, 'report.docx');
  writeFileSync(
    docx,
    await renderReport(sample(), 'docx', { notice: '本文件按办理记录统计，不是正式发布的年度报告。' }),
  );
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(directory, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      directory,
      docx,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  assert.ok(existsSync(join(directory, 'report.pdf')), 'LibreOffice printed the DOCX');
  compare('docx', pagesOf(readFileSync(join(directory, 'report.pdf')), 'docx', directory), directory);
});
