/**
 * What a person's browser gets when a page cannot be shown (no such address, a bad address, the server
 * busy or broken): a short page in Chinese with the reason and a way back, instead of the API's JSON.
 */
import type { FastifyRequest } from 'fastify';
import { escapeHtml } from './escape-html.ts';

/** A browser asking for a page (not the JSON API, not a script). */
export function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && /text\/html/.test(request.headers.accept ?? '');
}

export function htmlErrorPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <style>header.site{border-bottom:3px solid #b3261e;margin-bottom:1.5rem}header.site a{color:#b3261e;text-decoration:none;font-weight:bold;font-size:1.2rem}body{font-family:"Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a}h1{font-size:1.4rem;color:#b3261e}a{color:#1a4f8b}</style>
  </head>
  <body>
    <header class="site"><a href="/">gongkai 政府信息公开</a></header>
    <h1>${escapeHtml(title)}</h1>
    <p>${escapeHtml(message)}</p>
    <p><a href="/">返回政府信息公开首页</a></p>
  </body>
</html>
`;
}

/** The site's icon: the character 公 on the portal's red, as SVG (every browser in use reads it). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#b3261e"/><text x="32" y="45" font-size="38" text-anchor="middle" fill="#fff" font-family="Noto Sans SC,Microsoft YaHei,PingFang SC,sans-serif">公</text></svg>`;
