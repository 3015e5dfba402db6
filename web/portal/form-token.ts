/**
 * CSRF protection for the public forms (no session): a random token in an HttpOnly, SameSite=Strict
 * cookie and the same token in a hidden field; a POST whose two do not match is refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const COOKIE = 'gk_form';

export function issueFormToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[COOKIE];
  const token =
    existing && /^[A-Za-z0-9_-]{32}$/.test(existing) ? existing : randomBytes(24).toString('base64url');
  reply.setCookie(COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict' });
  return token;
}

export function isFormTokenValid(request: FastifyRequest, submitted: unknown): boolean {
  const cookie = request.cookies[COOKIE];
  if (!cookie || typeof submitted !== 'string' || cookie.length !== submitted.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(submitted));
}
