import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText, isHtmlBody, safeBodyHtml } from './document-body.ts';

test('plain text stays text; formatted HTML keeps its structure and loses everything that runs', () => {
  assert.equal(isHtmlBody('第一段\n第二段 a<b'), false);
  assert.equal(safeBodyHtml('第一段\n\n第二段 a<b'), '<p>第一段</p><p>第二段 a&lt;b</p>');
  const html =
    '<h1>标题</h1><p style="color:red" onclick="x()">正文<strong>加粗</strong></p>' +
    '<table><tr><td colspan="2" onmouseover="x()">单元格</td></tr></table>' +
    '<script>alert(1)</script><iframe src="https://evil"></iframe>' +
    '<a href="https://www.gov.cn/">政府网</a><a href="javascript:alert(1)">坏链接</a><img src=x onerror=alert(1)>';
  assert.equal(
    safeBodyHtml(html),
    '<h2>标题</h2><p>正文<strong>加粗</strong></p><table><tr><td colspan="2">单元格</td></tr></table>' +
      '<a href="https://www.gov.cn/" rel="noopener noreferrer">政府网</a><a rel="noopener noreferrer">坏链接</a>',
  );
  assert.equal(bodyText('<p>第一段&amp;</p><p>第二段<br>续行</p>'), '第一段&\n第二段\n续行');
});
