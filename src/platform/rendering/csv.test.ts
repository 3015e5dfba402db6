import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, csvLine } from './csv.ts';

test('a text a spreadsheet would run as a formula is neutralised; numbers and plain text stay as written', () => {
  assert.equal(
    csvField('=HYPERLINK("http://evil.example","点我")'),
    `"'=HYPERLINK(""http://evil.example"",""点我"")"`,
  );
  for (const text of ['+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
    assert.ok(csvField(text).replace(/^"/, '').startsWith("'"), text);
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField('某市教育局'), '某市教育局');
  assert.equal(csvField('甲,乙'), '"甲,乙"');
  assert.equal(csvLine(['a', 1, '=x']), "a,1,'=x\n");
});
