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
    <style>body{font-family:"Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a}h1{font-size:1.4rem;color:#b3261e}a{color:#1a4f8b}</style>
  </head>
  <body>
    <h1>${escapeHtml(title)}</h1>
    <p>${escapeHtml(message)}</p>
    <p><a href="/">返回政府信息公开首页</a></p>
  </body>
</html>
`;
}
