/**
 * CSRF protection for the public forms (no session): a token in an HttpOnly, SameSite=Strict cookie and
 * the same token in a hidden field; a POST whose two do not match is refused. The token is a random
 * nonce signed with the server's secret, so a cookie planted by someone else (a sibling subdomain can
 * set cookies for the site) is not accepted; the cookie is Secure when the site is served over HTTPS.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const COOKIE = 'gk_form';
const SHAPE = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;

let settings: { secret: Buffer; secure: boolean } = { secret: randomBytes(32), secure: false };

/**
 * The secret that signs form tokens (GONGKAI_SECRET; when unset, one made at start, so forms opened
 * before a restart must be reloaded — several processes behind one proxy must share it) and whether the
 * cookie needs HTTPS.
 */
export function configureFormTokens(options: { secret?: string; secure: boolean }): void {
  settings = {
    secret: options.secret ? Buffer.from(options.secret) : settings.secret,
    secure: options.secure,
  };
}

const signatureOf = (nonce: string) =>
  createHmac('sha256', settings.secret).update(nonce).digest('base64url').slice(0, 22);

function isSigned(token: string | undefined): token is string {
  if (!token || !SHAPE.test(token)) return false;
  const [nonce = '', signature = ''] = token.split('.');
  return timingSafeEqual(Buffer.from(signatureOf(nonce)), Buffer.from(signature));
}

export function issueFormToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[COOKIE];
  let token = existing;
  if (!isSigned(token)) {
    const nonce = randomBytes(16).toString('base64url');
    token = `${nonce}.${signatureOf(nonce)}`;
  }
  reply.setCookie(COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: settings.secure });
  return token;
}

export function isFormTokenValid(request: FastifyRequest, submitted: unknown): boolean {
  const cookie = request.cookies[COOKIE];
  if (!isSigned(cookie) || typeof submitted !== 'string' || cookie.length !== submitted.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(submitted));
}
