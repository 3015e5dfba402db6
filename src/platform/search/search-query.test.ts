import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { equivalents, resetEquivalents, searchQuery } from './search-query.ts';

test('a word brings its equivalents as alternatives; other words stay required', () => {
  assert.deepEqual(searchQuery('低保 标准').groups, [[['低保'], ['最低', '生活', '保障']], [['标准']]]);
  assert.deepEqual(searchQuery('最低生活保障').groups, [[['低保'], ['最低', '生活', '保障']]]);
  assert.deepEqual(
    searchQuery('城乡居民医保').terms.slice(0, 2),
    ['城乡居民基本医疗保险', '城乡居民医保'],
    'the longest form is taken first',
  );
  assert.deepEqual(searchQuery('％').groups, [], 'signs only: no word');
});

test('an administrator extends the equivalents with a file; a malformed file is refused with its name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-abbr-'));
  const file = join(dir, 'extra.json');
  writeFileSync(file, JSON.stringify([['老旧小区', '老旧小区改造', '旧改']]));
  process.env.GONGKAI_SEARCH_ABBREVIATIONS = file;
  resetEquivalents();
  try {
    assert.ok(equivalents().some((e) => e.includes('旧改')));
    assert.equal(searchQuery('旧改').groups[0]!.length, 3);
    writeFileSync(file, '{"低保": "最低生活保障"}');
    resetEquivalents();
    assert.throws(
      () => equivalents(),
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 应为字符串数组的数组`),
    );
  } finally {
    delete process.env.GONGKAI_SEARCH_ABBREVIATIONS;
    resetEquivalents();
  }
});
