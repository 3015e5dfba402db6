/**
 * CSRF protection for the public forms (no session): a token in an HttpOnly, SameSite=Strict cookie and
 * the same token in a hidden field; a POST whose two do not match is refused. The token is a random
 * nonce signed with the server's secret, so a cookie planted by someone else (a sibling subdomain can
 * set cookies for the site) is not accepted; the cookie is Secure when the site is served over HTTPS.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
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

/**
 * A fresh submission nonce for one rendering of a form: the same nonce posted twice is the same
 * submission (the receipt of the first), never a second application.
 */
export function issueSubmissionNonce(): string {
  return randomBytes(16).toString('base64url');
}

export function isSubmissionNonce(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);
}

/** What is stored of a nonce or of the form cookie: a hash. */
export function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The hash of this browser's form cookie (the receipt is shown to the browser that submitted). */
export function formCookieHash(request: FastifyRequest): string {
  return hashOf(request.cookies[COOKIE] ?? '');
}

const receiptKey = () => createHash('sha256').update('receipt:').update(settings.secret).digest();

/** Seals a query code for its receipt page (AES-256-GCM under the server's secret). */
export function sealForReceipt(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', receiptKey(), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

/** The sealed text, or undefined when it cannot be opened (another secret: sealed before a restart). */
export function openReceiptSeal(sealed: string): string | undefined {
  try {
    const [iv = '', tag = '', data = ''] = sealed.split('.');
    const decipher = createDecipheriv('aes-256-gcm', receiptKey(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
