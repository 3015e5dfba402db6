/** The frame of every public page: escaped by construction, works without JavaScript, readable on a phone. */
import { escapeHtml, REPORT_CSS } from '../../src/features/annual-report/export/report-html.ts';

export { escapeHtml };

/** HTML that is already escaped: only `html` template results and `escapeHtml` output may become one. */
export interface SafeHtml {
  readonly __html: string;
}

export function raw(html: string): SafeHtml {
  return { __html: html };
}

/** A template tag that escapes every interpolated value unless it is SafeHtml (or an array of them). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += toHtml(value) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

function toHtml(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(toHtml).join('');
  if (typeof value === 'object' && '__html' in value) return (value as SafeHtml).__html;
  return escapeHtml(String(value));
}

const PORTAL_CSS = `
header.site{border-bottom:3px solid #b3261e;margin-bottom:1.5rem}header.site a{color:#b3261e;text-decoration:none;font-weight:bold;font-size:1.2rem}
nav.crumbs{font-size:.9rem;margin-bottom:1rem}nav.crumbs a{color:#1a4f8b}
ul.downloads{display:flex;gap:1rem;flex-wrap:wrap;list-style:none;padding:0}ul.downloads a{color:#1a4f8b}
table.list{border-collapse:collapse;width:100%}table.list td,table.list th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}
code{background:#f4f4f4;padding:0 .25rem}
form fieldset{border:1px solid #ccc;margin:1rem 0;padding:.5rem 1rem}legend{font-weight:bold}
.field{margin:.6rem 0}.field label{display:block;font-weight:bold;margin-bottom:.2rem}
.field input,.field select,.field textarea{width:100%;max-width:36rem;padding:.45rem;font-size:1rem;border:1px solid #777;border-radius:3px;box-sizing:border-box}
.hint{color:#555;font-size:.85rem;margin:.2rem 0}.error{color:#b3261e;font-weight:bold}.has-error input,.has-error textarea{border-color:#b3261e}
button{background:#b3261e;color:#fff;border:0;padding:.6rem 1.6rem;font-size:1rem;border-radius:3px;cursor:pointer}
.filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}.filters .field{flex:1 1 12rem}.filters button{margin:.6rem 0}
article.message{border-bottom:1px solid #ddd;padding-bottom:.5rem}article.message h3{font-size:1rem}
dl.receipt dt{font-weight:bold}dl.receipt dd{font-size:1.4rem;font-family:monospace;margin:0 0 .5rem}
table.agency-index td:nth-child(3) a{white-space:nowrap;margin-right:.4rem}
.error-summary{border:3px solid #b3261e;padding:.5rem 1rem;margin:1rem 0}.error-summary h2{font-size:1.1rem;margin:.3rem 0}.error-summary a{color:#b3261e}
ol.timeline li{margin:.4rem 0}.snippet{color:#444;font-size:.9rem}mark{background:#fff0a8;color:inherit}.notice{border-left:4px solid #1a4f8b;background:#f1f6fb;padding:.5rem 1rem}
form.applicant-action{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1rem}ul.letters{list-style:none;padding:0}ul.letters form{display:inline}
button.link{background:none;color:#1a4f8b;text-decoration:underline;padding:0 .3rem;font-size:1rem}
.required{color:#b3261e;font-weight:normal;font-size:.85rem}
@media print{header.site,.no-print,nav.crumbs{display:none}body{font-size:12pt}a{color:#000;text-decoration:none}}
@media (max-width:40rem){table.agency-index td:nth-child(3),table.agency-index th:nth-child(3){display:none}}
`;

export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <style>
          ${raw(REPORT_CSS + PORTAL_CSS)}
        </style>
      </head>
      <body>
        <header class="site"><a href="/">gongkai 政府信息公开</a></header>
        <main>${body}</main>
      </body>
    </html> `.__html;
}

/** The links every page of an agency's portal carries. */
export function agencyNav(agencyId: string, agencyName: string): SafeHtml {
  const base = `/agencies/${agencyId}`;
  return html`<nav class="crumbs" aria-label="${agencyName}">
    <a href="/">全部机关</a> › <a href="${base}">${agencyName}</a>： <a href="${base}/guide">公开指南</a> ·
    <a href="${base}/documents">主动公开目录</a> · <a href="${base}/normative-documents">规范性文件</a> ·
    <a href="${base}/messages">公众留言</a> ·
    <a href="${base}/apply">申请公开</a>
  </nav>`;
}

/** A page that says what is not there, with status 404. */
export function notFoundPage(title: string, back?: { href: string; label: string }): string {
  return page(
    title,
    html`<h1>${title}</h1>
      ${back ? html`<p><a href="${back.href}">${back.label}</a></p>` : ''}`,
  );
}
